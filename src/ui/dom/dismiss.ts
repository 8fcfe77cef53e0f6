// A press outside an open menu closes it and does nothing else, as menus do: the press is kept
// from whatever is under it, a DOM button as much as the board's canvas. Phaser acts on a game
// object at a pointer's release, and listens on the window too (it hit-tests where the pointer is,
// whatever element is there), so a layer laid over the page would not stop it; listeners on the
// window's capture phase, first on the event's way, do.

/** The events of one press, mouse or touch, up to the click the browser makes of it. */
const PRESS_EVENTS = ['pointerdown', 'mousedown', 'touchstart', 'pointerup', 'mouseup', 'touchend', 'click'] as const;

/**
 * While `isOpen()`, a press whose target is outside `inside` closes the menu (`close`) and is
 * swallowed to its click. Returns the function that takes the listeners away.
 */
export function pressOutsideCloses(inside: () => Element[], isOpen: () => boolean, close: () => void): () => void {
  /** The press now under way began outside the open menu: the rest of it goes nowhere. */
  let swallowing = false;
  const handler = (e: Event) => {
    if (e.type === 'pointerdown') {
      // A new press: the last one's events are over (a swipe ends without a click).
      swallowing = isOpen() && !inside().some(el => el.contains(e.target as Node));
      if (swallowing) close();
    }
    if (!swallowing) return;
    e.stopPropagation();
    // Not a touch's start or end: that would stop the page scrolling. A click's default would
    // tick a box or follow a link; a mouse press's would move the focus or open a list.
    if (e.cancelable && !e.type.startsWith('touch')) e.preventDefault();
    if (e.type === 'click') swallowing = false;
  };
  // A press that made no click (a drag) is over by the next key: Enter's click on a button is its own.
  const keyed = () => {
    swallowing = false;
  };
  for (const t of PRESS_EVENTS) window.addEventListener(t, handler, { capture: true, passive: false });
  window.addEventListener('keydown', keyed, true);
  return () => {
    for (const t of PRESS_EVENTS) window.removeEventListener(t, handler, { capture: true });
    window.removeEventListener('keydown', keyed, true);
  };
}
