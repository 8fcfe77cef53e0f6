// Readable colours (issue 10, item 6): every text colour the stylesheet and the board use reaches
// WCAG's 4.5:1 contrast on every background it can sit on. Computed from the colours themselves
// (src/ui/styles.css's custom properties and rules, src/ui/palette.ts and the board's views), so a
// colour changed in either place is checked again.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTE, type PaletteKey } from '../../src/ui/palette';

const MIN = 4.5;

/** WCAG relative luminance of an opaque #rgb or #rrggbb colour. */
function luminance(hex: string): number {
  let h = hex.replace('#', '');
  if (h.length === 3) h = [...h].map(c => c + c).join('');
  const [r, g, b] = [0, 2, 4].map(i => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const opaque = (v: string | undefined): v is string => v !== undefined && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v);
const isLight = (hex: string) => luminance(hex) > 0.4;

// ---- The stylesheet ----------------------------------------------------------------------------

const css = readFileSync('src/ui/styles.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const vars = new Map([...css.matchAll(/--([\w-]+):\s*([^;]+);/g)].map(m => [m[1]!, m[2]!.trim()]));

/** A colour value resolved through custom properties; `--side` and its light stand for either side's. */
function resolve(v: string): string[] {
  const m = /^var\(--([\w-]+)\)$/.exec(v.trim());
  if (!m) return [v.trim()];
  if (m[1] === 'side') return [vars.get('britain')!, vars.get('ussr')!];
  if (m[1] === 'side-light') return [vars.get('britain-light')!, vars.get('ussr-light')!];
  const x = vars.get(m[1]!);
  return x === undefined ? [] : resolve(x);
}

/** Each rule (innermost braces) with its declarations. */
const rules = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(m => {
  const decl = new Map([...m[2]!.matchAll(/([\w-]+)\s*:\s*([^;]+)/g)].map(d => [d[1]!.trim(), d[2]!.trim()]));
  return { selector: m[1]!.trim(), decl };
});

/** Every opaque background the sheet paints, light and dark. */
const backgrounds = [...new Set(rules.flatMap(r => [r.decl.get('background'), r.decl.get('background-color')].flatMap(v => (v ? resolve(v) : [])).filter(opaque)))];
const lightBackgrounds = backgrounds.filter(isLight);
const darkBackgrounds = backgrounds.filter(b => !isLight(b));

describe('text colours in the stylesheet', () => {
  it('finds the backgrounds it checks against', () => {
    expect(lightBackgrounds).toEqual(expect.arrayContaining([vars.get('paper'), vars.get('paper-dark'), vars.get('britain-light'), vars.get('ussr-light')]));
    expect(darkBackgrounds).toEqual(expect.arrayContaining([vars.get('britain'), vars.get('ussr'), vars.get('ink')]));
  });

  it(`reach ${MIN}:1 on their own background, or on every background of the other lightness`, () => {
    const low: string[] = [];
    for (const r of rules) {
      const color = r.decl.get('color');
      if (!color) continue;
      const bg = r.decl.get('background') ?? r.decl.get('background-color');
      const own = bg ? resolve(bg).filter(opaque) : [];
      for (const fg of resolve(color).filter(opaque)) {
        // A rule that paints its own background is read on it; otherwise dark text sits on the
        // sheet's light backgrounds and light text on its dark ones.
        const on = own.length ? own : isLight(fg) ? darkBackgrounds : lightBackgrounds;
        for (const b of on) if (contrast(fg, b) < MIN) low.push(`${r.selector}: ${fg} on ${b} is ${contrast(fg, b).toFixed(2)}:1`);
      }
    }
    expect(low).toEqual([]);
  });

  it('the good and bad signals reach it on the paper', () => {
    for (const k of ['good', 'bad', 'warn']) expect(contrast(resolve(`var(--${k})`)[0]!, vars.get('paper')!), k).toBeGreaterThanOrEqual(MIN);
  });
});

// ---- The board ---------------------------------------------------------------------------------

/** The backgrounds the board draws text on: the paper, the map's land and sea, the sides' light tints. */
const BOARD_BACKGROUNDS: PaletteKey[] = ['paper', 'paperDark', 'land', 'sea', 'britainLight', 'ussrLight'];

/** Text colours in the board's views: palette keys given as a text colour, and literal colours given for text. */
function boardTextColours(): { where: string; hex: string }[] {
  const out: { where: string; hex: string }[] = [];
  for (const f of readdirSync('src/ui/views').filter(x => x.endsWith('.ts'))) {
    const src = readFileSync(`src/ui/views/${f}`, 'utf8');
    for (const m of src.matchAll(/(?:color:\s*|style\('\w+',\s*[\w.]+,\s*)PALETTE\.(\w+)/g)) out.push({ where: `${f}: PALETTE.${m[1]}`, hex: PALETTE[m[1] as PaletteKey] });
    for (const m of src.matchAll(/css:\s*'(#[0-9a-fA-F]{6})'/g)) out.push({ where: `${f}: ${m[1]}`, hex: m[1]! });
  }
  // The side colours (headings, gauge labels, capitals on the map).
  out.push({ where: 'side colour', hex: PALETTE.britain }, { where: 'side colour', hex: PALETTE.ussr });
  return out;
}

describe('text colours on the board', () => {
  it(`reach ${MIN}:1 on each background the board draws text on (light text only on its dark tags)`, () => {
    const colours = boardTextColours();
    expect(colours.length).toBeGreaterThan(5);
    const low: string[] = [];
    for (const c of colours) {
      const on = isLight(c.hex) ? [PALETTE.ink, PALETTE.britain, PALETTE.ussr] : BOARD_BACKGROUNDS.map(k => PALETTE[k]);
      for (const b of on) if (contrast(c.hex, b) < MIN) low.push(`${c.where} (${c.hex}) on ${b}: ${contrast(c.hex, b).toFixed(2)}:1`);
    }
    expect([...new Set(low)]).toEqual([]);
  });

  it('the contrast function agrees with known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
