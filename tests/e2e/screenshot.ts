// Screenshots for the browser tests, apart from the harness so that code outside Vitest (the web
// bench, through play.ts) can drive the game without importing Vitest.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './build';

export { SCREENSHOT_DIR };

/** Saves a full-page PNG as test-artifacts/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Saves what the viewport shows (not the whole page) as test-artifacts/screenshots/NAME.png: a phone's screen as its holder sees it. */
export async function viewportShot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: file });
  return file;
}
