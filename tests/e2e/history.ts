// Shared steps of the history-mode browser tests (no Vitest here).
import type { Page } from 'playwright-core';
import { textOverlaps } from './overlap';

/** Opens history mode from the title screen and watches a scenario's history. */
export async function watch(page: Page, scenario = '1927'): Promise<void> {
  await page.click('[data-action=history]');
  await page.click(`.pick-dialog [data-scenario="${scenario}"]`);
  await page.waitForSelector('#frame-date');
}

/** From the title: history mode for 1927, then its timeline tree. */
export async function openTree(page: Page): Promise<void> {
  await watch(page);
  await page.click('[data-action=tree]');
  await page.waitForSelector('.tree-grid');
}

/** From the title: history mode for `scenario`, its tree, and a branch imported there by its share code (the tree then holds history and that branch). */
export async function importBranch(page: Page, code: string, scenario = '1927'): Promise<void> {
  await watch(page, scenario);
  await page.click('[data-action=tree]');
  await page.waitForSelector('.tree-grid');
  await page.click('[data-action=import]');
  await page.fill('#import-code', code);
  await page.click('[data-action=import-code]');
  await page.waitForFunction(() => document.querySelectorAll('.tree-node').length === 2, null, { timeout: 120_000 });
}

/**
 * What is wrong with a history screen's layout as a reader sees it: the page itself scrolling (each
 * screen scrolls inside its body only, so a second scroll bar means something escaped it), text
 * over text in `part` of it, or the tree's month names running together. [] when the screen is tidy.
 */
export async function untidy(page: Page, part = 'main'): Promise<string[]> {
  const out: string[] = [];
  const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight, iw: innerWidth, ih: innerHeight }));
  if (size.h > size.ih + 1) out.push(`the page scrolls down: ${size.h} px tall in a ${size.ih} px window`);
  if (size.w > size.iw + 1) out.push(`the page scrolls sideways: ${size.w} px wide in a ${size.iw} px window`);
  return [...out, ...(await textOverlaps(page, part)), ...(await monthsRunTogether(page))];
}

/**
 * The timeline tree's month names that run into the next one (the axis is hidden from screen
 * readers, so textOverlaps passes over it): "“Feb 1932” runs into “Mar 1932”". [] when apart.
 * Read after the next frame: the names are fitted to a new width by a ResizeObserver, which runs
 * before that frame is painted (a reader never sees them unfitted, a test reading at once could).
 */
export const monthsRunTogether = (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const shown = [...document.querySelectorAll('.tree-head .month')].filter(el => el.checkVisibility());
    const out: string[] = [];
    for (let i = 1; i < shown.length; i++) {
      const a = shown[i - 1]!.getBoundingClientRect();
      const b = shown[i]!.getBoundingClientRect();
      if (b.left < a.right + 4) out.push(`“${shown[i - 1]!.textContent}” runs into “${shown[i]!.textContent}”`);
    }
    return out;
  });
