// Shared by the browser tests of a computer's reasons on a given kind of turn (no Vitest here): play
// on until the reports hold an entry whose summary matches, open it alone, and photograph it at
// 1280x720 and on a phone (390x844), with what the phone shows checked for sideways scrolling and
// overlapping text.
import type { Page } from 'playwright-core';
import { textOverlaps } from './overlap';
import { playInPage } from './play';
import { screenshot, viewportShot } from './screenshot';

export interface ReasonsTurn {
  /** The entry's text as shown ('' if no turn matched within `turns`). */
  text: string;
  /** The page's width at 390 px (at most 390 when nothing overflows), and the overlaps in the reasons. */
  phoneWidth: number;
  overlaps: string[];
}

export async function reasonsTurn(page: Page, matches: (summary: string) => boolean, shot: string, turns = 60): Promise<ReasonsTurn> {
  const entries = page.locator('.reasons-list details.reasons');
  const summaries = () => page.locator('.reasons-list .reasons summary').allInnerTexts();
  for (let k = 0; k < turns; k++) {
    const r = await playInPage(page, { tick: false, maxDesks: 1 });
    if (r.screen !== 'desk') break;
    await page.keyboard.press('r');
    const ts = await summaries();
    const j = ts.findIndex(matches);
    if (j >= 0) {
      for (let n = 0; n < ts.length; n++) await entries.nth(n).evaluate((d, open) => ((d as HTMLDetailsElement).open = open), n === j);
      // Its top in view: an entry taller than the panel, centred, showed its middle and not its summary.
      await entries.nth(j).evaluate(d => d.scrollIntoView({ block: 'start' }));
      await screenshot(page, shot);
      await page.setViewportSize({ width: 390, height: 844 });
      await entries.nth(j).evaluate(d => d.scrollIntoView({ block: 'start' }));
      await viewportShot(page, `${shot}-phone`);
      const phoneWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      const overlaps = await textOverlaps(page, '.reasons-list');
      await page.setViewportSize({ width: 1280, height: 720 });
      return { text: await entries.nth(j).innerText(), phoneWidth, overlaps };
    }
    await page.keyboard.press('o');
  }
  return { text: '', phoneWidth: 0, overlaps: [] };
}
