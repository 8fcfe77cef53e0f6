// Two of history mode's loose ends (session 21), where a reader saw them. The watch's playback keeps
// to full rows at every width between a phone and a desk: the speed menu sat alone on a second row
// from 900 to some 960 px, the date and speed menus at 800. And the compare chart shows both lines
// where the two are equal: B's dashes were drawn over A's line of the same width, so A (history)
// seemed to start where they part. Photographed as history-rows-<width> and history-chart-together.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { encodeShareCode, HistoryTree, shareSegments, TRUNK_ID } from '../../src/app/history/index';
import { compile } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { describeBrowser, screenshot } from './harness';
import { untidy, watch } from './history';

/** The playback's parts row by row, as the ids or classes of each row's parts (a part starting below every part before it starts a row). */
const controlRows = (page: Page): Promise<string[][]> =>
  page.evaluate(() => {
    const rows: string[][] = [];
    let bottom = -Infinity;
    for (const el of document.querySelectorAll<HTMLElement>('.watch-controls > *')) {
      const r = el.getBoundingClientRect();
      const name = el.id || el.className || el.tagName;
      if (r.top >= bottom - 1) {
        rows.push([name]);
        bottom = r.bottom;
      } else {
        rows.at(-1)!.push(name);
        bottom = Math.max(bottom, r.bottom);
      }
    }
    return rows;
  });

describeBrowser('history: the playback and the compare chart', browser => {
  it('keeps the playback in full rows from a phone to a desk, nothing alone on a row', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 800 } });
    const page = tp.page;
    await watch(page);
    for (const width of [620, 700, 800, 900, 940, 1000, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.waitForFunction(w => innerWidth === w, width);
      const rows = await controlRows(page);
      await screenshot(page, `history-rows-${width}`);
      expect(rows.length, `${width} px: ${JSON.stringify(rows)}`).toBeLessThanOrEqual(2);
      expect(
        rows.filter(r => r.length === 1),
        `${width} px: ${JSON.stringify(rows)}`,
      ).toEqual([]);
      expect(await untidy(page, '.watch-controls')).toEqual([]);
    }
    tp.expectNoConsoleErrors();
  });

  it('draws both lines where A and B are equal, before they part', async () => {
    // 1927: Britain only publishes at the 23 May Cabinet; the trade balance is the same until then.
    const sc = loadScenarioFile('1927');
    const c = compile(sc);
    const tree = HistoryTree.create(sc);
    const at = tree.moves(TRUNK_ID).findIndex(m => m.type === 'decide' && m.event === 'rupture-vote');
    const opt = c.events[c.eventIndex.get('rupture-vote')!]!.decision!.options.find(o => o.id === 'publish-only')!;
    const b = tree.branch({ node: TRUNK_ID, at }, { players: { britain: 'historical', ussr: 'historical' }, moves: [{ type: 'decide', side: 'britain', event: 'rupture-vote', option: opt.id }] });
    if (!b.ok) throw new Error(b.error);
    const played = tree.playComputers(b.value.id);
    if (!played.ok) throw new Error(played.error);
    const code = await encodeShareCode(sc, tree.line(b.value.id), shareSegments(tree, b.value.id));

    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await watch(page);
    await page.click('[data-action=tree]');
    await page.waitForSelector('.tree-grid');
    await page.click('[data-action=import]');
    await page.fill('#import-code', code);
    await page.click('[data-action=import-code]');
    await page.waitForFunction(() => document.querySelectorAll('.tree-node').length === 2, null, { timeout: 120_000 });
    await page.check('[data-pick=trunk]');
    await page.locator('.tree-pick input').nth(1).check();
    await page.click('[data-action=compare]');
    await page.waitForSelector('.diff-chart canvas');
    await page.locator('.diff-chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'history-chart-together');
    // Column by column left of "they part" (the mark, the one tall dark rule), the pixels of A's
    // ink and of B's red: where B's dash is drawn, A must show beside it, above or below.
    const seen = await page
      .locator('.diff-chart canvas')
      .first()
      .evaluate((cv: HTMLCanvasElement) => {
        const ctx = cv.getContext('2d')!;
        const { width, height } = cv;
        const px = ctx.getImageData(0, 0, width, height).data;
        const at = (x: number, y: number) => px.subarray((y * width + x) * 4, (y * width + x) * 4 + 4);
        const ink = (p: Uint8ClampedArray) => p[3]! > 200 && p[0]! < 70 && p[1]! < 70 && p[2]! < 70;
        const red = (p: Uint8ClampedArray) => p[3]! > 200 && p[0]! > 140 && p[1]! < 90 && p[2]! < 90;
        let mark = -1;
        let most = 0;
        for (let x = 0; x < width; x++) {
          let n = 0;
          for (let y = 0; y < height; y++) if (ink(at(x, y))) n++;
          if (n > most) [most, mark] = [n, x];
        }
        let redCols = 0;
        let both = 0;
        for (let x = 0; x < mark - 8; x++) {
          const ys: number[] = [];
          for (let y = 0; y < height; y++) if (red(at(x, y))) ys.push(y);
          if (!ys.length) continue;
          redCols++;
          const lo = Math.min(...ys) - 6;
          const hi = Math.max(...ys) + 6;
          let dark = false;
          for (let y = Math.max(0, lo); y <= Math.min(height - 1, hi) && !dark; y++) dark = ink(at(x, y));
          if (dark) both++;
        }
        return { mark, redCols, both };
      });
    expect(seen.mark).toBeGreaterThan(0);
    expect(seen.redCols).toBeGreaterThan(10);
    expect(seen.both / seen.redCols, JSON.stringify(seen)).toBeGreaterThan(0.9);
    tp.expectNoConsoleErrors();
  }, 300_000);
});
