// What the board's canvas shows, read off a screenshot of it: its WebGL buffer is not kept after
// each frame, so the page cannot read it back, and a canvas WebGL never drew on is solid black.
import type { Page } from 'playwright-core';

export interface BoardPixels {
  /** Share of the canvas's pixels that are (near) black. */
  black: number;
  /** Distinct colours, in 16 steps a channel: the map, cards and gauges give hundreds, a blank canvas one. */
  colours: number;
}

/** Counts what the board's canvas shows now (decoded by the page itself, which has an image decoder). */
export async function boardPixels(page: Page): Promise<BoardPixels> {
  const png = await page.locator('#board canvas').screenshot();
  return page.evaluate(async b64 => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const x = c.getContext('2d')!;
    x.drawImage(img, 0, 0);
    const d = x.getImageData(0, 0, c.width, c.height).data;
    let black = 0;
    const colours = new Set<number>();
    for (let i = 0; i < d.length; i += 4) {
      const [r = 0, g = 0, b = 0] = d.subarray(i, i + 3);
      if (r + g + b < 30) black++;
      colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
    return { black: black / (d.length / 4), colours: colours.size };
  }, png.toString('base64'));
}

/**
 * Waits until the board shows a drawing (hardly any black, many colours), polling: a software GPU on
 * a busy machine may take seconds over the first frame. Throws, saying what it shows, at the deadline.
 */
export async function waitForBoardDrawn(page: Page, timeout = 60_000): Promise<void> {
  for (const end = Date.now() + timeout; ; ) {
    const shown = await boardPixels(page);
    if (shown.black < 0.1 && shown.colours >= 50) return;
    if (Date.now() > end) throw new Error(`the board is not drawn: ${Math.round(shown.black * 100)}% of it black, ${shown.colours} colours`);
    await page.waitForTimeout(500);
  }
}
