// Text that overlaps other text, as a reader sees it: for the layout test. Every line of visible
// text inside a part of the page is taken as a box, cut to what its scrolling ancestors show (text
// scrolled out of a list is not seen), and two boxes from different text that cross by more than a
// couple of pixels each way are an overlap. A bar laid over scrolling text (a sticky header or
// footer) counts too: text that is not the bar's own and shows inside the bar's box is covered by
// it, the bar's box likewise cut to what its ancestors show. Only the ancestors that hold a box
// clip it: an absolute box escapes a static scroller, a fixed one every box (tested on a page made
// for it: overlap.test.ts).
import type { Page } from 'playwright-core';

/** Overlaps inside `selector`, as "“text a” over “text b”" (a few at most); [] when none. */
export const textOverlaps = (page: Page, selector: string): Promise<string[]> =>
  page.evaluate(sel => {
    const root = document.querySelector(sel);
    if (!root) return [`nothing matches ${sel}`];
    type Box = { l: number; t: number; r: number; b: number };
    const cut = (a: Box, b: Box): Box => ({ l: Math.max(a.l, b.l), t: Math.max(a.t, b.t), r: Math.min(a.r, b.r), b: Math.min(a.b, b.b) });
    const box = (r: DOMRect): Box => ({ l: r.left, t: r.top, r: r.right, b: r.bottom });
    // What a box that clips (scrolls or hides) shows of its contents: inside its borders and scroll bars.
    const inner = (a: Element): Box => {
      const r = a.getBoundingClientRect();
      const l = r.left + a.clientLeft;
      const t = r.top + a.clientTop;
      return { l, t, r: l + a.clientWidth, b: t + a.clientHeight };
    };
    // Overflow does nothing on an inline box; the page's own (html's, body's) is the window's, the start.
    const clips = (a: Element, st: CSSStyleDeclaration) =>
      (st.overflowX !== 'visible' || st.overflowY !== 'visible') && !['inline', 'contents'].includes(st.display) && a !== document.body && a !== document.documentElement;
    // Whether `a` holds a box positioned `pos` (is in its chain of containing blocks): a fixed box's
    // is the window unless an ancestor is transformed, an absolute one's its nearest positioned
    // ancestor, any other's its parent.
    const holds = (a: Element, pos: string) => {
      if (pos !== 'absolute' && pos !== 'fixed') return true;
      const st = getComputedStyle(a);
      const all = st.transform !== 'none' || st.filter !== 'none' || st.perspective !== 'none' || /paint|layout|strict|content/.test(st.contain);
      return all || (pos === 'absolute' && st.position !== 'static');
    };
    // What the window shows of what is inside `el` (its text, or `el` itself if `own` is false):
    // cut by `el` if it clips (a one-line title cut short with an ellipsis hides the rest of its
    // text) and by each ancestor that clips and holds it, through its containing blocks. A box that
    // escapes an ancestor's clip (an absolute one inside a static scroller, a fixed one) is not cut by it.
    const shown = (el: Element, own = true): Box => {
      let v: Box = { l: 0, t: 0, r: innerWidth, b: innerHeight };
      if (own && clips(el, getComputedStyle(el))) v = cut(v, inner(el));
      let pos = getComputedStyle(el).position;
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (!holds(a, pos)) continue;
        const st = getComputedStyle(a);
        if (clips(a, st)) v = cut(v, inner(a));
        pos = st.position;
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
    // A bar covers only what of it is in sight: one scrolled out of its list, or clipped by its box, hides nothing outside.
    const barBoxes = bars.map(bar => ({ bar, box: cut(box(bar.getBoundingClientRect()), shown(bar, false)) }));
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
      for (const { bar, box: barBox } of barBoxes) {
        if (bar.contains(a.el) || out.length >= 6) continue;
        if (crosses(a.box, barBox)) out.push(`${say(a.node)} under the bar ${bar.className || bar.tagName}`);
      }
    }
    return out;
  }, selector);
