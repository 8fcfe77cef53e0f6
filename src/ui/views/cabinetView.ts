// The cabinet table: one side's ministers as cards, each with a stance bar on the side's main
// issue and a mood gauge. Britain's cards carry Foreign Office navy, the Soviet side's poster red.
// A card opens the minister; the stance bar and the mood gauge open the "why" of that figure.

import { type BoardModel, leanOf, type MinisterCard } from '../../app/board';
import type { Side } from '../../engine/index';
import { HEX, PALETTE } from '../palette';
import type Phaser from '../phaser';
import { cardGrid, hyphenLines, ISSUE_END_SHORT, OFFICE_RULES, OFFICE_SHORT, shareWidths, unit } from './chartScale';
import { addText, Bag, crown, fit, hitZone, measurer, sideColours, star, type TextOpts, Tooltip } from './draw';
import type { CabinetBoardView, CardSpot, Rect, ViewHost } from './types';

const CARD_FILL = 0xfbf8ef;
const TITLE_H = 26;
const GAP = 6;
/** Inner margin at the left and right of the view. */
const PAD = 6;
const LEAD_SPINE = 18;
/** Stances run from -100 (the issue's low end) to +100 (its high end). */
const STANCE_MIN = -100,
  STANCE_MAX = 100;

/** The panel's heading where the scenario gives none of its own (sides.*.panelTitle). */
const HEADINGS: Record<Side, string> = { britain: 'The Cabinet', ussr: 'Politburo and Narkomindel' };

// Every card text at the board's smallest size (MIN_TEXT, 14 px or more on a projector).
const NAME: TextOpts = { size: 15, bold: true };
const OFFICE: TextOpts = { size: 15, italic: true, color: PALETTE.inkSoft };
const SMALL: TextOpts = { size: 15, color: PALETTE.inkSoft };
const TAG: TextOpts = { font: 'poster', size: 15, color: PALETTE.paper, spacing: 1 };
/**
 * Room kept at the right of the italic office line: a slanted last letter draws past the width the
 * canvas measures, and an office that fitted by a hair was cut at the card's edge ("Trade Rep., Londo").
 */
const ITALIC_OVERHANG = 4;
/** A cabinet of more than this many is laid out in three rows of shorter cards, without the office line. */
const TWO_ROWS_AT_MOST = 12;

export class CabinetView implements CabinetBoardView {
  private bag = new Bag();
  private tooltip: Tooltip;
  private model: BoardModel | null = null;
  private side: Side | null = null;
  private highlight: Phaser.GameObjects.Graphics | null = null;
  private spots: CardSpot[] = [];

  constructor(
    private host: ViewHost,
    private rect: Rect,
  ) {
    this.tooltip = new Tooltip(host.scene);
  }

  update(model: BoardModel): void {
    this.model = model;
    this.draw();
  }

  show(side: Side): void {
    if (side === this.side) return;
    this.side = side;
    this.draw();
  }

  cards(): readonly CardSpot[] {
    return this.spots;
  }

  destroy(): void {
    this.bag.destroyAll();
    this.tooltip.destroy();
    this.highlight = null;
    this.model = null;
  }

  private draw(): void {
    this.bag.clear();
    this.tooltip.hide();
    this.spots = [];
    const m = this.model;
    if (!m) return;
    const side = this.side ?? m.side;
    const scene = this.host.scene;
    const x = this.rect.x + PAD,
      w = this.rect.w - 2 * PAD,
      { y, h } = this.rect;
    const col = sideColours(side);
    const g = this.bag.add(scene.add.graphics());

    // Title row: the body's name, then the issue the stance bars measure, with its two ends.
    let hx = x;
    const heading = m.sides[side].panelTitle ?? HEADINGS[side];
    if (side === 'britain') {
      crown(g, hx + 8, y + 12, 8, col.accent);
      hx += 22;
      const t = addText(this.bag, scene, hx, y + 1, heading, { font: 'headline', size: 18, bold: true, color: col.css });
      hx += t.width + 10;
    } else {
      star(g, hx + 8, y + 12, 9, col.accent);
      hx += 22;
      const t = addText(this.bag, scene, hx, y + 2, heading.toUpperCase(), { font: 'poster', size: 17, color: col.css, spacing: 1 });
      hx += t.width + 10;
    }
    const cards = m.cabinets[side];
    if (side !== m.side) {
      const note = m.seesOther ? 'read by your intelligence' : 'stances hidden';
      const tip = m.seesOther ? 'Your intelligence is good enough to read their stances and moods' : 'Your intelligence is too poor to read their stances and moods';
      const noteT = addText(this.bag, scene, hx, y + 6, note, { ...SMALL, italic: true });
      hitZone(this.bag, scene, hx, y + 4, noteT.width, 18, { tip, tooltip: this.tooltip });
      hx += noteT.width + 16;
    }
    this.issueLegend(g, m.issues[side], hx, x + w, y + 6);
    g.lineStyle(1, HEX.rule, 1).lineBetween(x, y + TITLE_H - 2, x + w, y + TITLE_H - 2);

    // The cards, lead first, two rows.
    const top = y + TITLE_H + 4;
    // Wide cards hold a name whole: a big cabinet goes to three rows (its cards lose the office line,
    // which the card's tooltip, its button and its dialog still give).
    const rows = cards.length > TWO_ROWS_AT_MOST ? 3 : 2;
    const grid = cardGrid(cards.length, w, h - (top - y) - 2, { rows, gap: rows === 3 ? 4 : GAP, maxW: 200 });
    this.highlight = this.bag.add(scene.add.graphics());
    this.spots = cards.map((card, i) => {
      const cell = grid.cells[i]!;
      const rect = { x: x + cell.x, y: top + cell.y, w: grid.cardW, h: grid.cardH };
      this.card(g, card, rect.x, rect.y, rect.w, rect.h, m.issues[side], rows === 2);
      return { id: card.id, label: `${card.name}, ${card.office}`, rect };
    });
  }

  /** "Break with Moscow:  keep or restore relations <--|--> break, or keep the break", fitted into [left, right]. */
  private issueLegend(g: Phaser.GameObjects.Graphics, issue: BoardModel['issues'][Side], left: number, right: number, y: number): void {
    const scene = this.host.scene;
    const label: TextOpts = { size: 15, bold: true };
    const end: TextOpts = { size: 15, italic: true, color: PALETTE.inkSoft };
    const barW = 46,
      gaps = 8 + 6 + 6;
    const budget = right - left - barW - gaps;
    if (budget < 90) return;
    const lm = measurer(label),
      em = measurer(end);
    const labelS = `${issue.label}:`;
    const [lw, loW, hiW] = shareWidths([lm(labelS), em(issue.low), em(issue.high)], budget) as [number, number, number];
    const lowS = fit(issue.low, loW, end, [], ISSUE_END_SHORT),
      highS = fit(issue.high, hiW, end, [], ISSUE_END_SHORT);
    // Laid out from the right edge, each piece by its width as drawn: a piece drawn a pixel wider
    // than measured pushes the others left instead of cutting the last ("break relatio…").
    let cx = right;
    const highT = addText(this.bag, scene, cx, y - 1, highS, end).setOrigin(1, 0);
    cx -= highT.width + 6;
    const my = y + 8;
    cx -= barW;
    g.lineStyle(2, HEX.ink, 1).lineBetween(cx + 4, my, cx + barW - 4, my);
    g.fillStyle(HEX.ink, 1);
    g.fillTriangle(cx, my, cx + 6, my - 4, cx + 6, my + 4);
    g.fillTriangle(cx + barW, my, cx + barW - 6, my - 4, cx + barW - 6, my + 4);
    g.lineStyle(1, HEX.ink, 1).lineBetween(cx + barW / 2, my - 5, cx + barW / 2, my + 5);
    cx -= 6;
    const lowT = addText(this.bag, scene, cx, y - 1, lowS, end).setOrigin(1, 0);
    cx -= lowT.width + 8;
    const lt = addText(this.bag, scene, cx, y - 1, labelS, label, lw).setOrigin(1, 0);
    cx -= lt.width;
    const full = `${issue.label}: each card's bar runs from "${issue.low}" (left) to "${issue.high}" (right)`;
    hitZone(this.bag, scene, cx, y - 2, right - cx, 18, { tip: full, tooltip: this.tooltip });
  }

  private card(g: Phaser.GameObjects.Graphics, c: MinisterCard, x: number, y: number, w: number, h: number, issue: BoardModel['issues'][Side], withOffice: boolean): void {
    const scene = this.host.scene;
    const col = sideColours(c.side);
    // Card stock with a coloured spine; the lead's card has a broad spine reading LEAD and a
    // heavy border in the side's colour.
    const spine = c.isLead ? LEAD_SPINE : 4;
    g.fillStyle(HEX.paperDark, 1).fillRect(x + 2, y + 2, w, h); // shadow
    g.fillStyle(CARD_FILL, 1).fillRect(x, y, w, h);
    g.fillStyle(col.accent, 1).fillRect(x, y, spine, h);
    if (c.isLead) {
      g.lineStyle(2, col.accent, 1).strokeRect(x + 1, y + 1, w - 2, h - 2);
      addText(this.bag, scene, x + spine / 2 + 1, y + h / 2, 'LEAD', TAG)
        .setOrigin(0.5, 0.5)
        .setAngle(-90);
    } else {
      g.lineStyle(1, HEX.rule, 1).strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    }

    const ix = x + spine + 5,
      iw = w - spine - 9;
    // A double-barrelled name too wide for the card takes the office's line for its second half
    // (the office stays in the card's tooltip, its button and its dialog, as on a three-row board).
    const name = withOffice ? hyphenLines(c.short, iw, measurer(NAME)) : null;
    if (name) {
      addText(this.bag, scene, ix, y + 2, name[0], NAME);
      addText(this.bag, scene, ix, y + 20, name[1], NAME);
    } else {
      addText(this.bag, scene, ix, y + 2, c.short, NAME, iw);
      if (withOffice) addText(this.bag, scene, ix, y + 20, c.office, OFFICE, iw - ITALIC_OVERHANG, OFFICE_RULES, OFFICE_SHORT);
    }

    // Stance on the main issue.
    const by = y + (withOffice ? 47 : 26),
      bx = ix + 3,
      bw = iw - 6;
    const stance = c.stance;
    g.fillStyle(HEX.paperDark, 1).fillRect(bx, by - 3, bw, 6);
    g.lineStyle(1, HEX.rule, 1).strokeRect(bx, by - 3, bw, 6);
    g.lineStyle(1, HEX.inkSoft, 1).lineBetween(bx + bw / 2, by - 6, bx + bw / 2, by + 6);
    let stanceTip = '';
    if (stance && stance.value !== null) {
      const v = stance.value;
      const px = bx + unit(v, STANCE_MIN, STANCE_MAX) * bw;
      // A filled bar from the middle toward the minister's side, then a marker.
      g.fillStyle(col.light, 1).fillRect(Math.min(px, bx + bw / 2), by - 2, Math.abs(px - (bx + bw / 2)), 4);
      g.fillStyle(col.accent, 1);
      g.fillTriangle(px, by + 1, px - 6, by - 8, px + 6, by - 8);
      g.fillRect(px - 1, by - 3, 2, 7);
      const end = leanOf(v, issue);
      const lean = end === null ? 'undecided' : `leans to "${end}"`;
      stanceTip = `${c.short} on ${issue.label}: ${v > 0 ? '+' : ''}${Math.round(v)}, ${lean}`;
    } else {
      addText(this.bag, scene, bx + bw / 2, by - 9, stance ? '? hidden' : 'no stance', { size: 15, italic: true, color: PALETTE.inkSoft })
        .setOrigin(0.5, 0)
        .setBackgroundColor('#fbf8ef');
    }

    // Mood, 0-100: a number and a short bar.
    const mood = c.mood.value;
    const my = by + (withOffice ? 8 : 4);
    const moodT = addText(this.bag, scene, ix, my, mood === null ? 'mood ?' : `mood ${Math.round(mood)}`, SMALL);
    const mx = ix + moodT.width + 6,
      mw = Math.max(10, ix + iw - mx - 2);
    const mby = my + 8;
    g.fillStyle(HEX.paperDark, 1).fillRect(mx, mby - 2, mw, 5);
    if (mood !== null) {
      const fill = mood < 35 ? HEX.bad : mood > 65 ? HEX.calm : HEX.inkSoft;
      g.fillStyle(fill, 1).fillRect(mx, mby - 2, mw * unit(mood, 0, 100), 5);
    }
    g.lineStyle(1, HEX.rule, 1).strokeRect(mx, mby - 2, mw, 5);
    // His resign line on the mood bar: below it he leaves the cabinet.
    if (c.resignBelow !== null) {
      const rx = Math.round(mx + mw * unit(c.resignBelow, 0, 100)) + 0.5;
      g.lineStyle(2, HEX.bad, 1).lineBetween(rx, mby - 4, rx, mby + 5);
    }

    // Clicks: the card opens the minister; the stance and mood rows open their figures.
    const over = () => this.hover(x, y, w, h);
    const out = () => this.highlight?.clear();
    const hiddenNote = stance && stance.value === null ? ' (stance and mood hidden: intelligence too poor)' : '';
    hitZone(this.bag, scene, x, y, w, h, {
      onClick: () => this.host.onMinister(c.id),
      onOver: over,
      onOut: out,
      tip: `${c.name}, ${c.office}${hiddenNote} \u2014 click: open the card`,
      tooltip: this.tooltip,
      tipY: y,
    });
    if (stance && stance.value !== null)
      hitZone(this.bag, scene, x, by - 9, w, 16, { onClick: () => this.host.onFigure(stance.fig), onOver: over, onOut: out, tip: `${stanceTip} \u2014 click: why`, tooltip: this.tooltip, tipY: y });
    if (mood !== null)
      hitZone(this.bag, scene, x, my, w, Math.min(16, y + h - my), {
        onClick: () => this.host.onFigure(c.mood.fig),
        onOver: over,
        onOut: out,
        tip: `${c.short}'s mood ${Math.round(mood)} of 100 (content when things go his way)${c.resignBelow !== null ? `; below ${c.resignBelow} he resigns` : ''} \u2014 click: why`,
        tooltip: this.tooltip,
        tipY: y,
      });
  }

  private hover(x: number, y: number, w: number, h: number): void {
    const hl = this.highlight;
    if (!hl) return;
    hl.clear();
    hl.lineStyle(2, HEX.ink, 1).strokeRect(x - 1, y - 1, w + 2, h + 2);
  }
}
