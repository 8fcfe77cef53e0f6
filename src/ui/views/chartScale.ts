// Pure layout helpers for the board views: axis scaling with round ticks, month labels, dashed
// lines, text fitting by abbreviation and ellipsis, and the card grid. No Phaser, no DOM, so the
// tests run in Node.

export interface Pt {
  x: number;
  y: number;
}

/** A round step (1, 2, 2.5 or 5 times a power of ten) giving at most `maxTicks` intervals over `range`. */
export function niceStep(range: number, maxTicks: number): number {
  const span = Math.abs(range);
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, maxTicks);
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * mag >= raw * (1 - 1e-9)) return m * mag;
  }
  return 10 * mag;
}

export interface Ticks {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/**
 * Round ticks covering [lo, hi]; the axis runs from the tick at or below lo to the one at or above
 * hi. A flat or single value still gets a sensible axis (0 up to the value, or around it).
 */
export function niceTicks(lo: number, hi: number, maxTicks = 4): Ticks {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = 0;
    hi = 1;
  }
  if (lo > hi) [lo, hi] = [hi, lo];
  if (lo === hi) {
    if (lo === 0) hi = 1;
    else if (lo > 0) lo = 0;
    else hi = 0;
  }
  const step = niceStep(hi - lo, maxTicks);
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  const n = Math.round((max - min) / step);
  for (let i = 0; i <= n; i++) ticks.push(round(min + i * step));
  return { min: round(min), max: round(max), step, ticks };
}

const round = (v: number) => {
  const r = Math.round(v * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
};

/** A linear map from [d0, d1] to [r0, r1]; a zero-width domain maps to the middle of the range. */
export function scaleLinear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return v => r0 + (v - d0) * k;
}

/** 1710 -> "1,710"; 2.5 -> "2.5"; -250 -> "−250" (a true minus sign). */
export function formatThousands(v: number): string {
  const neg = v < 0;
  const a = Math.abs(v);
  const whole = Math.round(a);
  const s = Math.abs(a - whole) < 1e-6 || a >= 100 ? String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(Math.round(a * 10) / 10);
  return (neg && s !== '0' ? '\u2212' : '') + s;
}

/**
 * A trade figure in the chart's legend: whole thousands of pounds, as the large figures beside it
 * read. formatThousands keeps a decimal on a small value (an axis tick of 0.5 needs it), which put
 * "1.6" beside "1,234" as if in another unit.
 */
export const legendThousands = (v: number): string => formatThousands(Math.round(v));

/**
 * Which of n points get a label, at most `max` of them, evenly spaced, always the last (the newest
 * month) and the first when there is room.
 */
export function labelIndices(n: number, max: number): number[] {
  if (n <= 0 || max <= 0) return [];
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  if (max === 1) return [n - 1];
  const stride = Math.ceil((n - 1) / (max - 1));
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i -= stride) out.unshift(i);
  return out;
}

/**
 * Which of an axis's labels to show so that none runs into another: the first always (where the
 * axis starts), then from the first label clear of it (its neighbour, a few days on, may not be)
 * every `step`-th, the least step of `steps` at which they stand apart. Each label is its box along
 * the axis, in order; `gap` is the least space between two shown.
 */
export function apartLabels(boxes: readonly { left: number; right: number }[], steps: readonly number[], gap: number): number[] {
  if (!boxes.length) return [];
  const clear = (i: number, of: number) => boxes[i]!.left >= boxes[of]!.right + gap;
  let from = 1;
  while (from < boxes.length && !clear(from, 0)) from++;
  for (const step of steps) {
    const out = [0];
    for (let i = from; i < boxes.length && out.length; i += step) {
      if (clear(i, out.at(-1)!)) out.push(i);
      else out.length = 0; // they run together at this step: a wider one
    }
    if (out.length) return out;
  }
  // Even the widest step does not keep them apart: each shown only if clear of the one shown before.
  const out = [0];
  for (let i = from; i < boxes.length; i++) if (clear(i, out.at(-1)!)) out.push(i);
  return out;
}

/** Split a polyline into dash segments [x1, y1, x2, y2], the pattern running on across corners. */
export function dashPolyline(points: readonly Pt[], dash: number, gap: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  if (points.length < 2 || dash <= 0) return out;
  const period = dash + Math.max(0, gap);
  let phase = 0; // distance into the current period
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!,
      b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len === 0) continue;
    const ux = (b.x - a.x) / len,
      uy = (b.y - a.y) / len;
    let t = 0;
    while (t < len - 1e-9) {
      const inDash = phase < dash;
      const left = (inDash ? dash : period) - phase;
      const step = Math.min(left, len - t);
      if (inDash) out.push([a.x + ux * t, a.y + uy * t, a.x + ux * (t + step), a.y + uy * (t + step)]);
      t += step;
      phase += step;
      if (phase >= period - 1e-9) phase = 0;
    }
  }
  return out;
}

/** A value's place in [lo, hi] as 0..1, clamped. */
export function unit(v: number, lo: number, hi: number): number {
  if (hi === lo) return 0.5;
  return Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
}

// ---- Text fitting ------------------------------------------------------------------------------

export type Measure = (s: string) => number;
export type Rule = readonly [RegExp, string];

export { GROUP_SHORT, ISSUE_END_SHORT, OFFICE_SHORT } from '../../app/shortNames';

/** Shortenings for offices, applied one after another until the text fits. */
export const OFFICE_RULES: readonly Rule[] = [
  [/Council of People's Commissars/g, 'Sovnarkom'],
  [/Central Executive Committee/g, 'CEC'],
  [/Lord President of the Council/g, 'Lord President'],
  [/Chancellor of the Duchy of Lancaster/g, 'Chanc. of the Duchy'],
  [/Chancellor of the Exchequer/g, 'Ch. of the Exchequer'],
  [/President of the (Board of \w+)/g, '$1'],
  [/Head of (the )?/g, ''],
  [/ in London/g, ', London'],
  [/Parliamentary Under-Secretary/g, 'Under-Sec.'],
  [/Permanent Under-Secretary/g, 'Perm. Under-Sec.'],
  [/Parliamentary Secretary/g, 'Parl. Sec.'],
  [/Secretary of State for (the )?/g, 'Sec. for '],
  [/People's Commissar for /g, 'Commissar, '],
  [/People's Commissar/g, 'Commissar'],
  [/Member of the Politburo/g, 'Politburo'],
  [/ for Foreign Affairs/g, ', Foreign Affairs'],
  [/Foreign Affairs/g, 'Foreign Aff.'],
  [/Department of /g, 'Dept. of '],
  [/Secretary/g, 'Sec.'],
  [/President of the /g, 'Pres., '],
  [/President/g, 'Pres.'],
  [/Chairman of the /g, 'Chair, '],
  [/Deputy /g, 'Dep. '],
  [/Minister of /g, 'Min. of '],
  [/Commissioner/g, 'Commr.'],
  [/Representative/g, 'Rep.'],
  [/Ambassador/g, 'Amb.'],
  [/Counsellor/g, 'Couns.'],
  [/Committee/g, 'Cttee'],
  [/ and /g, ' & '],
  [/\bthe /g, ''],
];

/** Shortenings for pressure groups. */
export const GROUP_RULES: readonly Rule[] = [
  [/ and the /g, ' & '],
  [/ and /g, ' & '],
  [/Conservative/g, 'Cons.'],
  [/Parliamentary/g, 'Parl.'],
  [/associations/g, 'assns.'],
  [/concessionaires/g, 'concessions'],
  [/, the /g, ', '],
  [/\bthe /gi, ''],
  // Last before an ellipsis: a group's leaders or initials in brackets ("United Opposition (Trotsky, Zinoviev)").
  [/\s*\([^)]*\)/g, ''],
];

/**
 * The text, shortened to fit `maxW` as measured: first by the rules in order (each kept once
 * applied), then by its hand-made short form if it has one, and only then cut at the end with an
 * ellipsis. '' if not even the ellipsis fits.
 */
export function fitText(s: string, maxW: number, measure: Measure, rules: readonly Rule[] = [], short: Readonly<Record<string, string>> = {}): string {
  if (measure(s) <= maxW) return s;
  let t = s;
  for (const [re, by] of rules) {
    const next = t.replace(re, by);
    if (next === t) continue;
    t = next;
    if (measure(t) <= maxW) return t;
  }
  const own = Object.hasOwn(short, s) ? short[s] : undefined;
  return ellipsize(own ?? t, maxW, measure);
}

/**
 * A name too wide for one line, broken after a hyphen into two lines that each fit
 * ("Worthington-" / "Evans"): a double-barrelled surname whole, not cut or swapped for half of it.
 * The last hyphen whose first part fits; null if the name fits on one line or no break fits.
 */
export function hyphenLines(s: string, maxW: number, measure: Measure): [string, string] | null {
  if (measure(s) <= maxW) return null;
  for (let i = s.lastIndexOf('-'); i > 0; i = s.lastIndexOf('-', i - 1)) {
    const a = s.slice(0, i + 1),
      b = s.slice(i + 1);
    if (b && measure(a) <= maxW && measure(b) <= maxW) return [a, b];
  }
  return null;
}

/** The longest start of s that fits with "…" after it (trailing spaces and commas dropped). */
export function ellipsize(s: string, maxW: number, measure: Measure): string {
  if (measure(s) <= maxW) return s;
  const chars = Array.from(s);
  let lo = 0,
    hi = chars.length; // lo fits (the bare ellipsis is checked below), hi does not
  const cut = (n: number) =>
    chars
      .slice(0, n)
      .join('')
      .replace(/[\s,;:&.(-]+$/, '') + '\u2026';
  if (measure('\u2026') > maxW) return '';
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (measure(cut(mid)) <= maxW) lo = mid;
    else hi = mid;
  }
  return lo === 0 ? '\u2026' : cut(lo);
}

/** A rough measure for tests and fallbacks: average character width times length. */
export const charMeasure =
  (px: number): Measure =>
  s =>
    Array.from(s).length * px;

// ---- Card grid -------------------------------------------------------------------------------

export interface Grid {
  cols: number;
  rows: number;
  cardW: number;
  cardH: number;
  cells: Pt[];
}

/**
 * n cards in a w x h area, row by row (the lead top left): `rows` rows at most, as many columns as
 * that needs, card width from the area, no wider than maxW.
 */
export function cardGrid(n: number, w: number, h: number, opts: { rows?: number; gap?: number; maxW?: number } = {}): Grid {
  const gap = opts.gap ?? 6;
  const maxRows = Math.max(1, opts.rows ?? 2);
  if (n <= 0) return { cols: 0, rows: 0, cardW: 0, cardH: 0, cells: [] };
  const rows = Math.min(maxRows, n);
  const cols = Math.ceil(n / rows);
  const cardW = Math.min(opts.maxW ?? Infinity, Math.floor((w - gap * (cols - 1)) / cols));
  const cardH = Math.floor((h - gap * (rows - 1)) / rows);
  const cells: Pt[] = [];
  for (let i = 0; i < n; i++) {
    const r = Math.floor(i / cols),
      c = i % cols;
    cells.push({ x: c * (cardW + gap), y: r * (cardH + gap) });
  }
  return { cols, rows, cardW, cardH, cells };
}

/**
 * Share a width budget among texts that want `widths`: each keeps what it needs if all fit; else
 * the widest are cut down to a common cap, so short texts stay whole.
 */
export function shareWidths(widths: readonly number[], budget: number): number[] {
  const need = widths.reduce((a, b) => a + b, 0);
  if (need <= budget) return widths.slice();
  if (budget <= 0) return widths.map(() => 0);
  let lo = 0,
    hi = Math.max(...widths);
  for (let k = 0; k < 40; k++) {
    const cap = (lo + hi) / 2;
    if (widths.reduce((a, w) => a + Math.min(w, cap), 0) > budget) hi = cap;
    else lo = cap;
  }
  return widths.map(w => Math.min(w, lo));
}
