/**
 * When the page does what is not urgent: once the frame is painted, or in its idle periods
 * (requestIdleCallback), piece by piece, so that a key or a click never waits behind more than one
 * piece; a piece that found no idle period for DELAI_MAX_MS runs anyway.
 * Where requestIdleCallback is missing (Safari), a short timer stands in, one piece at a time.
 */

/** A piece starts only with this much of the idle period left: the longest piece (a prefix look-up) takes about as long. */
const MARGE_MS = 12;
const DELAI_SANS_IDLE_MS = 50;
const DELAI_MAX_MS = 500;

/** Runs `piece` while it returns true, in idle periods; returns what stops it. */
export function pendantLesTempsMorts(piece: () => boolean): () => void {
  let arrete = false;
  if (typeof requestIdleCallback === "function") {
    let id: number;
    const suite = (echeance: IdleDeadline) => {
      let attendue = echeance.didTimeout;
      while (!arrete && (attendue || echeance.timeRemaining() >= MARGE_MS)) {
        attendue = false;
        if (!piece()) return;
      }
      if (!arrete) id = requestIdleCallback(suite, { timeout: DELAI_MAX_MS });
    };
    id = requestIdleCallback(suite, { timeout: DELAI_MAX_MS });
    return () => {
      arrete = true;
      cancelIdleCallback(id);
    };
  }
  let minuteur: ReturnType<typeof setTimeout>;
  const suite = () => {
    if (!arrete && piece()) minuteur = setTimeout(suite, DELAI_SANS_IDLE_MS);
  };
  minuteur = setTimeout(suite, DELAI_SANS_IDLE_MS);
  return () => {
    arrete = true;
    clearTimeout(minuteur);
  };
}

/** Runs `f` once the next frame is painted: a task queued from requestAnimationFrame runs after the paint. */
export function apresLImage(f: () => void): void {
  requestAnimationFrame(() => setTimeout(f, 0));
}
