// The pressure block's layout (src/ui/views/gaugeLayout.ts), with the heights the board's texts
// have as drawn in Chromium (caption 20 px, a 13 px name 17 px): at 1280 x 720 the first row's name
// touched the caption and the last row's bar sat on the window's bottom edge.
import { describe, expect, it } from 'vitest';
import { BOTTOM_PAD, gaugeLayout, MIN_BAR } from '../../src/ui/views/gaugeLayout';

const VIEW = { top: 554, bottom: 660, captionH: 20, labelH: 17 };

describe('gaugeLayout', () => {
  for (const rows of [4, 5]) {
    it(`${rows} rows: names clear of the caption and of each other, every bar above the bottom margin`, () => {
      const lay = gaugeLayout({ ...VIEW, rows });
      expect(lay.rows).toHaveLength(rows);
      const first = lay.caption ? VIEW.top + VIEW.captionH : VIEW.top;
      expect(lay.rows[0]!.top).toBeGreaterThanOrEqual(first);
      for (const [k, r] of lay.rows.entries()) {
        // The name's box, then a bar of at least MIN_BAR, before the row's end.
        expect(r.top + VIEW.labelH + MIN_BAR, `row ${k}`).toBeLessThanOrEqual(r.end);
        const next = lay.rows[k + 1];
        if (next) expect(r.end).toBeLessThan(next.top);
      }
      expect(lay.rows.at(-1)!.end).toBeLessThanOrEqual(VIEW.bottom - BOTTOM_PAD);
    });
  }

  it('keeps the caption where the rows have room for it, and leaves it out where they do not', () => {
    expect(gaugeLayout({ ...VIEW, rows: 4 }).caption).toBe(true);
    expect(gaugeLayout({ ...VIEW, rows: 5 }).caption).toBe(false);
    expect(gaugeLayout({ ...VIEW, rows: 0 })).toEqual({ caption: false, rows: [], rowH: 0 });
  });
});
