import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/index';
import {
  apartLabels,
  cardGrid,
  charMeasure,
  dashPolyline,
  ellipsize,
  fitText,
  formatThousands,
  GROUP_RULES,
  GROUP_SHORT,
  hyphenLines,
  labelIndices,
  legendThousands,
  niceStep,
  niceTicks,
  OFFICE_RULES,
  OFFICE_SHORT,
  scaleLinear,
  shareWidths,
  unit,
} from '../../src/ui/views/chartScale';
import { loadScenarioFile } from '../loadScenario';

describe('niceStep and niceTicks', () => {
  it('picks round steps', () => {
    expect(niceStep(1710, 4)).toBe(500);
    expect(niceStep(100, 4)).toBe(25);
    expect(niceStep(9, 3)).toBe(5);
    expect(niceStep(0, 4)).toBe(1);
  });

  it('covers the data with round ticks from a floor to a ceiling', () => {
    const t = niceTicks(0, 1710, 4);
    expect(t).toEqual({ min: 0, max: 2000, step: 500, ticks: [0, 500, 1000, 1500, 2000] });
    const n = niceTicks(-250, 1450, 4);
    expect(n.min).toBeLessThanOrEqual(-250);
    expect(n.max).toBeGreaterThanOrEqual(1450);
    expect(n.ticks).toContain(0);
    expect(n.ticks.length - 1).toBeLessThanOrEqual(5);
  });

  it('gives a flat or single value a sensible axis', () => {
    expect(niceTicks(1710, 1710).min).toBe(0);
    expect(niceTicks(1710, 1710).max).toBeGreaterThanOrEqual(1710);
    expect(niceTicks(0, 0).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const neg = niceTicks(-40, -40);
    expect(neg.max).toBe(0);
    expect(neg.min).toBeLessThanOrEqual(-40);
    expect(niceTicks(NaN, 5).ticks.length).toBeGreaterThan(1);
  });

  it('swaps a reversed range and avoids float noise', () => {
    const t = niceTicks(0.3, 0.1, 4);
    expect(t.ticks).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
  });
});

describe('scales and numbers', () => {
  it('maps linearly and handles a zero-width domain', () => {
    const s = scaleLinear(0, 2000, 100, 0);
    expect(s(0)).toBe(100);
    expect(s(1000)).toBe(50);
    expect(scaleLinear(5, 5, 0, 10)(5)).toBe(5);
    expect(unit(150, 0, 100)).toBe(1);
    expect(unit(-100, -100, 100)).toBe(0);
    expect(unit(3, 3, 3)).toBe(0.5);
  });

  it('formats £000 figures', () => {
    expect(formatThousands(1710)).toBe('1,710');
    expect(formatThousands(406.25)).toBe('406');
    expect(formatThousands(-250)).toBe('\u2212250');
    expect(formatThousands(2.5)).toBe('2.5');
    expect(formatThousands(0)).toBe('0');
    expect(formatThousands(-0.01)).toBe('0');
    expect(formatThousands(1234567)).toBe('1,234,567');
  });

  it('breaks a double-barrelled name after its hyphen rather than cut it', () => {
    const m = (t: string) => t.length * 8;
    expect(hyphenLines('Worthington-Evans', 17 * 8, m)).toBeNull(); // fits whole
    expect(hyphenLines('Worthington-Evans', 15 * 8, m)).toEqual(['Worthington-', 'Evans']);
    expect(hyphenLines('Chamberlain', 5 * 8, m)).toBeNull(); // no hyphen: left to fitText
    expect(hyphenLines('Worthington-Evans', 6 * 8, m)).toBeNull(); // neither half fits
  });

  it('writes every legend figure in whole £000, a small balance as the large figures beside it', () => {
    expect(legendThousands(1.6)).toBe('2');
    expect(legendThousands(-1.6)).toBe('\u22122');
    expect(legendThousands(-0.4)).toBe('0');
    expect(legendThousands(1234.4)).toBe('1,234');
  });

  it('labels a few months, always the newest', () => {
    expect(labelIndices(1, 4)).toEqual([0]);
    expect(labelIndices(3, 4)).toEqual([0, 1, 2]);
    const l = labelIndices(17, 5);
    expect(l.at(-1)).toBe(16);
    expect(l.length).toBeLessThanOrEqual(5);
    expect(l[0]).toBeLessThan(4);
    expect(labelIndices(10, 1)).toEqual([9]);
    expect(labelIndices(0, 4)).toEqual([]);
  });
});

describe('apartLabels', () => {
  // Boxes of a label `w` wide: the first from where the axis starts, the others centred on their rule.
  const axis = (start: number, rules: number[], w: number) => [{ left: start, right: start + w }, ...rules.map(x => ({ left: x - w / 2, right: x + w / 2 }))];
  const apart = (boxes: { left: number; right: number }[], shown: number[], gap: number) => shown.every((k, j) => j === 0 || boxes[k]!.left >= boxes[shown[j - 1]!]!.right + gap);

  it('names the first month, and leaves out the one that would run into it (1927: May, a few days before June)', () => {
    // 1927 at 1280 px: the axis starts on 2 May; June's rule is 60 px on, then a month every 70 px.
    const boxes = axis(10, [70, 140, 210, 280, 350, 420, 490], 56);
    const shown = apartLabels(boxes, [1, 2, 3], 6);
    expect(shown[0]).toBe(0);
    expect(shown).not.toContain(1);
    expect(shown).toEqual([0, 2, 3, 4, 5, 6, 7]);
    expect(apart(boxes, shown, 6)).toBe(true);
  });

  it('takes the least step that keeps the names apart, counted from the first name clear of the first', () => {
    // Fifteen months 40 px apart, names 50 px wide: every other one.
    const boxes = axis(
      0,
      Array.from({ length: 15 }, (_, i) => 30 + 40 * i),
      50,
    );
    const shown = apartLabels(boxes, [1, 2, 3], 6);
    expect(shown).toEqual([0, 3, 5, 7, 9, 11, 13, 15]);
    expect(apart(boxes, shown, 6)).toBe(true);
    // A narrower axis (a phone): every third.
    const phone = axis(
      0,
      Array.from({ length: 15 }, (_, i) => 30 + 25 * i),
      50,
    );
    const p = apartLabels(phone, [1, 2, 3], 6);
    expect(p).toEqual([0, 4, 7, 10, 13]);
    expect(apart(phone, p, 6)).toBe(true);
  });

  it('counts the step from the first name clear of the first, not from its neighbour (1929 on a phone: three names, not two)', () => {
    // Sixteen months 9.4 px apart, names 40 px wide: every sixth from the first clear of January's.
    const boxes = axis(
      0,
      Array.from({ length: 16 }, (_, i) => 7 + 9.4 * i),
      40,
    );
    const shown = apartLabels(boxes, [1, 2, 3, 6, 12], 6);
    expect(shown).toEqual([0, 8, 14]);
    expect(apart(boxes, shown, 6)).toBe(true);
  });

  it('keeps the names apart even where no step would, and names at least the first', () => {
    const boxes = axis(0, [5, 10, 15, 60, 62, 200], 40);
    const shown = apartLabels(boxes, [1, 2], 4);
    expect(shown[0]).toBe(0);
    expect(apart(boxes, shown, 4)).toBe(true);
    expect(apartLabels([{ left: 0, right: 30 }], [1, 2], 4)).toEqual([0]);
    expect(apartLabels([], [1], 4)).toEqual([]);
  });
});

describe('dashPolyline', () => {
  it('cuts a straight line into dashes and gaps', () => {
    const d = dashPolyline(
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ],
      3,
      2,
    );
    expect(d).toEqual([
      [0, 0, 3, 0],
      [5, 0, 8, 0],
    ]);
  });

  it('carries the pattern across corners and skips empty input', () => {
    const d = dashPolyline(
      [
        { x: 0, y: 0 },
        { x: 2, y: 0 },
        { x: 2, y: 4 },
      ],
      3,
      1,
    );
    // 2 along x, then 1 more down to finish the first dash, gap 1, dash of 2 to the end
    expect(d[0]).toEqual([0, 0, 2, 0]);
    expect(d[1]).toEqual([2, 0, 2, 1]);
    expect(d[2]).toEqual([2, 2, 2, 4]);
    expect(dashPolyline([{ x: 1, y: 1 }], 3, 1)).toEqual([]);
  });
});

describe('fitText', () => {
  const m = charMeasure(7);

  it('leaves text that fits', () => {
    expect(fitText('Jix', 100, m)).toBe('Jix');
  });

  it('abbreviates offices before cutting them', () => {
    const s = fitText('Secretary of State for the Dominions and Colonies', 7 * 29, m, OFFICE_RULES);
    expect(s).toBe('Sec. for Dominions & Colonies');
    expect(fitText("Deputy People's Commissar for Foreign Affairs", 7 * 30, m, OFFICE_RULES)).toBe('Deputy Commissar, Foreign Aff.');
  });

  it('ends with an ellipsis when abbreviation is not enough, and never overflows', () => {
    for (const w of [10, 30, 60, 90, 140]) {
      const s = fitText('Engineering exporters, the FBI and the herring trade', w, m, GROUP_RULES);
      expect(m(s)).toBeLessThanOrEqual(w);
    }
    const s = fitText('Engineering exporters, the FBI and the herring trade', 7 * 20, m, GROUP_RULES);
    expect(s.endsWith('\u2026')).toBe(true);
    expect(s.startsWith('Engineering')).toBe(true);
  });

  it("drops a group's bracketed leaders before cutting its name, and only if it must", () => {
    expect(fitText('United Opposition (Trotsky, Zinoviev)', 7 * 20, m, GROUP_RULES)).toBe('United Opposition');
    expect(fitText('Conservative press (the Daily Mail)', 7 * 24, m, GROUP_RULES)).toBe('Cons. press (Daily Mail)');
    expect(fitText('Comintern militants (ECCI)', 7 * 26, m, GROUP_RULES)).toBe('Comintern militants (ECCI)');
  });

  // The room a minister card gives its office (15 px italic) and a gauge its group's name (13 px),
  // in characters: the layout test measured cuts at 17 and 21 glyphs there (tests/e2e/layout.test.ts
  // checks the real pixels).
  it('every office and group of the three scenarios fits whole, by the rules or its short form, never cut', () => {
    const cut: string[] = [];
    for (const id of ['1927', '1929', '1932']) {
      const c = compile(loadScenarioFile(id));
      for (const office of c.ministers.flatMap(x => [x.office, ...x.laterOffices.map(o => o.office)])) {
        const s = fitText(office, 17, charMeasure(1), OFFICE_RULES, OFFICE_SHORT);
        if (s.endsWith('\u2026')) cut.push(`${id} office: ${s} (${office})`);
      }
      for (const g of c.groups) {
        const s = fitText(g.name, 20, charMeasure(1), GROUP_RULES, GROUP_SHORT);
        if (s.endsWith('\u2026')) cut.push(`${id} group: ${s} (${g.name})`);
      }
    }
    expect(cut).toEqual([]);
  });

  it('uses a short form only when the rules are not enough', () => {
    expect(fitText('Party plenum and congress', 7 * 30, m, GROUP_RULES, GROUP_SHORT)).toBe('Party plenum and congress');
    expect(fitText('Party plenum and congress', 7 * 17, m, GROUP_RULES, GROUP_SHORT)).toBe('Plenum & congress');
    expect(fitText("Deputy People's Commissar for Foreign Affairs", 7 * 15, m, OFFICE_RULES, OFFICE_SHORT)).toBe('Dep. Commissar');
  });

  it('drops a dangling separator before the ellipsis', () => {
    expect(ellipsize('Cons. die-hards & back-benchers', 7 * 18, m)).toBe('Cons. die-hards\u2026');
    expect(ellipsize('abc', 3, m)).toBe('');
    expect(ellipsize('abcdef', 7, m)).toBe('\u2026');
  });
});

describe('cardGrid', () => {
  it('fits 16 cards in two rows of 8 inside the area', () => {
    const g = cardGrid(16, 900, 160, { gap: 6 });
    expect(g.cols).toBe(8);
    expect(g.rows).toBe(2);
    for (const c of g.cells) {
      expect(c.x + g.cardW).toBeLessThanOrEqual(900);
      expect(c.y + g.cardH).toBeLessThanOrEqual(160);
    }
    expect(g.cells[8]).toEqual({ x: 0, y: g.cardH + 6 });
  });

  it('uses ceil(n/2) columns for odd counts and caps the card width', () => {
    expect(cardGrid(13, 900, 160).cols).toBe(7);
    const few = cardGrid(3, 900, 160, { maxW: 180 });
    expect(few.cardW).toBe(180);
    expect(few.rows).toBe(2);
    expect(cardGrid(1, 900, 160).rows).toBe(1);
    expect(cardGrid(0, 900, 160).cells).toEqual([]);
  });
});

describe('shareWidths', () => {
  it('keeps every width when the budget allows', () => {
    expect(shareWidths([50, 100, 30], 200)).toEqual([50, 100, 30]);
  });

  it('cuts the widest first, keeping short texts whole', () => {
    const r = shareWidths([160, 100, 110], 300);
    expect(r.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(300);
    expect(r.reduce((a, b) => a + b, 0)).toBeGreaterThan(299);
    expect(r[1]).toBe(100);
    expect(r[0]).toBeCloseTo(100, 0);
    expect(r[2]).toBeCloseTo(100, 0);
    expect(shareWidths([10, 20], 0)).toEqual([0, 0]);
  });
});
