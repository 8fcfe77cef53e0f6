// Standing and pressure: both leads' standing, then this side's pressure groups as thin bars with
// the danger line marked. Over the line a group costs the lead standing: the bar turns warning
// orange and gets a "!" mark, so the state is told by shape and text as well as colour.
// Bars glide to their new values each turn unless the player asked for reduced motion.

import type { BoardModel, Figure } from '../../app/board';
import { other, type Side } from '../../engine/index';
import { HEX, PALETTE } from '../palette';
import type Phaser from '../phaser';
import { GROUP_RULES, GROUP_SHORT, unit } from './chartScale';
import { addText, Bag, hitZone, measurer, sideColours, surname, type TextOpts, Tooltip, textStyle, warnMark } from './draw';
import { gaugeLayout, MIN_BAR } from './gaugeLayout';
import type { BoardView, Rect, ViewHost } from './types';

const TWEEN_MS = 450;
const STANDING_H = 22;
const COL_GAP = 16;
/** Inner margin at the left and right of the view. */
const PAD = 6;

const LABEL: TextOpts = { size: 13 };
/** Row names in a short panel (many groups). */
const LABEL_SMALL: TextOpts = { ...LABEL, size: 12 };
const VALUE: TextOpts = { font: 'poster', size: 14 };
const CAPTION: TextOpts = { font: 'poster', size: 12, color: PALETTE.inkSoft, spacing: 1 };

interface Row {
  key: string;
  /** Bar track, in scene pixels. */
  bx: number;
  by: number;
  bw: number;
  bh: number;
  danger: number | null;
  /** The scenario's harder lines on this pressure (an item forced, a revolt), marked in the warning colour. */
  lines: readonly number[];
  color: number;
  value: Phaser.GameObjects.Text;
  /** The row's name as drawn. */
  label: Phaser.GameObjects.Text;
  warn: boolean;
}

export class GaugesView implements BoardView {
  /** Objects rebuilt when the set of gauges changes. */
  private bag = new Bag();
  private tooltip: Tooltip;
  private bars: Phaser.GameObjects.Graphics | null = null;
  private rows: Row[] = [];
  private layoutKey = '';
  /** The values the bars show now (mid-tween included), by row key; null = hidden. */
  private shown = new Map<string, number | null>();
  private tween: Phaser.Tweens.Tween | null = null;

  constructor(
    private host: ViewHost,
    private rect: Rect,
  ) {
    this.tooltip = new Tooltip(host.scene);
  }

  update(m: BoardModel): void {
    const key = [m.side, m.sides.britain.lead, m.sides.ussr.lead, ...m.gauges.map(g => `${g.id}:${g.name}`)].join('|');
    if (key !== this.layoutKey) this.build(m, key);

    const targets = new Map<string, number | null>();
    targets.set('standing.me', m.sides[m.side].standing.value);
    targets.set('standing.other', m.sides[other(m.side)].standing.value);
    for (const g of m.gauges) targets.set(`group.${g.id}`, g.fig.value);

    // Text and warning marks show the new values at once; the bars glide.
    for (const r of this.rows) {
      const v = targets.get(r.key) ?? null;
      r.value.setText(v === null ? '?' : String(Math.round(v)));
      r.warn = v !== null && r.danger !== null && v >= r.danger;
    }

    this.tween?.remove();
    this.tween = null;
    const from = new Map(this.shown);
    const animate = !this.host.reducedMotion && [...targets].some(([k, v]) => from.get(k) !== undefined && from.get(k) !== null && v !== null && Math.abs(from.get(k)! - v) > 0.05);
    if (!animate) {
      this.shown = targets;
      this.drawBars();
      return;
    }
    this.tween = this.host.scene.tweens.addCounter({
      from: 0,
      to: 1,
      duration: TWEEN_MS,
      ease: 'Cubic.easeOut',
      onUpdate: tw => {
        const k = tw.getValue() ?? 1;
        for (const [key, v] of targets) {
          const a = from.get(key);
          this.shown.set(key, v === null || a === undefined || a === null ? v : a + (v - a) * k);
        }
        this.drawBars();
      },
      onComplete: () => {
        this.shown = targets;
        this.drawBars();
        this.tween = null;
      },
    });
  }

  crossedTexts(): string[] {
    const out: string[] = [];
    for (const r of this.rows)
      for (const t of [r.label, r.value]) {
        // The text's line box as drawn (its glyphs' ascent and descent): a bar inside it runs through the letters.
        const left = t.x - t.originX * t.width;
        const hit = this.rows.some(b => b.bx < left + t.width && left < b.bx + b.bw && b.by < t.y + t.height && t.y < b.by + b.bh);
        if (hit && t.text.trim()) out.push(t.text);
      }
    return out;
  }

  destroy(): void {
    this.tween?.remove();
    this.tween = null;
    this.bag.destroyAll();
    this.tooltip.destroy();
    this.rows = [];
    this.bars = null;
    this.shown.clear();
    this.layoutKey = '';
  }

  /** Lay out the labels, tracks and click zones for this set of gauges. */
  private build(m: BoardModel, key: string): void {
    this.tween?.remove();
    this.tween = null;
    this.bag.clear();
    this.rows = [];
    this.shown.clear();
    this.layoutKey = key;
    const scene = this.host.scene;
    const x = this.rect.x + PAD,
      w = this.rect.w - 2 * PAD,
      { y, h } = this.rect;
    const bg = this.bag.add(scene.add.graphics());
    this.bars = this.bag.add(scene.add.graphics());
    const colW = (w - COL_GAP) / 2;

    // Standing: yours and the other lead's, side by side.
    const me = m.side,
      them = other(m.side);
    const standing: [string, Side, string, Figure][] = [
      ['standing.me', me, 'Your standing', m.sides[me].standing],
      ['standing.other', them, surname(m.sides[them].lead), m.sides[them].standing],
    ];
    standing.forEach(([k, side, label, fig], i) => {
      const cx = x + i * (colW + COL_GAP);
      const tip = `${i ? `${m.sides[them].lead}'s standing` : `Your standing (${m.sides[me].lead})`}: 0-100; pressure groups over the line wear it down \u2014 click: why`;
      this.rows.push(this.standingRow(bg, k, cx, y + 1, colW, label, side, fig.fig, tip));
    });

    // Pressure groups, two columns.
    const top = y + STANDING_H;
    bg.lineStyle(1, HEX.rule, 1).lineBetween(x, top - 3, x + w, top - 3);
    const n = m.gauges.length;
    const rowsPerCol = Math.ceil(n / 2);
    // Rows and (when there is room) a caption, placed by the heights of their texts as drawn.
    const heightOf = (o: TextOpts) => {
      const t = scene.add.text(0, 0, 'Ag', textStyle(o));
      const th = t.height;
      t.destroy();
      return th;
    };
    const NOTE: TextOpts = { size: 12, italic: true, color: PALETTE.inkSoft };
    const captionH = Math.max(heightOf(CAPTION), heightOf(NOTE));
    const fits = (o: TextOpts) => ({ o, lay: gaugeLayout({ top, bottom: y + h, rows: rowsPerCol, captionH, labelH: heightOf(o) }) });
    let rows = fits(LABEL);
    // Short rows (many groups in a short panel) use the smaller names: the bar keeps room under them.
    if (rows.lay.rowH < heightOf(LABEL) + MIN_BAR + 1) rows = fits(LABEL_SMALL);
    if (rows.lay.caption) {
      const line = m.gauges[0]?.danger ?? 60;
      const cap = addText(this.bag, scene, x, top, 'PRESSURE AT HOME', CAPTION);
      addText(this.bag, scene, x + cap.width + 8, top, `above ${line} a group costs standing`, NOTE, w - cap.width - 8);
    }
    m.gauges.forEach((g, i) => {
      const c = Math.floor(i / rowsPerCol),
        r = i % rowsPerCol;
      const cx = x + c * (colW + COL_GAP);
      const more = g.lines.map(l => `; at ${l.at}: ${l.text}`).join('');
      const tip = `${g.name} (${g.kind}): pressure 0-100; at ${g.danger} or more it costs you standing${more} \u2014 click: why`;
      const at = rows.lay.rows[r]!;
      this.rows.push({ ...this.groupRow(bg, `group.${g.id}`, cx, at.top, at.end, colW, rows.o, g.name, g.danger, g.fig.fig, tip), lines: g.lines.map(l => l.at) });
    });
  }

  /** Standing on one line: the label, a thick bar, the value. */
  private standingRow(bg: Phaser.GameObjects.Graphics, key: string, x: number, y: number, w: number, name: string, side: Side, fig: number, tip: string): Row {
    const scene = this.host.scene;
    const col = sideColours(side);
    const label = addText(this.bag, scene, x, y, name, { ...LABEL, bold: true, color: col.css }, w * 0.55);
    const value = addText(this.bag, scene, x + w, y - 1, '', { ...VALUE, size: 15 }).setOrigin(1, 0);
    const valueW = Math.ceil(measurer({ ...VALUE, size: 15 })('100')) + 6;
    const bx = x + label.width + 8,
      bw = w - (bx - x) - valueW,
      bh = 10,
      by = y + 4;
    bg.fillStyle(HEX.paperDark, 1).fillRect(bx, by, bw, bh);
    bg.lineStyle(1, HEX.rule, 1).strokeRect(bx, by, bw, bh);
    hitZone(this.bag, scene, x, y - 2, w, STANDING_H - 6, { onClick: () => this.host.onFigure(fig), tip, tooltip: this.tooltip });
    return { key, bx, by, bw, bh, danger: null, lines: [], color: col.accent, value, label, warn: false };
  }

  /**
   * A pressure group: the name with the value at the right, a thin bar under them. `y` is the row's
   * top (a whole pixel: the name's line box starts there, clear of the caption above it) and `end`
   * where its bar must stop (above the next row, or the view's bottom margin).
   */
  private groupRow(bg: Phaser.GameObjects.Graphics, key: string, x: number, y: number, end: number, w: number, labelOpts: TextOpts, name: string, danger: number, fig: number, tip: string): Row {
    const scene = this.host.scene;
    const valueW = Math.ceil(measurer(VALUE)('100')) + 18; // room for the "!" mark and the number
    const label = addText(this.bag, scene, x, y, name, labelOpts, w - valueW, GROUP_RULES, GROUP_SHORT);
    const value = addText(this.bag, scene, x + w, y - 1, '', VALUE).setOrigin(1, 0);
    // The bar runs under the name, below its line box as drawn (descenders included: at y + 16 it
    // ran along the names' feet and in 1929's ten short rows read as struck through them), as thick
    // as the row leaves room for; the value stands in its column beside it.
    const by = label.y + label.height,
      bh = Math.max(MIN_BAR, Math.min(5, end - by)),
      bw = w - valueW;
    bg.fillStyle(HEX.paperDark, 1).fillRect(x, by, bw, bh);
    bg.lineStyle(1, HEX.rule, 1).strokeRect(x, by, bw, bh);
    hitZone(this.bag, scene, x, y, w, Math.max(end - y, by + bh - y), { onClick: () => this.host.onFigure(fig), tip, tooltip: this.tooltip });
    return { key, bx: x, by, bw, bh, danger, lines: [], color: HEX.inkSoft, value, label, warn: false };
  }

  private drawBars(): void {
    const g = this.bars;
    if (!g) return;
    g.clear();
    for (const r of this.rows) {
      const v = this.shown.get(r.key);
      if (v === undefined || v === null) {
        // Hidden: a hatched track.
        g.lineStyle(1, HEX.rule, 1);
        for (let hx = r.bx + 4; hx < r.bx + r.bw; hx += 6) g.lineBetween(hx, r.by + r.bh, hx + Math.min(r.bh, 4), r.by);
        continue;
      }
      const fw = r.bw * unit(v, 0, 100);
      g.fillStyle(r.warn ? HEX.warn : r.color, 1).fillRect(r.bx, r.by, fw, r.bh);
      if (r.warn) g.lineStyle(1, HEX.ink, 1).strokeRect(r.bx, r.by, fw, r.bh);
      if (r.danger !== null) {
        const dx = Math.round(r.bx + r.bw * unit(r.danger, 0, 100)) + 0.5;
        g.lineStyle(2, HEX.ink, 1).lineBetween(dx, r.by - 1, dx, r.by + r.bh + 2);
        for (const at of r.lines) {
          const lx = Math.round(r.bx + r.bw * unit(at, 0, 100)) + 0.5;
          g.lineStyle(2, HEX.warn, 1).lineBetween(lx, r.by - 2, lx, r.by + r.bh + 3);
        }
      } else {
        // Quarter ticks on the standing bars.
        g.lineStyle(1, HEX.paper, 0.8);
        for (const q of [25, 50, 75]) {
          const qx = Math.round(r.bx + (r.bw * q) / 100) + 0.5;
          g.lineBetween(qx, r.by + 1, qx, r.by + r.bh - 1);
        }
      }
      if (r.warn) warnMark(g, r.value.x - r.value.width - 16, r.value.y + 3, 13);
    }
  }
}
