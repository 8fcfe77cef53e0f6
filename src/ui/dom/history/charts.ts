// Charts of history mode, drawn with uPlot (small, fast, canvas): lines over the scenario's dates
// (a figure in two branches, rupture by date) and histograms (war danger, trade balance), with
// history's value marked as a dashed rule. Each chart comes with its figures in words beside it
// (the caller's table or summary), since a canvas says nothing to a screen reader.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './charts.css';
import { dayDate } from '../../../engine/index';
import { FONTS } from '../../palette';
import { h } from '../h';

export interface LineSeries {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
  /** Line width in CSS pixels (default 2): a wider line drawn first stays seen round a narrower one drawn over it where the two are equal. */
  width?: number;
  /** A dot at each value (default true): over two lines that meet, at daily turns the dots ran together and hid them both. */
  dots?: boolean;
}

export interface Mark {
  x: number;
  label: string;
}

const INK = '#1f1b16';
const SOFT = '#5a5045';
const GRID = '#0000001a';
/** CSS pixels above a chart's plot for its marks' labels. */
const MARK_ROOM = 20;
const FONT = `12px ${FONTS.body}`;

/**
 * An axis's dates in the game's form, short enough for an axis: "2 May 1927", then "9 May", "16 May"…,
 * the year again where it changes ("2 May 27" read as a day of 2027, or as the 27th).
 */
export function axisDates(days: readonly number[]): string[] {
  let year = '';
  return days.map(d => {
    const full = dayDate(Math.round(d));
    const y = full.slice(-4);
    const same = y === year;
    year = y;
    return same ? full.slice(0, -5) : full;
  });
}

/** Draws history's (or any) value as a dashed vertical rule with its label. */
function markPlugin(marks: readonly Mark[]): uPlot.Plugin {
  return {
    hooks: {
      draw: u => {
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = INK;
        ctx.fillStyle = INK;
        ctx.setLineDash([6, 4]);
        ctx.lineWidth = 2 * devicePixelRatio;
        ctx.font = `${12 * devicePixelRatio}px Oswald, sans-serif`;
        // uPlot leaves its axes' alignment set on the context: label positions here are left edges.
        ctx.textAlign = 'left';
        ctx.textBaseline = 'alphabetic';
        for (const m of marks) {
          const x = u.valToPos(m.x, 'x', true);
          if (!Number.isFinite(x)) continue;
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          // The label above the plot, in the band MARK_ROOM keeps free, so no line or point can run through it.
          const w = ctx.measureText(m.label).width;
          const tx = Math.min(Math.max(u.bbox.left, x - w / 2), u.bbox.left + u.bbox.width - w);
          ctx.fillText(m.label, tx, u.bbox.top - 5 * devicePixelRatio);
        }
        ctx.restore();
      },
    },
  };
}

/** An axis; with no label, uPlot keeps no room for one. */
const axis = (label: string | null, values?: uPlot.Axis['values']): uPlot.Axis => ({
  ...(label !== null ? { label } : {}),
  stroke: SOFT,
  font: FONT,
  labelFont: FONT,
  grid: { stroke: GRID, width: 1 },
  ticks: { stroke: GRID, width: 1 },
  ...(values ? { values } : {}),
});

/** Room uPlot keeps below a plot for the x axis (its ticks' size and its label's). */
const X_AXIS_ROOM = 80;

let measurer: CanvasRenderingContext2D | null | undefined;
/** Whether a y-axis title fits along the plot's height (written up the side, a long one ran off both ends). */
function titleFits(label: string, height: number, marks: boolean): boolean {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return true;
  measurer.font = FONT;
  return measurer.measureText(label).width <= height - X_AXIS_ROOM - (marks ? MARK_ROOM : 0);
}

/**
 * The y axis's title where it fits; else none on the axis, and the title above the chart, whole
 * (a figure's name: "Soviet orders for Britain before credit and diversion (£000/month)").
 */
function yTitle(el: HTMLElement, label: string, height: number, marks: boolean): string | null {
  el.querySelector(':scope > .chart-y-title')?.remove();
  if (titleFits(label, height, marks)) return label;
  el.prepend(h('figcaption', { class: 'chart-y-title', 'aria-hidden': 'true' }, label));
  return null;
}

/** Half the width of the widest date on the x axis ("31 Dec 1932"), in px. */
const DATE_ROOM = 36;

/** The width a chart gets: its box's, or a fallback before layout. */
const widthOf = (box: HTMLElement) => Math.max(280, Math.floor(box.getBoundingClientRect().width || 600));

/** A chart's box; charts are drawn once the box is in the page (so it has a width). */
function chartBox(label: string): HTMLElement {
  return h('figure', { class: 'chart', role: 'img', 'aria-label': label });
}

/** Lines over engine days. `marks` are dashed rules (history's date, say). */
export function lineChart(
  label: string,
  days: readonly number[],
  series: readonly LineSeries[],
  yLabel: string,
  opts: { marks?: Mark[]; yRange?: [number, number]; height?: number } = {},
): { el: HTMLElement; draw(): void; destroy(): void } {
  const el = chartBox(label);
  let plot: uPlot | null = null;
  return {
    el,
    draw() {
      plot?.destroy();
      const data: uPlot.AlignedData = [Float64Array.from(days), ...series.map(s => s.values.map(v => (v === null ? null : v)))];
      const height = opts.height ?? 220;
      const title = yTitle(el, yLabel, height, !!opts.marks?.length);
      plot = new uPlot(
        {
          width: widthOf(el),
          height,
          // Room on the right for half the last date, which is centred on the plot's edge ("13 May 27" was cut there).
          padding: [opts.marks?.length ? MARK_ROOM : null, DATE_ROOM, null, null] as uPlot.Padding,
          // Names only: a live legend shows "--" for every series until the pointer is over the chart.
          legend: { show: series.length > 1, live: false },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: false }, y: opts.yRange ? { range: opts.yRange } : { auto: true } },
          // Dates at least a date's width apart ("31 Dec 1932" is some 70 px): at uPlot's 50 they ran together on a phone.
          axes: [{ ...axis('', (_u, splits) => axisDates(splits)), space: 76 }, axis(title)],
          series: [
            { label: 'date', value: (_u, v) => (v === null ? '' : dayDate(Math.round(v))) },
            ...series.map(s => ({
              label: s.label,
              stroke: s.color,
              width: s.width ?? 2,
              ...(s.dash ? { dash: s.dash } : {}),
              ...(s.dots === false ? { points: { show: false } } : {}),
              spanGaps: false,
            })),
          ],
          plugins: [markPlugin(opts.marks ?? [])],
        },
        data,
        el,
      );
    },
    destroy() {
      plot?.destroy();
      plot = null;
    },
  };
}

/** A histogram: bins given by their lower edges (and the top), counts as shares of all games. */
export function histogram(
  label: string,
  edges: readonly number[],
  counts: readonly number[],
  xLabel: string,
  opts: { marks?: Mark[]; color?: string; format?: (x: number) => string } = {},
): { el: HTMLElement; draw(): void; destroy(): void } {
  const el = chartBox(label);
  let plot: uPlot | null = null;
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  // Each bin runs to the next edge; the last is as wide as the one before it.
  const step = edges.length > 1 ? edges[1]! - edges[0]! : 1;
  const top = edges[edges.length - 1]! + step;
  const mids = counts.map((_, i) => (edges[i]! + (edges[i + 1] ?? top)) / 2);
  const fmt = opts.format ?? ((x: number) => String(Math.round(x)));
  return {
    el,
    draw() {
      plot?.destroy();
      plot = new uPlot(
        {
          width: widthOf(el),
          height: 200,
          ...(opts.marks?.length ? { padding: [MARK_ROOM, null, null, null] as uPlot.Padding } : {}),
          legend: { show: false },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: false, range: [edges[0]!, top] }, y: { range: [0, Math.max(0.05, ...counts.map(c => c / total)) * 1.1] } },
          axes: [axis(xLabel, (_u, splits) => splits.map(fmt)), axis('share of games', (_u, splits) => splits.map(v => `${Math.round(v * 100)}%`))],
          series: [{}, { label: 'share', fill: `${opts.color ?? '#1d3a5f'}cc`, stroke: opts.color ?? '#1d3a5f', paths: uPlot.paths.bars!({ size: [0.9, 80] }), points: { show: false } }],
          plugins: [markPlugin(opts.marks ?? [])],
        },
        [Float64Array.from(mids), counts.map(c => c / total)],
        el,
      );
    },
    destroy() {
      plot?.destroy();
      plot = null;
    },
  };
}
