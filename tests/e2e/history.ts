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

/**
 * What is wrong with a history screen's layout as a reader sees it: the page itself scrolling (each
 * screen scrolls inside its body only, so a second scroll bar means something escaped it), or
 * text over text in `part` of it. [] when the screen is tidy.
 */
export async function untidy(page: Page, part = 'main'): Promise<string[]> {
  const out: string[] = [];
  const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight, iw: innerWidth, ih: innerHeight }));
  if (size.h > size.ih + 1) out.push(`the page scrolls down: ${size.h} px tall in a ${size.ih} px window`);
  if (size.w > size.iw + 1) out.push(`the page scrolls sideways: ${size.w} px wide in a ${size.iw} px window`);
  return [...out, ...(await textOverlaps(page, part))];
}
