// The desk's tabs keep their focus ring to themselves: at 1280x720 and on a phone (390x844), the
// ring of the focused Reports tab (pressed R) is drawn inside the tab, clear of its label, and does
// not reach past the tab bar over the first line of the panel's text (at 1280x720 the panel scrolled
// to the middle of the computer's reasons). It stays a visible ring (accessibility): solid, at least 2 px. Photographed
// as tab-focus-reports and tab-focus-reports-phone.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, screenshot, viewportShot } from './harness';
import { newGame, playInPage } from './play';

interface Ring {
  focused: string;
  visible: boolean;
  style: string;
  width: number;
  /** How far the ring's outer edge reaches below the tab bar's bottom (positive: over the panel). */
  below: number;
  /** How far the ring reaches outside the tab's own box, on any side (positive: outside it). */
  outside: number;
  /** The label's box within the ring's inner edge (false: the ring is drawn over it). */
  labelClear: boolean;
  /** The panel's scroll position and how far it can scroll. */
  scrolled: number;
  scrollable: number;
}

/** The focused element's focus ring, measured from its box and computed outline. */
const ring = (page: Page): Promise<Ring> =>
  page.evaluate(() => {
    const tab = document.activeElement as HTMLElement;
    const cs = getComputedStyle(tab);
    const w = parseFloat(cs.outlineWidth);
    const off = parseFloat(cs.outlineOffset);
    const t = tab.getBoundingClientRect();
    // The outline's outer edge lies offset + width beyond the border edge (inside it when negative).
    const out = off + w;
    const bar = document.querySelector('.tabs')!.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(tab.firstChild!);
    const label = range.getBoundingClientRect();
    const inner = { left: t.left - off, right: t.right + off, top: t.top - off, bottom: t.bottom + off };
    const panel = document.getElementById('panel')!;
    return {
      focused: tab.id,
      visible: tab.matches(':focus-visible'),
      style: cs.outlineStyle,
      width: w,
      below: t.bottom + out - bar.bottom,
      outside: out,
      labelClear: label.left >= inner.left && label.right <= inner.right && label.top >= inner.top && label.bottom <= inner.bottom,
      scrolled: panel.scrollTop,
      scrollable: panel.scrollHeight - panel.clientHeight,
    };
  });

/** Opens every entry of the reports and scrolls the panel to the middle of them. */
async function scrollReports(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('#panel details')) d.open = true;
    const panel = document.getElementById('panel')!;
    panel.scrollTop = (panel.scrollHeight - panel.clientHeight) / 2;
  });
}

describeBrowser("the desk tabs' focus ring", browser => {
  it('stays inside the focused Reports tab, off the scrolled reasons, and visible', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await newGame(page, { scenario: '1927', side: 'britain', opponent: 'persona', seed: 'focus' });
    // Play on until the reports, opened, are long enough to scroll.
    let long = false;
    for (let k = 0; k < 8 && !long; k++) {
      const r = await playInPage(page, { tick: false, maxDesks: 1 });
      expect(r.screen).toBe('desk');
      await page.keyboard.press('r');
      await scrollReports(page);
      long = (await ring(page)).scrollable > 100;
      if (!long) await page.keyboard.press('o');
    }
    expect(long, 'the reports grew long enough to scroll').toBe(true);
    for (const size of [
      { width: 1280, height: 720, shot: 'tab-focus-reports' },
      { width: 390, height: 844, shot: 'tab-focus-reports-phone' },
    ]) {
      await page.setViewportSize(size);
      await page.locator('.tabs').evaluate(e => e.scrollIntoView({ block: 'start' }));
      await scrollReports(page);
      const m = await ring(page);
      expect(m.focused, size.shot).toBe('tab-reports');
      expect(m.visible, size.shot).toBe(true);
      expect(m.style).toBe('solid');
      expect(m.width).toBeGreaterThanOrEqual(2);
      // At 1280x720 the panel scrolls under the tabs; on a phone the page does, and the panel is as long as its text.
      if (size.width === 1280) expect(m.scrolled, 'the panel is scrolled').toBeGreaterThan(0);
      expect(m.below, `${size.shot}: the ring reaches over the panel`).toBeLessThanOrEqual(0);
      expect(m.outside, `${size.shot}: the ring is drawn outside the tab`).toBeLessThanOrEqual(0);
      expect(m.labelClear, `${size.shot}: the ring crosses the tab's label`).toBe(true);
      if (size.width === 1280) await screenshot(page, size.shot);
      else await viewportShot(page, size.shot);
    }
    tp.expectNoConsoleErrors();
    await tp.close();
  }, 600_000);
});
