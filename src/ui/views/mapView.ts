// The map on the main screen: Europe and Asia drawn from the hand-made coastlines in ../map/geo.ts
// in the manner of a 1920s Foreign Office map (paper land, pale sea, thin ink coasts, a neat line
// with a graduated border, a cartouche), with the London-Moscow line showing the state of
// relations, each third power's leaning as a badge at its capital, incidents where they happened,
// the war danger as a dial, and Ottawa and Washington in a North America inset.
//
// The map itself is drawn once; update() repositions labels and redraws one overlay Graphics, and
// reuses its text objects, hit zones and pulse rings (nothing is created per turn that is not
// destroyed or reused).

import type { BoardModel, MapIncident, MapPower } from '../../app/board';
import { WAR_DANGER_BANDS, type WarDangerBandName } from '../../engine/labels';
import { PLACES, type Place, type Relations } from '../../engine/vocab';
import {
  BORDER,
  type Box,
  clipPolygon,
  clipPolyline,
  EURASIA,
  FINNISH_FRONTIER,
  ISLANDS,
  type MapFrame,
  mapFrame,
  NORTH_AMERICA,
  NORTH_AMERICA_RIVERS,
  NORTH_AMERICA_WATERS,
  PLACE_GEO,
  projectRing,
  RIVERS,
  SOVIET_FRONTIER,
  sovietRing,
  VIEW,
  WATERS,
} from '../map/geo';
import { BADGE_W, DOT, leaderEnd, type MapPlan, type Point, planCallouts, planMap, polylineLength, ROW, subPolyline, TEXT } from '../map/layout';
import { FONTS, HEX, PALETTE } from '../palette';
import Phaser from '../phaser';
import { MIN_TEXT, starPath, Tooltip } from './draw';
import type { BoardView, Rect, ViewHost } from './types';

const RES = 2;
/** Incidents stay on the map a few turns, fading. */
const AGE_ALPHA = [1, 0.6, 0.4, 0.25];
/** At most this many incident titles are shown. */
const MAX_CALLOUTS = 2;
const CALLOUT_W = 180;

type Text = Phaser.GameObjects.Text;

function style(font: keyof typeof FONTS, size: number, color: string, extra: Phaser.Types.GameObjects.Text.TextStyle = {}): Phaser.Types.GameObjects.Text.TextStyle {
  return { fontFamily: FONTS[font], fontSize: `${Math.max(MIN_TEXT, size)}px`, color, resolution: RES, ...extra };
}

/** Paper halo round map lettering, as engravers left round names. */
const HALO = { stroke: PALETTE.paper, strokeThickness: 3 };

interface BadgeObjs {
  text: Text;
  zone: Phaser.GameObjects.Zone;
  power: MapPower;
}

export class MapView implements BoardView {
  private readonly scene: Phaser.Scene;
  private readonly root: Phaser.GameObjects.Container;
  private readonly f: MapFrame;
  private readonly gBase: Phaser.GameObjects.Graphics;
  private readonly gTint: Phaser.GameObjects.Graphics;
  private readonly gOver: Phaser.GameObjects.Graphics;
  private readonly gDots: Phaser.GameObjects.Graphics;
  private readonly gBoxes: Phaser.GameObjects.Graphics;
  private readonly names = {} as Record<Place, Text>;
  private readonly relTitle: Text;
  private readonly relText: Text;
  private readonly cartoDate: Text;
  private readonly dialText: Text;
  private readonly dialZone: Phaser.GameObjects.Zone;
  private readonly tooltip: Tooltip;
  private readonly badges = new Map<string, BadgeObjs>();
  private readonly callouts: Text[] = [];
  private readonly pulses: Phaser.GameObjects.Arc[] = [];
  private readonly tweens: Phaser.Tweens.Tween[] = [];
  private readonly nameW = {} as Record<Place, number>;
  private plan: MapPlan | null = null;
  private planKey = '';
  private model: BoardModel | null = null;
  private fontsReady = false;

  constructor(
    private readonly host: ViewHost,
    private readonly rect: Rect,
  ) {
    this.scene = host.scene;
    this.f = mapFrame(rect.w, rect.h);
    const s = this.scene;
    this.root = s.add.container(rect.x, rect.y);
    this.gBase = s.add.graphics();
    this.gTint = s.add.graphics();
    this.gOver = s.add.graphics();
    this.gDots = s.add.graphics();
    this.gBoxes = s.add.graphics();
    this.root.add([this.gBase, this.gTint, this.gOver, this.gDots, this.gBoxes]);
    this.drawBase();
    // Lettering.
    for (const p of PLACES) {
      const g = PLACE_GEO[p];
      const t = g.capital
        ? s.add.text(0, 0, g.label, style('headline', TEXT.capital, g.capital === 'britain' ? PALETTE.britain : PALETTE.ussr, { ...HALO, fontStyle: 'bold' }))
        : s.add.text(0, 0, g.label, style('body', TEXT.name, PALETTE.ink, HALO));
      this.names[p] = t;
      this.nameW[p] = Math.ceil(t.width);
      this.root.add(t);
    }
    this.relTitle = this.add(s.add.text(0, 0, 'LONDON \u2013 MOSCOW', style('body', 12, PALETTE.inkSoft, { fontStyle: 'bold', letterSpacing: 1 } as Phaser.Types.GameObjects.Text.TextStyle)));
    this.relText = this.add(s.add.text(0, 0, '', style('body', 12, PALETTE.ink, { wordWrap: { width: 176 } })));
    const c = this.f.cartouche;
    this.add(s.add.text(c.x + c.w / 2, c.y + 5, 'Europe and Asia', style('headline', 14, PALETTE.ink, { fontStyle: 'bold' })).setOrigin(0.5, 0));
    this.cartoDate = this.add(s.add.text(c.x + c.w / 2, c.y + 23, '', style('body', 12, PALETTE.inkSoft)).setOrigin(0.5, 0));
    const ins = this.f.inset;
    // The Atlantic strip is narrow: its two labels are set in the condensed poster face, at full size.
    this.add(s.add.text(ins.x + ins.w / 2, ins.y, 'North America', style('poster', MIN_TEXT, PALETTE.inkSoft)).setOrigin(0.5, 0));
    const d = this.f.dial;
    this.dialText = this.add(s.add.text(d.x + d.w / 2, d.y + d.h - 18, '', style('poster', MIN_TEXT, PALETTE.ink)).setOrigin(0.5, 0));
    this.dialZone = this.add(s.add.zone(d.x, d.y, d.w, d.h).setOrigin(0, 0));
    this.dialZone.setInteractive({ useHandCursor: true });
    this.dialZone.on('pointerup', () => {
      if (this.model) this.host.onFigure(this.model.warDanger.fig);
    });
    this.dialZone.on('pointerover', () => this.showTip(`War danger ${fmt(this.model?.warDanger.value ?? null)} of 100 \u2014 click: why did it move?`, d.x + d.w + 4, d.y));
    this.dialZone.on('pointerout', () => this.tooltip.hide());
    this.tooltip = new Tooltip(s);
  }

  private add<T extends Phaser.GameObjects.GameObject>(o: T): T {
    this.root.add(o);
    return o;
  }

  /**
   * Text is measured when it is set: if the web fonts were still loading when the view was built,
   * measure the lettering again once they are in (the layout depends on the names' widths).
   */
  private remeasure(): void {
    if (this.fontsReady) return;
    const fonts = typeof document === 'undefined' ? null : document.fonts;
    if (fonts && fonts.status !== 'loaded') return;
    this.fontsReady = true;
    for (const o of this.root.list) if (o instanceof Phaser.GameObjects.Text) o.updateText();
    for (const p of PLACES) this.nameW[p] = Math.ceil(this.names[p].width);
  }

  update(m: BoardModel): void {
    this.model = m;
    this.remeasure();
    this.stopPulses();
    const f = this.f;
    const powers = m.powers.filter((p): p is MapPower & { place: Place } => p.place !== null && (PLACES as readonly string[]).includes(p.place));
    // The relations label's text decides its size, which the layout needs.
    const label = m.relationsLabel.charAt(0).toUpperCase() + m.relationsLabel.slice(1);
    this.relText.setText(label);
    const relW = Math.ceil(Math.max(this.relTitle.width, this.relText.width)) + 10;
    const relH = Math.ceil(this.relTitle.height + this.relText.height) + 4;
    const badgePlaces = new Set<Place>(powers.map(p => p.place));
    const key = `${relW}x${relH}|${[...badgePlaces].sort().join(',')}|${PLACES.map(p => this.nameW[p]).join(',')}`;
    if (key !== this.planKey || !this.plan) {
      this.plan = planMap(f, { nameW: this.nameW, badges: badgePlaces, rel: { w: relW, h: relH } });
      this.planKey = key;
    }
    const plan = this.plan;
    const g = this.gOver,
      gb = this.gBoxes,
      gd = this.gDots;
    g.clear();
    gb.clear();
    gd.clear();

    this.drawDanger(m.warDanger.value);
    this.drawRelations(g, plan.line, m.relations);
    // Names, leaders and dots.
    for (const p of PLACES) {
      const l = plan.labels[p];
      const t = this.names[p];
      t.setPosition(Math.round(l.name.x), Math.round(l.name.y + (l.name.h - t.height) / 2));
      if (l.leader) {
        g.lineStyle(0.8, HEX.inkSoft, 0.9);
        g.lineBetween(l.leader[0].x, l.leader[0].y, l.leader[1].x, l.leader[1].y);
      }
    }
    // Incidents under the dots, so a city stays marked.
    const incidents = m.incidents.filter(i => (PLACES as readonly string[]).includes(i.place));
    this.drawIncidents(g, incidents);
    for (const p of PLACES) this.drawDot(gd, p);
    // The relations label.
    const rb = plan.relLabel;
    if (plan.relLeader) {
      g.lineStyle(0.8, HEX.inkSoft, 0.9);
      g.lineBetween(plan.relLeader[0].x, plan.relLeader[0].y, plan.relLeader[1].x, plan.relLeader[1].y);
    }
    paperBox(gb, rb, HEX.ink, 0.95);
    this.relTitle.setPosition(rb.x + 5, rb.y + 2);
    this.relText.setPosition(rb.x + 5, rb.y + 2 + this.relTitle.height);
    // Third powers.
    this.drawBadges(gb, powers, plan);
    // Incident titles.
    this.drawCallouts(g, gb, incidents, plan);
    // Decorations.
    this.cartoDate.setText(m.date);
    // "Wednesday 28 September 1927" may not fit a small cartouche: drop the weekday.
    if (this.cartoDate.width > this.f.cartouche.w - 8) this.cartoDate.setText(m.date.replace(/^[A-Za-z]+day\s+/, ''));
    this.drawDial(gb, m.warDanger.value);
  }

  destroy(): void {
    this.stopPulses();
    for (const p of this.pulses) p.destroy();
    this.pulses.length = 0;
    this.root.destroy(true);
    this.tooltip.destroy();
    this.badges.clear();
    this.callouts.length = 0;
  }

  // -------------------------------------------------------------------------------------------
  // The map: sea, land, the Soviet Union, inland waters, rivers, coasts, the inset, the frame.

  private drawBase(): void {
    const g = this.gBase,
      f = this.f,
      m = f.map,
      pr = f.proj;
    // Paper and border band.
    g.fillStyle(HEX.paper, 1).fillRect(0, 0, f.w, f.h);
    g.fillStyle(HEX.sea, 1).fillRect(m.x, m.y, m.w, m.h);
    const lands: number[][] = [EURASIA, ...Object.values(ISLANDS)].map(r => clipPolygon(projectRing(pr, r), m));
    // Water lining: a soft darker band off each coast.
    for (const [w, a] of [
      [9, 0.07],
      [5, 0.1],
      [2.5, 0.14],
    ] as const) {
      g.lineStyle(w, HEX.britain, a);
      for (const pts of lands) strokePoly(g, pts);
    }
    // Graticule over the sea.
    this.graticule(g, 0.22);
    g.fillStyle(HEX.land, 1);
    for (const pts of lands) fillPoly(g, pts);
    // The Soviet Union, washed in its pale red; Great Britain in its pale blue.
    g.fillStyle(HEX.ussrLight, 0.75);
    fillPoly(g, clipPolygon(projectRing(pr, sovietRing()), m));
    g.fillStyle(HEX.britainLight, 0.7);
    fillPoly(g, clipPolygon(projectRing(pr, ISLANDS.greatBritain!), m));
    // Graticule, faint, over the land too.
    this.graticule(g, 0.12);
    // Inland seas and lakes.
    for (const r of Object.values(WATERS)) {
      const pts = clipPolygon(projectRing(pr, r), m);
      g.fillStyle(HEX.sea, 1);
      fillPoly(g, pts);
      g.lineStyle(0.8, HEX.inkSoft, 0.8);
      strokePoly(g, pts);
    }
    // Rivers.
    g.lineStyle(0.8, HEX.good, 0.35);
    for (const r of Object.values(RIVERS)) for (const run of clipPolyline(projectRing(pr, r), m)) strokeLine(g, run);
    // Frontiers of the Soviet Union, dashed (not where they cut across the Black Sea and the Caspian).
    const seas = [WATERS.blackSea!, WATERS.caspian!].map(r => projectRing(pr, r));
    const onLand = (x: number, y: number) => !seas.some(sea => pointInPoly(x, y, sea));
    for (const r of [SOVIET_FRONTIER, FINNISH_FRONTIER]) {
      for (const run of clipPolyline(projectRing(pr, r), m)) dashed(g, run, 4, 3, 1.1, HEX.ussr, 0.75, onLand);
    }
    // Coasts.
    g.lineStyle(0.9, HEX.inkSoft, 0.95);
    for (const pts of lands) strokePoly(g, pts);
    this.drawInset(g);
    this.drawFrame(g);
    this.drawCartouche(g);
  }

  private graticule(g: Phaser.GameObjects.Graphics, alpha: number): void {
    const f = this.f,
      m = f.map,
      pr = f.proj;
    g.lineStyle(0.6, HEX.inkSoft, alpha);
    for (let lon = -30; lon <= VIEW.lon1; lon += 10) {
      const x = pr.x(lon);
      if (x > m.x && x < m.x + m.w) g.lineBetween(x, m.y, x, m.y + m.h);
    }
    for (let lat = 10; lat < VIEW.lat1; lat += 10) {
      const y = pr.y(lat);
      if (y > m.y && y < m.y + m.h) g.lineBetween(m.x, y, m.x + m.w, y);
    }
  }

  private drawFrame(g: Phaser.GameObjects.Graphics): void {
    const f = this.f,
      m = f.map,
      pr = f.proj;
    // Graduated border: alternate ink and paper every 10 degrees, in a band just outside the neat line.
    const band = 3.5,
      o = BORDER - band - 1;
    g.fillStyle(HEX.paper, 1);
    g.fillRect(0, 0, f.w, m.y);
    g.fillRect(0, m.y + m.h, f.w, f.h - m.y - m.h);
    g.fillRect(0, 0, m.x, f.h);
    g.fillRect(m.x + m.w, 0, f.w - m.x - m.w, f.h);
    g.fillStyle(HEX.inkSoft, 1);
    const lons: number[] = [];
    for (let lon = -40; lon <= 150; lon += 10) lons.push(lon);
    for (let i = 0; i + 1 < lons.length; i += 2) {
      const x0 = Math.max(m.x, pr.x(lons[i]!)),
        x1 = Math.min(m.x + m.w, pr.x(lons[i + 1]!));
      if (x1 > x0) {
        g.fillRect(x0, o, x1 - x0, band);
        g.fillRect(x0, m.y + m.h + 1, x1 - x0, band);
      }
    }
    for (let lat = 0; lat < 80; lat += 20) {
      const y0 = Math.max(m.y, pr.y(lat + 10)),
        y1 = Math.min(m.y + m.h, pr.y(lat));
      if (y1 > y0) {
        g.fillRect(o, y0, band, y1 - y0);
        g.fillRect(m.x + m.w + 1, y0, band, y1 - y0);
      }
    }
    g.lineStyle(1, HEX.ink, 1).strokeRect(m.x, m.y, m.w, m.h);
    g.lineStyle(1, HEX.ink, 1).strokeRect(o - 0.5, o - 0.5, m.w + 2 * (m.x - o) + 1, m.h + 2 * (m.y - o) + 1);
  }

  private drawCartouche(g: Phaser.GameObjects.Graphics): void {
    const c = this.f.cartouche;
    g.fillStyle(HEX.paper, 1).fillRect(c.x, c.y, c.w, c.h);
    g.lineStyle(1.5, HEX.ink, 1).strokeRect(c.x, c.y, c.w, c.h);
    g.lineStyle(0.6, HEX.ink, 1).strokeRect(c.x + 2.5, c.y + 2.5, c.w - 5, c.h - 5);
  }

  private drawInset(g: Phaser.GameObjects.Graphics): void {
    const f = this.f,
      b = f.inset,
      im = f.insetMap,
      pr = f.insetProj;
    g.fillStyle(HEX.paper, 1).fillRect(b.x, b.y, b.w, b.h);
    g.fillStyle(HEX.sea, 1).fillRect(im.x, im.y, im.w, im.h);
    const land = clipPolygon(projectRing(pr, NORTH_AMERICA), im);
    g.lineStyle(4, HEX.britain, 0.1);
    strokePoly(g, land);
    g.fillStyle(HEX.land, 1);
    fillPoly(g, land);
    for (const r of Object.values(NORTH_AMERICA_WATERS)) {
      const pts = clipPolygon(projectRing(pr, r), im);
      g.fillStyle(HEX.sea, 1);
      fillPoly(g, pts);
      g.lineStyle(0.8, HEX.inkSoft, 0.8);
      strokePoly(g, pts);
    }
    g.lineStyle(0.8, HEX.good, 0.35);
    for (const r of Object.values(NORTH_AMERICA_RIVERS)) for (const run of clipPolyline(projectRing(pr, r), im)) strokeLine(g, run);
    g.lineStyle(0.9, HEX.inkSoft, 0.95);
    strokePoly(g, land);
    g.lineStyle(1.5, HEX.ink, 1).strokeRect(b.x, b.y, b.w, b.h);
    g.lineStyle(0.6, HEX.ink, 1).strokeRect(im.x, im.y, im.w, im.h);
  }

  // -------------------------------------------------------------------------------------------
  // The overlay.

  private drawDot(g: Phaser.GameObjects.Graphics, p: Place): void {
    const at = this.plan!.labels[p].at,
      cap = PLACE_GEO[p].capital;
    if (cap) {
      const c = cap === 'britain' ? HEX.britain : HEX.ussr;
      g.fillStyle(HEX.paper, 1).fillCircle(at.x, at.y, DOT.capital + 1.5);
      g.fillStyle(c, 1).fillCircle(at.x, at.y, DOT.capital);
      g.fillStyle(HEX.paper, 1).fillCircle(at.x, at.y, 1.6);
      g.lineStyle(1, HEX.ink, 1).strokeCircle(at.x, at.y, DOT.capital + 1.5);
    } else {
      g.fillStyle(HEX.paper, 1).fillCircle(at.x, at.y, DOT.place);
      g.lineStyle(1, HEX.ink, 1).strokeCircle(at.x, at.y, DOT.place);
      g.fillStyle(HEX.ink, 1).fillCircle(at.x, at.y, 1);
    }
  }

  /** The London-Moscow line: navy from London, red from Moscow; the state of relations in its pattern. */
  private drawRelations(g: Phaser.GameObjects.Graphics, line: number[], r: Relations): void {
    const len = polylineLength(line);
    const half = (a: number, b: number) => subPolyline(line, a, b);
    const W = 2.6;
    const legs: [number[], number][] = [
      [half(0, len / 2), HEX.britain],
      [half(len / 2, len), HEX.ussr],
    ];
    if (r === 'full') {
      for (const [pts, c] of legs) {
        g.lineStyle(W, c, 1);
        strokeLine(g, pts);
      }
    } else if (r === 'charge') {
      for (const [pts, c] of legs) dashed(g, pts, 9, 5, W, c, 1);
    } else if (r === 'protecting') {
      for (const [pts, c] of legs) dotted(g, pts, 6, 1.5, c);
    } else {
      // Ruptured: the line stops short of the middle on both sides; a cross marks the break.
      const gap = 16;
      g.lineStyle(W, HEX.britain, 1);
      strokeLine(g, half(0, len / 2 - gap));
      g.lineStyle(W, HEX.ussr, 1);
      strokeLine(g, half(len / 2 + gap, len));
      const mid = subPolyline(line, len / 2 - 0.5, len / 2 + 0.5);
      const cx = mid[0]!,
        cy = mid[1]!,
        k = 5;
      g.lineStyle(2.6, HEX.paper, 1)
        .lineBetween(cx - k, cy - k, cx + k, cy + k)
        .lineBetween(cx - k, cy + k, cx + k, cy - k);
      g.lineStyle(1.8, HEX.ink, 1)
        .lineBetween(cx - k, cy - k, cx + k, cy + k)
        .lineBetween(cx - k, cy + k, cx + k, cy - k);
    }
  }

  private drawIncidents(g: Phaser.GameObjects.Graphics, incidents: MapIncident[]): void {
    // Oldest first, so the newest is drawn on top.
    const list = [...incidents].sort((a, b) => b.age - a.age || a.day - b.day);
    let pulse = 0;
    const pulsed = new Set<Place>();
    for (const inc of list) {
      const at = this.at(inc.place);
      const a = AGE_ALPHA[Math.min(inc.age, AGE_ALPHA.length - 1)]!;
      const r = incidentRadius(inc.severity);
      if (inc.kind === 'incident') burst(g, at.x, at.y, r, HEX.bad, a);
      else {
        g.fillStyle(HEX.bad, 0.35 * a).fillCircle(at.x, at.y, r);
        g.lineStyle(1.6, HEX.bad, a).strokeCircle(at.x, at.y, r);
      }
      // One pulse a place, for what happened this turn.
      if (inc.age === 0 && !this.host.reducedMotion && !pulsed.has(inc.place)) {
        pulsed.add(inc.place);
        this.pulse(pulse++, at, r);
      }
    }
  }

  private pulse(i: number, at: Point, r: number): void {
    let ring = this.pulses[i];
    if (!ring) {
      ring = this.scene.add.circle(0, 0, 10);
      ring.setFillStyle();
      this.pulses.push(ring);
      this.root.addAt(ring, this.root.getIndex(this.gDots));
    }
    ring.setPosition(at.x, at.y).setRadius(r).setStrokeStyle(1.5, HEX.bad, 1).setScale(1).setAlpha(0.9).setVisible(true);
    this.tweens.push(this.scene.tweens.add({ targets: ring, scale: 2.2, alpha: 0, duration: 1600, ease: 'Sine.easeOut', repeat: -1, repeatDelay: 400 }));
  }

  private stopPulses(): void {
    for (const t of this.tweens) t.remove();
    this.tweens.length = 0;
    for (const p of this.pulses) p.setVisible(false);
  }

  private drawCallouts(g: Phaser.GameObjects.Graphics, gb: Phaser.GameObjects.Graphics, incidents: MapIncident[], plan: MapPlan): void {
    // The newest: everything from this turn (up to MAX_CALLOUTS), or else the latest one.
    // The newest: this turn's (the most severe first, one a place, up to MAX_CALLOUTS), or else the latest one.
    const sorted = [...incidents].sort((a, b) => a.age - b.age || b.severity - a.severity || kindRank(a.kind) - kindRank(b.kind) || b.day - a.day);
    const fresh = sorted.filter(i => i.age === 0);
    const chosen: MapIncident[] = [];
    for (const inc of fresh.length ? fresh : sorted.slice(0, 1)) {
      if (chosen.length < MAX_CALLOUTS && !chosen.some(c => c.place === inc.place)) chosen.push(inc);
    }
    for (const [i, inc] of chosen.entries()) {
      let t = this.callouts[i];
      if (!t) {
        // Wrapped on as many lines as it takes: capped at two, "Voikov murdered in Warsaw; a bomb in
        // Leningrad" lost its last word with no sign of it (the longest titles take three).
        t = this.scene.add.text(0, 0, '', style('body', 12, PALETTE.ink, { wordWrap: { width: CALLOUT_W - 10 } }));
        this.callouts.push(t);
        this.root.add(t);
      }
      t.setText(inc.title);
    }
    const sized = chosen.map((inc, i) => ({ at: this.at(inc.place), w: Math.ceil(this.callouts[i]!.width) + 10, h: Math.ceil(this.callouts[i]!.height) + 4, r: incidentRadius(inc.severity) }));
    const spots = planCallouts(this.f, plan, sized);
    for (let i = 0; i < this.callouts.length; i++) {
      const t = this.callouts[i]!,
        spot = i < chosen.length ? spots[i] : null;
      if (!spot) {
        t.setVisible(false);
        continue;
      }
      const b = spot.box,
        at = sized[i]!.at,
        inc = chosen[i]!;
      const a = AGE_ALPHA[Math.min(inc.age, AGE_ALPHA.length - 1)]!;
      const e = leaderEnd(at, b);
      g.lineStyle(1, HEX.bad, 0.9).lineBetween(at.x, at.y, e.x, e.y);
      paperBox(gb, b, HEX.bad, 1);
      gb.fillStyle(HEX.bad, a).fillRect(b.x, b.y, 3, b.h);
      t.setPosition(b.x + 6, b.y + 2)
        .setVisible(true)
        .setAlpha(Math.max(0.75, a));
    }
  }

  private drawBadges(gb: Phaser.GameObjects.Graphics, powers: (MapPower & { place: Place })[], plan: MapPlan): void {
    const seen = new Set<string>();
    // Two powers at one place share its badge slot: the first keeps it, the others stack below.
    const slot = new Map<Place, number>();
    for (const p of powers) {
      const l = plan.labels[p.place];
      if (!l.badge) continue;
      const k = slot.get(p.place) ?? 0;
      slot.set(p.place, k + 1);
      const b: Box = { ...l.badge, y: l.badge.y + k * ROW.badge };
      seen.add(p.id);
      let o = this.badges.get(p.id);
      if (!o) {
        const text = this.scene.add.text(0, 0, '', style('poster', 12, PALETTE.ink));
        const zone = this.scene.add.zone(0, 0, BADGE_W, ROW.badge).setOrigin(0, 0);
        zone.setInteractive({ useHandCursor: true });
        const obj: BadgeObjs = { text, zone, power: p };
        zone.on('pointerup', () => this.host.onFigure(obj.power.align.fig));
        zone.on('pointerover', () => {
          const z = obj.zone;
          this.showTip(`${obj.power.name}: ${leaning(obj.power.align.value)} \u2014 click: why?`, z.x, z.y);
        });
        zone.on('pointerout', () => this.tooltip.hide());
        this.root.add([text, zone]);
        o = obj;
        this.badges.set(p.id, o);
      }
      o.power = p;
      drawBadge(gb, b, p.align.value);
      const v = p.align.value === null ? null : Math.round(p.align.value);
      o.text.setText(v === null ? '?' : v > 0 ? `+${v}` : v < 0 ? `\u2212${-v}` : '0');
      o.text.setColor(v === null ? PALETTE.inkSoft : v > 0 ? PALETTE.britain : v < 0 ? PALETTE.ussr : PALETTE.ink);
      o.text.setPosition(b.x + 24, Math.round(b.y + (b.h - o.text.height) / 2)).setVisible(true);
      o.zone.setPosition(b.x, b.y).setVisible(true);
      o.zone.input!.enabled = true;
    }
    for (const [id, o] of this.badges) {
      if (seen.has(id)) continue;
      o.text.setVisible(false);
      o.zone.setVisible(false);
      o.zone.input!.enabled = false;
    }
  }

  private drawDial(gb: Phaser.GameObjects.Graphics, v: number | null): void {
    const d = this.f.dial;
    paperBox(gb, d, HEX.ink, 1);
    gb.lineStyle(0.6, HEX.ink, 1).strokeRect(d.x + 2.5, d.y + 2.5, d.w - 5, d.h - 5);
    const cx = d.x + d.w / 2,
      cy = d.y + 34,
      r = 24;
    const arc = (from: number, to: number, c: number) => {
      gb.lineStyle(6, c, 1);
      gb.beginPath();
      gb.arc(cx, cy, r, Math.PI + (from / 100) * Math.PI, Math.PI + (to / 100) * Math.PI, false);
      gb.strokePath();
    };
    // One arc per band of the war danger, from the table every front end reads.
    WAR_DANGER_BANDS.forEach((b, k) => arc(b.from, WAR_DANGER_BANDS[k + 1]?.from ?? 100, DIAL_COLOUR[b.name]));
    // Ticks every 10.
    gb.lineStyle(0.8, HEX.ink, 1);
    for (let t = 0; t <= 100; t += 10) {
      const a = Math.PI + (t / 100) * Math.PI,
        r0 = t % 50 === 0 ? r - 6 : r - 4;
      gb.lineBetween(cx + Math.cos(a) * r0, cy + Math.sin(a) * r0, cx + Math.cos(a) * (r + 3), cy + Math.sin(a) * (r + 3));
    }
    if (v !== null) {
      const a = Math.PI + (Math.min(100, Math.max(0, v)) / 100) * Math.PI;
      gb.lineStyle(2, HEX.ink, 1).lineBetween(cx, cy, cx + Math.cos(a) * (r - 2), cy + Math.sin(a) * (r - 2));
    }
    gb.fillStyle(HEX.ink, 1).fillCircle(cx, cy, 2.5);
    this.dialText.setText(`War danger ${fmt(v)}`);
    this.dialText.setPosition(Math.round(cx), cy + 3);
  }

  /** A red wash at the map's edges as the war danger rises (nothing while it is calm). */
  private drawDanger(v: number | null): void {
    const g = this.gTint,
      m = this.f.map;
    g.clear();
    const from = WAR_DANGER_BANDS.find(b => b.name === 'tense')!.from;
    const k = v === null ? 0 : Math.max(0, Math.min(1, (v - from) / (100 - from)));
    if (k <= 0) return;
    for (let i = 0; i < 8; i++) {
      const a = 0.22 * k * (1 - i / 8) ** 2;
      g.lineStyle(3, HEX.ussr, a).strokeRect(m.x + 1.5 + i * 3, m.y + 1.5 + i * 3, m.w - 3 - i * 6, m.h - 3 - i * 6);
    }
  }

  private at(p: Place): Point {
    return this.plan!.labels[p].at;
  }

  /** The shared tooltip, at a point given in the map's own coordinates. */
  private showTip(s: string, x: number, y: number): void {
    this.tooltip.show(s, this.rect.x + x, this.rect.y + y);
  }
}

// ---------------------------------------------------------------------------------------------
// Drawing helpers.

const DIAL_COLOUR: Record<WarDangerBandName, number> = { calm: HEX.calm, tense: HEX.warn, crisis: HEX.bad };

const fmt = (v: number | null) => (v === null ? '?' : String(Math.round(v)));

function leaning(v: number | null): string {
  if (v === null) return 'leaning unknown';
  const n = Math.round(v);
  if (n > 0) return `+${n}, leans to London`;
  if (n < 0) return `-${-n}, leans to Moscow`;
  return '0, leans to neither';
}

/** Incidents proper first, then telegrams and news, then decisions and debates. */
const kindRank = (k: string) => ['incident', 'telegram', 'news', 'decision', 'cabinet', 'parliament'].indexOf(k) >>> 0;

const incidentRadius = (severity: number) => 3 + Math.max(1, Math.min(5, severity)) * 1.6;

/** Puts a polyline (flat x, y pairs) on the path; `close` joins its ends. Returns false if too short to draw. */
function tracePath(g: Phaser.GameObjects.Graphics, pts: readonly number[], close: boolean): boolean {
  if (pts.length < (close ? 6 : 4)) return false;
  g.beginPath();
  g.moveTo(pts[0]!, pts[1]!);
  for (let i = 2; i < pts.length; i += 2) g.lineTo(pts[i]!, pts[i + 1]!);
  if (close) g.closePath();
  return true;
}
const fillPoly = (g: Phaser.GameObjects.Graphics, pts: readonly number[]) => {
  if (tracePath(g, pts, true)) g.fillPath();
};
const strokePoly = (g: Phaser.GameObjects.Graphics, pts: readonly number[]) => {
  if (tracePath(g, pts, true)) g.strokePath();
};
const strokeLine = (g: Phaser.GameObjects.Graphics, pts: readonly number[]) => {
  if (tracePath(g, pts, false)) g.strokePath();
};

/** A dashed polyline; `keep` can veto dashes (e.g. over open sea). */
function dashed(g: Phaser.GameObjects.Graphics, pts: readonly number[], on: number, off: number, width: number, color: number, alpha: number, keep?: (x: number, y: number) => boolean): void {
  const len = polylineLength(pts);
  g.lineStyle(width, color, alpha);
  for (let d = 0; d < len; d += on + off) {
    const seg = subPolyline(pts, d, Math.min(len, d + on));
    if (seg.length < 4) continue;
    if (keep && !keep((seg[0]! + seg[seg.length - 2]!) / 2, (seg[1]! + seg[seg.length - 1]!) / 2)) continue;
    strokeLine(g, seg);
  }
}

function dotted(g: Phaser.GameObjects.Graphics, pts: readonly number[], step: number, r: number, color: number): void {
  const len = polylineLength(pts);
  g.fillStyle(color, 1);
  for (let d = step / 2; d < len; d += step) {
    const p = subPolyline(pts, 0, d);
    g.fillCircle(p[p.length - 2]!, p[p.length - 1]!, r);
  }
}

function pointInPoly(x: number, y: number, pts: readonly number[]): boolean {
  let inside = false;
  for (let i = 0, j = pts.length - 2; i < pts.length; j = i, i += 2) {
    const xi = pts[i]!,
      yi = pts[i + 1]!,
      xj = pts[j]!,
      yj = pts[j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function paperBox(g: Phaser.GameObjects.Graphics, b: Box, edge: number, alpha: number): void {
  g.fillStyle(HEX.paper, alpha).fillRect(b.x, b.y, b.w, b.h);
  g.lineStyle(1, edge, 1).strokeRect(b.x + 0.5, b.y + 0.5, b.w - 1, b.h - 1);
}

/** An eight-pointed burst, for incidents proper. */
function burst(g: Phaser.GameObjects.Graphics, cx: number, cy: number, r: number, color: number, alpha: number): void {
  g.fillStyle(color, 0.85 * alpha);
  g.lineStyle(1, HEX.ink, alpha);
  starPath(g, cx, cy, r, 8, 0.5);
  g.fillPath();
  g.strokePath();
}

/**
 * A power's badge: a small scale with London at the left and Moscow at the right, a bar and
 * arrowhead from the centre toward the side it leans to (navy for London, red for Moscow); the
 * number, with its sign, is a Text drawn next to it.
 */
function drawBadge(g: Phaser.GameObjects.Graphics, b: Box, v: number | null): void {
  g.fillStyle(HEX.paper, 1).fillRect(b.x, b.y + 1, b.w, b.h - 2);
  g.lineStyle(0.8, v === null ? HEX.neutral : HEX.ink, 1).strokeRect(b.x + 0.5, b.y + 1.5, b.w - 1, b.h - 3);
  const cx = b.x + 12,
    cy = b.y + b.h / 2,
    half = 8;
  g.lineStyle(1, HEX.inkSoft, 1)
    .lineBetween(cx - half, cy, cx + half, cy)
    .lineBetween(cx, cy - 4, cx, cy + 4);
  if (v === null || Math.round(v) === 0) return;
  const dir = v > 0 ? -1 : 1;
  const len = Math.max(3, (Math.min(100, Math.abs(v)) / 100) * half);
  const c = v > 0 ? HEX.britain : HEX.ussr;
  g.fillStyle(c, 1).fillRect(Math.min(cx, cx + dir * (len - 2)), cy - 1.5, Math.abs(len - 2), 3);
  const tip = cx + dir * (len + 1);
  g.fillTriangle(tip, cy, tip - dir * 4, cy - 3.5, tip - dir * 4, cy + 3.5);
}
