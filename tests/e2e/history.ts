// Shared steps of the history-mode browser tests (no Vitest here).
import type { Page } from 'playwright-core';

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
