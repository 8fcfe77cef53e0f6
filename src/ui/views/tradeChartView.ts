// The trade chart: British exports and re-exports to the USSR, imports from it, and the balance
// (imports less exports and re-exports, in Soviet favour when positive), month by month in £000.
// Lines are told apart by dash and marker shape as well as colour; the balance is drawn as bars.
// Hovering a month shows its figures in the legend; otherwise the legend shows the latest month.

import type { BoardModel } from '../../app/board';
import { HEX, PALETTE } from '../palette';
import type Phaser from '../phaser';
import { dashPolyline, formatThousands, labelIndices, legendThousands, niceTicks, type Pt, scaleLinear } from './chartScale';
import { addText, Bag, hitZone, type Marker, marker, measurer, type TextOpts, Tooltip } from './draw';
import type { BoardView, Rect, ViewHost } from './types';

type Month = BoardModel['trade'][number];
type Key = 'imports' | 'exports' | 'reExports' | 'balance';

interface Series {
  key: Key;
  name: string;
  color: number;
  css: string;
  marker: Marker | null;
  dash: [number, number] | null;
  tip: string;
}

const SERIES: Series[] = [
  {
    key: 'imports',
    name: 'UK imports',
    color: HEX.ussr,
    css: PALETTE.ussr,
    marker: 'triangle',
    dash: null,
    tip: 'British imports from the USSR: Soviet grain, timber, oil and furs sold for sterling',
  },
  {
    key: 'exports',
    name: 'UK exports',
    color: HEX.britain,
    css: PALETTE.britain,
    marker: 'circle',
    dash: null,
    tip: 'British exports to the USSR: Soviet orders placed in Britain, delivered months later',
  },
  { key: 'reExports', name: 'UK re-exports', color: HEX.calm, css: '#005c40', marker: 'square', dash: [5, 3], tip: 'British re-exports to the USSR: colonial goods re-sold through London' },
  { key: 'balance', name: 'Soviet surplus', color: HEX.bad, css: '#8f3e00', marker: null, dash: null, tip: 'The balance: UK imports less exports and re-exports; above zero it is in Soviet favour' },
];

/** The chart keeps room for at least this many months, so an early game is not one lonely dot. */
const MIN_SLOTS = 6;
const LEGEND_W = 168;
/** Inner margin at the right of the view. */
const PAD = 6;
const TITLE_H = 20;
const AXIS_W = 40;
const MONTHS_H = 17;

const TITLE: TextOpts = { font: 'poster', size: 14, color: PALETTE.ink, spacing: 1 };
const UNIT: TextOpts = { size: 12, italic: true, color: PALETTE.inkSoft };
const AXIS: TextOpts = { font: 'poster', size: 12, color: PALETTE.inkSoft };
const LEG: TextOpts = { size: 13 };
const LEGV: TextOpts = { font: 'poster', size: 13 };

export class TradeChartView implements BoardView {
  private bag = new Bag();
  private trade: Month[] = [];
  private legendValues: Phaser.GameObjects.Text[] = [];
  private legendMonth: Phaser.GameObjects.Text | null = null;
  private guide: Phaser.GameObjects.Graphics | null = null;
  private xOf: (i: number) => number = () => 0;
  private plot = { x: 0, y: 0, w: 0, h: 0 };

  private tooltip: Tooltip;

  constructor(
    private host: ViewHost,
    private rect: Rect,
  ) {
    this.tooltip = new Tooltip(host.scene);
  }

  private figs: BoardModel['tradeFigs'] | null = null;
  private next: BoardModel['tradeNext'] = null;

  update(m: BoardModel): void {
    this.trade = m.trade;
    this.next = m.tradeNext;
    this.figs = m.tradeFigs;
    this.draw();
  }

  destroy(): void {
    this.bag.destroyAll();
    this.tooltip.destroy();
    this.legendValues = [];
    this.legendMonth = null;
    this.guide = null;
    this.trade = [];
  }

  private draw(): void {
    this.bag.clear();
    this.tooltip.hide();
    this.legendValues = [];
    const scene = this.host.scene;
    const { x, y, h } = this.rect;
    const w = this.rect.w - PAD;
    const data = this.trade;
    const g = this.bag.add(scene.add.graphics());

    // Title.
    const title = addText(this.bag, scene, x, y, 'ANGLO-SOVIET TRADE', TITLE);
    addText(this.bag, scene, x + title.width + 8, y + 2, '\u00a3000 a month', UNIT, w - LEGEND_W - title.width - 8);

    // Plot area.
    const px = x + AXIS_W,
      py = y + TITLE_H + 6;
    const pw = w - AXIS_W - LEGEND_W - 10,
      ph = h - (py - y) - MONTHS_H;
    this.plot = { x: px, y: py, w: pw, h: ph };
    g.fillStyle(0xfbf8ef, 1).fillRect(px, py, pw, ph);
    g.lineStyle(1, HEX.rule, 1).strokeRect(px, py, pw, ph);

    this.legend(g, x + w - LEGEND_W, y, LEGEND_W);

    // A month's figures come once it is out: the first turns have none, then one. Said plainly, with
    // the month and the date they come, in the room the months to come will take.
    const next = this.next;
    // A date is not broken across lines ("4 / June").
    const whole = (s: string) => s.replaceAll(' ', '\u00a0');
    const comes = next ? (next.on ? `come on ${whole(next.on)}` : 'would come after the game ends') : '';
    if (!data.length) {
      const s = next ? `No month has ended yet. The first figures, for ${whole(next.month)}, ${comes}.` : 'No trade figures.';
      addText(this.bag, scene, px + pw / 2, py + ph / 2, s, UNIT)
        .setAlign('center')
        .setWordWrapWidth(pw - 16)
        .setOrigin(0.5);
      return;
    }

    // Y axis: round ticks covering every series and zero.
    const vals = data.flatMap(d => [d.imports, d.exports, d.reExports, d.balance]);
    const ticks = niceTicks(Math.min(0, ...vals), Math.max(0, ...vals), ph >= 80 ? 4 : 3);
    const yOf = scaleLinear(ticks.min, ticks.max, py + ph - 4, py + 4);
    for (const t of ticks.ticks) {
      const ty = Math.round(yOf(t)) + 0.5;
      g.lineStyle(1, t === 0 ? HEX.ink : HEX.paperDark, 1).lineBetween(px, ty, px + pw, ty);
      addText(this.bag, scene, px - 4, ty, formatThousands(t), AXIS).setOrigin(1, 0.5);
    }

    // X: one slot per month, at least MIN_SLOTS.
    const slots = Math.max(MIN_SLOTS, data.length);
    const slotW = pw / slots;
    this.xOf = i => px + slotW * (i + 0.5);
    const xOf = this.xOf;

    // The slots still empty say which month comes next, and when.
    const room = (slots - data.length) * slotW - 12;
    if (next && room >= 90) {
      const nx = px + data.length * slotW + 6;
      addText(this.bag, scene, nx + room / 2, py + ph / 2, `${next.short}'s figures ${comes}`, UNIT)
        .setAlign('center')
        .setWordWrapWidth(room)
        .setOrigin(0.5);
    }

    // Balance as bars from the zero line.
    const zy = yOf(0);
    const barW = Math.max(3, Math.min(18, slotW * 0.55));
    data.forEach((d, i) => {
      const by = yOf(d.balance);
      g.fillStyle(HEX.bad, 0.28).fillRect(xOf(i) - barW / 2, Math.min(by, zy), barW, Math.abs(by - zy));
      g.lineStyle(1, HEX.bad, 1).strokeRect(xOf(i) - barW / 2, Math.min(by, zy), barW, Math.abs(by - zy));
    });

    // Lines, then markers on top.
    const markerR = slotW >= 14 ? 3.5 : 2.5;
    for (const s of SERIES) {
      if (s.key === 'balance') continue;
      const pts: Pt[] = data.map((d, i) => ({ x: xOf(i), y: yOf(d[s.key]) }));
      g.lineStyle(2, s.color, 1);
      if (s.dash) for (const [x1, y1, x2, y2] of dashPolyline(pts, s.dash[0], s.dash[1])) g.lineBetween(x1, y1, x2, y2);
      else if (pts.length > 1) g.strokePoints(pts as Phaser.Math.Vector2[], false);
    }
    for (const s of SERIES) {
      if (!s.marker) continue;
      // Every point while there are few; then every other, always the newest.
      const every = data.length > 24 ? 3 : data.length > 12 ? 2 : 1;
      data.forEach((d, i) => {
        if ((data.length - 1 - i) % every === 0) marker(g, s.marker!, xOf(i), yOf(d[s.key]), markerR, s.color);
      });
    }

    // Month labels under a few points.
    const mm = measurer(AXIS);
    // Labels at least a label's width apart (slots are narrower than labels once months pile up).
    const stride = Math.max(1, Math.ceil((mm('Mar 1930') + 10) / slotW));
    for (const i of labelIndices(data.length, Math.floor((data.length - 1) / stride) + 1)) {
      const label = data[i]!.label;
      const lw = mm(label);
      const lx = Math.min(Math.max(xOf(i) - lw / 2, px - AXIS_W + 4), px + pw - lw);
      addText(this.bag, scene, lx, py + ph + 1, label, AXIS);
      g.lineStyle(1, HEX.inkSoft, 1).lineBetween(xOf(i), py + ph, xOf(i), py + ph + 3);
    }

    // Hover: a guide line and that month's figures in the legend.
    this.guide = this.bag.add(scene.add.graphics());
    const zone = this.bag.add(scene.add.zone(px, py, pw, ph).setOrigin(0, 0));
    zone.setInteractive();
    zone.on('pointermove', (p: Phaser.Input.Pointer) => this.hover(Math.floor((p.worldX - px) / slotW)));
    zone.on('pointerout', () => this.hover(-1));
    this.hover(-1);
  }

  /** The key: a sample of each line (dash and marker) with its name and value. */
  private legend(g: Phaser.GameObjects.Graphics, lx: number, y: number, lw: number): void {
    const scene = this.host.scene;
    this.legendMonth = addText(this.bag, scene, lx + lw, y + 2, '', { ...UNIT, size: 13 }).setOrigin(1, 0);
    const vm = measurer(LEGV);
    const valueW = Math.max(vm('1,000'), ...this.trade.flatMap(d => SERIES.map(s => vm(legendThousands(d[s.key])))));
    const rowH = Math.min(22, (this.rect.h - TITLE_H - 4) / SERIES.length);
    SERIES.forEach((s, k) => {
      const ry = y + TITLE_H + 4 + k * rowH;
      const cy = ry + 8;
      if (s.key === 'balance') {
        g.fillStyle(HEX.bad, 0.28).fillRect(lx + 4, cy - 6, 14, 12);
        g.lineStyle(1, HEX.bad, 1).strokeRect(lx + 4, cy - 6, 14, 12);
      } else {
        g.lineStyle(2, s.color, 1);
        const pts = [
          { x: lx, y: cy },
          { x: lx + 22, y: cy },
        ];
        if (s.dash) for (const [x1, y1, x2, y2] of dashPolyline(pts, s.dash[0], s.dash[1])) g.lineBetween(x1, y1, x2, y2);
        else g.lineBetween(lx, cy, lx + 22, cy);
        marker(g, s.marker!, lx + 11, cy, 3.5, s.color);
      }
      addText(this.bag, scene, lx + 27, ry, s.name, { ...LEG, color: s.css }, lw - 27 - valueW - 4);
      this.legendValues.push(addText(this.bag, scene, lx + lw, ry - 1, '', LEGV).setOrigin(1, 0));
      const fig = this.figs?.[s.key];
      hitZone(this.bag, scene, lx, ry - 2, lw, rowH, { tip: s.tip, tooltip: this.tooltip, ...(fig === undefined ? {} : { onClick: () => this.host.onFigure(fig) }) });
    });
  }

  private hover(i: number): void {
    const data = this.trade;
    const guide = this.guide;
    guide?.clear();
    const at = i >= 0 && i < data.length ? i : data.length - 1;
    const d = data[at];
    if (guide && d && i >= 0 && i < data.length) {
      const gx = Math.round(this.xOf(i)) + 0.5;
      guide.lineStyle(1, HEX.ink, 0.6).lineBetween(gx, this.plot.y + 1, gx, this.plot.y + this.plot.h - 1);
    }
    this.legendMonth?.setText(d ? d.label : '');
    SERIES.forEach((s, k) => this.legendValues[k]?.setText(d ? legendThousands(d[s.key]) : '\u2013'));
  }
}
