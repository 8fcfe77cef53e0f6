// Text that overlaps other text, as a reader sees it: for the layout test. Every line of visible
// text inside a part of the page is taken as a box, cut to what its scrolling ancestors show (text
// scrolled out of a list is not seen), and two boxes from different text that cross by more than a
// couple of pixels each way are an overlap. A bar laid over scrolling text (a sticky header or
// footer) counts too: text that is not the bar's own and shows inside the bar's box is covered by it.
import type { Page } from 'playwright-core';

/** Overlaps inside `selector`, as "“text a” over “text b”" (a few at most); [] when none. */
export const textOverlaps = (page: Page, selector: string): Promise<string[]> =>
  page.evaluate(sel => {
    const root = document.querySelector(sel);
    if (!root) return [`nothing matches ${sel}`];
    type Box = { l: number; t: number; r: number; b: number };
    const cut = (a: Box, b: Box): Box => ({ l: Math.max(a.l, b.l), t: Math.max(a.t, b.t), r: Math.min(a.r, b.r), b: Math.min(a.b, b.b) });
    const box = (r: DOMRect): Box => ({ l: r.left, t: r.top, r: r.right, b: r.bottom });
    // What an element shows of its text: cut by itself and each ancestor that clips (scrolls or
    // hides; a one-line title cut short with an ellipsis hides the rest of its own text).
    const shown = (el: Element): Box => {
      let v: Box = { l: 0, t: 0, r: innerWidth, b: innerHeight };
      for (let a: Element | null = el; a; a = a.parentElement) {
        const st = getComputedStyle(a);
        if (st.overflowX !== 'visible' || st.overflowY !== 'visible') v = cut(v, box(a.getBoundingClientRect()));
      }
      return v;
    };
    // Laid-over bars: positioned sticky, fixed or absolute, with a background of their own.
    const bars = [...root.querySelectorAll<HTMLElement>('*')].filter(el => {
      const st = getComputedStyle(el);
      return ['sticky', 'fixed', 'absolute'].includes(st.position) && st.backgroundColor !== 'rgba(0, 0, 0, 0)' && el.checkVisibility();
    });
    const texts: { box: Box; node: Text; el: Element }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('.visually-hidden, [aria-hidden=true]')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const clip = shown(el);
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        const b = cut(box(r), clip);
        if (b.r - b.l > 0.5 && b.b - b.t > 0.5) texts.push({ box: b, node: n, el });
      }
    }
    const say = (n: Text) => `“${n.textContent!.trim().slice(0, 30)}”`;
    // Lines of one paragraph touch; a crossing of more than this each way is an overlap.
    const SLACK = 2.5;
    const crosses = (a: Box, b: Box) => Math.min(a.r, b.r) - Math.max(a.l, b.l) > SLACK && Math.min(a.b, b.b) - Math.max(a.t, b.t) > SLACK;
    const out: string[] = [];
    for (let i = 0; i < texts.length && out.length < 6; i++) {
      const a = texts[i]!;
      for (let j = i + 1; j < texts.length && out.length < 6; j++) {
        const b = texts[j]!;
        if (a.node !== b.node && crosses(a.box, b.box)) out.push(`${say(a.node)} over ${say(b.node)}`);
      }
      for (const bar of bars) {
        if (bar.contains(a.el) || out.length >= 6) continue;
        if (crosses(a.box, box(bar.getBoundingClientRect()))) out.push(`${say(a.node)} under the bar ${bar.className || bar.tagName}`);
      }
    }
    return out;
  }, selector);
