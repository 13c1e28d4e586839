/**
 * Runs `ajuster` now and whenever Decap changes the page. Decap offers no hook for its login page or
 * its workflow toolbar; these adjustments add or hide elements, never move Decap's own.
 */
export function surveiller(ajuster: () => void): void {
  let prevu = false;
  const planifier = () => {
    if (prevu) return;
    prevu = true;
    queueMicrotask(() => {
      prevu = false;
      ajuster();
    });
  };
  new MutationObserver(planifier).observe(document.body, { childList: true, subtree: true, characterData: true });
  planifier();
}

/** Hides an element of Decap's (inline style: its styled-components classes set `display`). */
export function cacher(element: HTMLElement): void {
  if (element.style.getPropertyValue("display") !== "none") element.style.setProperty("display", "none", "important");
}
