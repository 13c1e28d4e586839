/**
 * Which of the result list's cards are on screen, kept by an IntersectionObserver (it reads no layout
 * during a keystroke): a keystroke renders the cards up to the last one on screen, and the others once
 * the typing has paused. On a phone the list starts below the words field, often off screen
 * while typing.
 */
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";

export function useCartesALEcran() {
  const liste = useRef<HTMLOListElement>(null);
  const aLEcran = useRef(new Set<Element>());
  const observateur = useRef<IntersectionObserver | undefined>(undefined);
  const connu = useRef(false);

  // After every commit: the list and its cards are observed (observing one twice does nothing).
  useLayoutEffect(() => {
    const ol = liste.current;
    if (!ol || typeof IntersectionObserver === "undefined") return;
    const io = (observateur.current ??= new IntersectionObserver((entrees) => {
      connu.current = true;
      for (const e of entrees) {
        if (e.isIntersecting) aLEcran.current.add(e.target);
        else {
          aLEcran.current.delete(e.target);
          // A card taken out of the list: no longer observed (the observer would keep it alive).
          if (!e.target.isConnected) io.unobserve(e.target);
        }
      }
    }));
    io.observe(ol);
    for (const li of Array.from(ol.children)) io.observe(li);
  });
  useEffect(() => () => observateur.current?.disconnect(), []);

  /**
   * How many of the first cards reach what the screen shows of the list: 0 when the list is off screen;
   * undefined when not known (before the first observation, or the list on screen without a card).
   */
  const cartesALEcran = useCallback((): number | undefined => {
    const ol = liste.current;
    if (!ol || !connu.current) return undefined;
    if (!aLEcran.current.has(ol)) return 0;
    let n = 0;
    for (let k = 0; k < ol.children.length; k++) if (aLEcran.current.has(ol.children[k]!)) n = k + 1;
    return n > 0 ? n : undefined;
  }, []);

  return { liste, cartesALEcran };
}
