// Drawing helpers shared by the cabinet, gauges and trade views: text styles in the game's fonts,
// text that fits a width, a bag that destroys what a view made, hit zones with a hover tooltip, and
// a few period ornaments (a star, a tag). Everything is drawn with Graphics and Text.

import type { Side } from '../../engine/index';
import { FONTS, HEX, PALETTE } from '../palette';
import Phaser from '../phaser';
import { fitText, type Measure, type Rule } from './chartScale';

export type FontKind = keyof typeof FONTS;

export interface TextOpts {
  font?: FontKind;
  /** Logical pixels; never below MIN_TEXT. */
  size?: number;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  /** Letter spacing in pixels (poster captions). */
  spacing?: number;
}

/** Text is rendered at twice its logical size, so it stays crisp when the canvas is scaled up. */
export const TEXT_RESOLUTION = 2;
/**
 * The smallest board text, in logical pixels: at a 1280 x 720 projector the board is drawn at about
 * 0.98 of its logical size, so 15 here is at least 14 px on the screen (the layout test checks it).
 */
export const MIN_TEXT = 15;

const fontSize = (o: TextOpts) => Math.max(MIN_TEXT, o.size ?? 13);
const fontStyle = (o: TextOpts) => [o.italic ? 'italic' : '', o.bold ? 'bold' : ''].filter(Boolean).join(' ');

export function textStyle(o: TextOpts = {}): Phaser.Types.GameObjects.Text.TextStyle {
  return {
    fontFamily: FONTS[o.font ?? 'body'],
    fontSize: `${fontSize(o)}px`,
    fontStyle: fontStyle(o),
    color: o.color ?? PALETTE.ink,
    resolution: TEXT_RESOLUTION,
    letterSpacing: o.spacing ?? 0,
  };
}

let measureCtx: CanvasRenderingContext2D | null = null;

/** How wide a string is in the given style, in logical pixels. */
export function measurer(o: TextOpts = {}): Measure {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  const ctx = measureCtx;
  const font = `${fontStyle(o)} ${fontSize(o)}px ${FONTS[o.font ?? 'body']}`.trim();
  const spacing = o.spacing ?? 0;
  const cache = new Map<string, number>();
  return s => {
    let w = cache.get(s);
    if (w === undefined) {
      if (ctx) {
        ctx.font = font;
        w = ctx.measureText(s).width + spacing * Array.from(s).length;
      } else w = Array.from(s).length * fontSize(o) * 0.55;
      cache.set(s, w);
    }
    return w;
  };
}

/** The text shortened (by the rules, then an ellipsis) to fit maxW in this style. */
export function fit(s: string, maxW: number, o: TextOpts = {}, rules: readonly Rule[] = [], short: Readonly<Record<string, string>> = {}): string {
  return fitText(s, Math.max(0, maxW), measurer(o), rules, short);
}

/** The colours of a side. */
export function sideColours(side: Side): { accent: number; light: number; css: string; lightCss: string } {
  return side === 'britain'
    ? { accent: HEX.britain, light: HEX.britainLight, css: PALETTE.britain, lightCss: PALETTE.britainLight }
    : { accent: HEX.ussr, light: HEX.ussrLight, css: PALETTE.ussr, lightCss: PALETTE.ussrLight };
}

/** A lead's surname: "Sir Austen Chamberlain" -> "Chamberlain". */
export const surname = (name: string): string => name.trim().split(/\s+/).at(-1) ?? name;

/** A text style's font, as Phaser measures it: style, size and family (a size given as a number is in px). */
function fontKey(st: { fontStyle?: string; fontSize?: number | string; fontFamily?: string }): string {
  const size = typeof st.fontSize === 'number' ? `${st.fontSize}px` : (st.fontSize ?? '');
  return `${st.fontStyle ?? ''} ${size} ${st.fontFamily ?? ''}`;
}

/** What a view made, so update() and destroy() can remove all of it. */
export class Bag {
  private objects: Phaser.GameObjects.GameObject[] = [];
  private tweens: Phaser.Tweens.Tween[] = [];

  add<T extends Phaser.GameObjects.GameObject>(o: T): T {
    this.objects.push(o);
    return o;
  }
  tween(t: Phaser.Tweens.Tween): Phaser.Tweens.Tween {
    this.tweens.push(t);
    return t;
  }

  stopTweens(): void {
    for (const t of this.tweens) t.remove();
    this.tweens = [];
  }

  /**
   * Text objects let go by clear(), kept for reuse, by font: each new Phaser Text costs a canvas and
   * a GPU texture, and a view redraws every turn, so making them afresh was most of a redraw's time.
   * A spare is reused only in its own font: Phaser measures a font's metrics only when a text is made
   * or its style set with an update, and one given another font without kept the old metrics, so an
   * office or a mood came out stretched and set low on the cards from the second turn on.
   */
  private spareTexts = new Map<string, Phaser.GameObjects.Text[]>();

  clear(): void {
    this.stopTweens();
    for (const o of this.objects) {
      if (o instanceof Phaser.GameObjects.Text && !o.input) {
        o.setVisible(false);
        const key = fontKey(o.style);
        const spares = this.spareTexts.get(key);
        if (spares) spares.push(o);
        else this.spareTexts.set(key, [o]);
      } else o.destroy();
    }
    this.objects = [];
  }

  /** A text object: a spare one in the same font made like new (and moved to the top, as a new one would be), or a new one. */
  text(scene: Phaser.Scene, x: number, y: number, s: string, style: Phaser.Types.GameObjects.Text.TextStyle): Phaser.GameObjects.Text {
    const t = this.spareTexts.get(fontKey(style))?.pop();
    if (!t) return this.add(scene.add.text(x, y, s, style));
    t.style.setStyle(style, false, true);
    // The same words in a new colour or spacing are drawn again too (setText skips unchanged words).
    if (t.text === s) t.updateText();
    else t.setText(s);
    t.setPosition(x, y).setOrigin(0, 0).setScale(1).setAlpha(1).setAngle(0).setDepth(0).setVisible(true);
    t.removeAllListeners();
    scene.children.bringToTop(t);
    return this.add(t);
  }

  /** Destroys everything, spares included (the view is going away). */
  destroyAll(): void {
    this.clear();
    for (const spares of this.spareTexts.values()) for (const t of spares) t.destroy();
    this.spareTexts.clear();
  }

  get size(): number {
    return this.objects.length;
  }
}

/** A text object in a style; if maxW is given the text is fitted to it (the full text goes in `full`). */
export function addText(
  bag: Bag,
  scene: Phaser.Scene,
  x: number,
  y: number,
  s: string,
  o: TextOpts = {},
  maxW?: number,
  rules: readonly Rule[] = [],
  short: Readonly<Record<string, string>> = {},
): Phaser.GameObjects.Text & { full: string } {
  const shown = maxW === undefined ? s : fit(s, maxW, o, rules, short);
  const t = bag.text(scene, Math.round(x), Math.round(y), shown, textStyle(o)) as Phaser.GameObjects.Text & { full: string };
  t.full = s;
  return t;
}

const TIP_W = 400;

/** A tooltip shared by a view: shown on hover over a zone that has a tip. */
export class Tooltip {
  private text: Phaser.GameObjects.Text | null = null;
  constructor(private scene: Phaser.Scene) {}

  show(s: string, x: number, y: number): void {
    if (!this.text) {
      this.text = this.scene.add
        .text(0, 0, '', {
          ...textStyle({ size: 13, color: PALETTE.paper }),
          backgroundColor: PALETTE.ink,
          padding: { left: 6, right: 6, top: 3, bottom: 3 },
          wordWrap: { width: TIP_W },
        })
        .setDepth(1000);
    }
    this.text.setText(s);
    const cam = this.scene.cameras.main;
    const w = this.text.width,
      h = this.text.height;
    const tx = Math.min(Math.max(0, x), cam.width - w - 2);
    const ty = y - h - 4 < 0 ? y + 18 : y - h - 4;
    this.text.setPosition(Math.round(tx), Math.round(ty)).setVisible(true);
  }

  hide(): void {
    this.text?.setVisible(false);
  }
  destroy(): void {
    this.text?.destroy();
    this.text = null;
  }
}

export interface ZoneOpts {
  onClick?: () => void;
  /** Shown on hover (e.g. the full text of a shortened label). */
  tip?: string;
  tooltip?: Tooltip;
  /** Where the tooltip's bottom goes (default: the zone's top), e.g. above the whole card. */
  tipY?: number;
  onOver?: () => void;
  onOut?: () => void;
}

/** An invisible clickable rectangle with a hand cursor. */
export function hitZone(bag: Bag, scene: Phaser.Scene, x: number, y: number, w: number, h: number, o: ZoneOpts): Phaser.GameObjects.Zone {
  const z = bag.add(scene.add.zone(x, y, w, h).setOrigin(0, 0));
  z.setInteractive({ useHandCursor: !!o.onClick });
  if (o.onClick) {
    const click = o.onClick;
    z.on('pointerup', () => click());
  }
  z.on('pointerover', (p: Phaser.Input.Pointer) => {
    o.onOver?.();
    if (o.tip && o.tooltip) o.tooltip.show(o.tip, p.worldX - 10, o.tipY ?? y);
  });
  z.on('pointerout', () => {
    o.onOut?.();
    o.tooltip?.hide();
  });
  return z;
}

/** Puts a star outline on the path: `points` tips of radius r, the notches at r * inner. */
export function starPath(g: Phaser.GameObjects.Graphics, cx: number, cy: number, r: number, points: number, inner: number): void {
  g.beginPath();
  for (let i = 0; i < points * 2; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / points;
    const rr = i % 2 ? r * inner : r;
    const px = cx + Math.cos(a) * rr,
      py = cy + Math.sin(a) * rr;
    if (i === 0) g.moveTo(px, py);
    else g.lineTo(px, py);
  }
  g.closePath();
}

/** A five-pointed star (the Soviet side's mark). */
export function star(g: Phaser.GameObjects.Graphics, cx: number, cy: number, r: number, color: number): void {
  g.fillStyle(color, 1);
  starPath(g, cx, cy, r, 5, 0.4);
  g.fillPath();
}

/** A small crown-like mark for the British side: three points on a band. */
export function crown(g: Phaser.GameObjects.Graphics, cx: number, cy: number, r: number, color: number): void {
  g.fillStyle(color, 1);
  const w = r * 2,
    h = r * 1.5,
    x = cx - r,
    y = cy - h / 2;
  g.beginPath();
  g.moveTo(x, y + h);
  g.lineTo(x, y + h * 0.25);
  g.lineTo(x + w * 0.25, y + h * 0.6);
  g.lineTo(x + w * 0.5, y);
  g.lineTo(x + w * 0.75, y + h * 0.6);
  g.lineTo(x + w, y + h * 0.25);
  g.lineTo(x + w, y + h);
  g.closePath();
  g.fillPath();
}

/** A warning mark: a filled triangle with "!" drawn in ink (told by shape, not colour alone). */
export function warnMark(g: Phaser.GameObjects.Graphics, x: number, y: number, size: number): void {
  g.fillStyle(HEX.warn, 1);
  g.lineStyle(1, HEX.ink, 1);
  g.beginPath();
  g.moveTo(x + size / 2, y);
  g.lineTo(x + size, y + size);
  g.lineTo(x, y + size);
  g.closePath();
  g.fillPath();
  g.strokePath();
  g.fillStyle(HEX.ink, 1);
  const cx = x + size / 2;
  g.fillRect(cx - 1, y + size * 0.32, 2, size * 0.38);
  g.fillRect(cx - 1, y + size * 0.78, 2, 2);
}

/** Marker shapes for chart lines and legends. */
export type Marker = 'circle' | 'square' | 'triangle' | 'diamond';

export function marker(g: Phaser.GameObjects.Graphics, kind: Marker, x: number, y: number, r: number, color: number): void {
  g.fillStyle(color, 1);
  g.lineStyle(1, HEX.paper, 1);
  switch (kind) {
    case 'circle':
      g.fillCircle(x, y, r);
      g.strokeCircle(x, y, r);
      break;
    case 'square':
      g.fillRect(x - r, y - r, r * 2, r * 2);
      g.strokeRect(x - r, y - r, r * 2, r * 2);
      break;
    case 'triangle':
      g.beginPath();
      g.moveTo(x, y - r * 1.15);
      g.lineTo(x + r * 1.1, y + r * 0.8);
      g.lineTo(x - r * 1.1, y + r * 0.8);
      g.closePath();
      g.fillPath();
      g.strokePath();
      break;
    case 'diamond':
      g.beginPath();
      g.moveTo(x, y - r * 1.25);
      g.lineTo(x + r * 1.1, y);
      g.lineTo(x, y + r * 1.25);
      g.lineTo(x - r * 1.1, y);
      g.closePath();
      g.fillPath();
      g.strokePath();
      break;
  }
}
