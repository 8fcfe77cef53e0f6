// The map's geography and label layout (src/ui/map): every place has a position on the map, the
// coastlines are simple polygons, places lie on land, and at the map's sizes no two labels overlap.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLACES, type Place } from '../../src/engine/vocab';
import { type Box, clipPolygon, EURASIA, FINNISH_FRONTIER, ISLANDS, mapFrame, NORTH_AMERICA, PLACE_GEO, placeXY, type Ring, SOVIET_FRONTIER, sovietRing, VIEW, WATERS } from '../../src/ui/map/geo';
import { BADGE_W, boxesOverlap, DOT, estimateWidth, type MapPlan, planMap, polylineHits, TEXT } from '../../src/ui/map/layout';

// The board draws the map at 900 x 330 (src/ui/board/boardGame.ts), and a larger map must lay out
// too. A smaller one (760 x 280, once checked) no longer holds every name at the board's smallest
// text (15 logical px, 14 px on a projector) without overlaps, and the board never draws one.
const SIZES: [number, number][] = [
  [900, 330],
  [1000, 380],
];
const DEFAULT = SIZES[0]!;

const inside = (a: Box, b: Box) => a.x >= b.x - 0.01 && a.y >= b.y - 0.01 && a.x + a.w <= b.x + b.w + 0.01 && a.y + a.h <= b.y + b.h + 0.01;

function pointInRing(lon: number, lat: number, r: Ring): boolean {
  let c = false;
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
    const xi = r[i]!,
      yi = r[i + 1]!,
      xj = r[j]!,
      yj = r[j + 1]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/** Segments of a closed ring that cross (not just touch at shared ends). */
function selfCrossings(r: Ring): number {
  const n = r.length / 2;
  const seg = (i: number) => [r[2 * i]!, r[2 * i + 1]!, r[(2 * i + 2) % r.length]!, r[(2 * i + 3) % r.length]!] as const;
  const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const [a, b, c, d] = seg(i),
        [e, f, g, h] = seg(j);
      if (orient(a, b, c, d, e, f) * orient(a, b, c, d, g, h) < 0 && orient(e, f, g, h, a, b) * orient(e, f, g, h, c, d) < 0) k++;
    }
  }
  return k;
}

/** Places that carry a third power's badge in some scenario. */
function scenarioBadges(): Set<Place> {
  const out = new Set<Place>();
  for (const id of ['1927', '1929', '1932']) {
    const sc = JSON.parse(readFileSync(new URL(`../../scenarios/${id}.json`, import.meta.url), 'utf8')) as { thirdParties: { place?: Place }[] };
    for (const p of sc.thirdParties) if (p.place) out.add(p.place);
  }
  return out;
}

const nameW = Object.fromEntries(PLACES.map(p => [p, estimateWidth(PLACE_GEO[p].label, PLACE_GEO[p].capital ? TEXT.capital : TEXT.name)])) as Record<Place, number>;
/** The relations label at its largest ("relations broken; protecting powers act for each side", wrapped). */
const REL = { w: 186, h: 48 };

function plan(w: number, h: number, badges: ReadonlySet<Place>): MapPlan {
  return planMap(mapFrame(w, h), { nameW, badges, rel: REL });
}

function problems(w: number, h: number, p: MapPlan): string[] {
  const f = mapFrame(w, h);
  const out: string[] = [];
  const boxes: [string, Box][] = [['relations label', p.relLabel], ...PLACES.map(q => [q, p.labels[q].box] as [string, Box])];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (boxesOverlap(boxes[i]![1], boxes[j]![1])) out.push(`${boxes[i]![0]} overlaps ${boxes[j]![0]}`);
  }
  for (const q of PLACES) {
    const l = p.labels[q];
    const g = PLACE_GEO[q];
    if (!inside(l.box, g.inset ? f.insetMap : f.map)) out.push(`${q}'s label leaves the ${g.inset ? 'inset' : 'map'}`);
    if (!g.inset) for (const d of [f.cartouche, f.inset, f.dial]) if (boxesOverlap(l.box, d)) out.push(`${q}'s label covers a corner box`);
    if (polylineHits(l.box, p.line, 0)) out.push(`${q}'s label covers the relations line`);
    for (const o of PLACES) {
      const at = p.labels[o].at,
        r = PLACE_GEO[o].capital ? DOT.capital : DOT.place;
      const dx = Math.max(l.box.x - at.x, 0, at.x - (l.box.x + l.box.w)),
        dy = Math.max(l.box.y - at.y, 0, at.y - (l.box.y + l.box.h));
      if (dx * dx + dy * dy < r * r) out.push(`${q}'s label covers ${o}'s dot`);
    }
    if (l.badge && !inside(l.badge, l.box)) out.push(`${q}'s badge sits outside its label block`);
    if (l.badge && !inside(l.name, l.box)) out.push(`${q}'s name sits outside its label block`);
  }
  if (!inside(p.relLabel, f.map)) out.push('the relations label leaves the map');
  return out;
}

describe('map geography', () => {
  it('gives every place coordinates and a label', () => {
    for (const p of PLACES) {
      const g = PLACE_GEO[p];
      expect(g, p).toBeDefined();
      expect(Number.isFinite(g.lon) && Number.isFinite(g.lat), p).toBe(true);
      expect(g.label.length, p).toBeGreaterThan(0);
    }
    expect(Object.keys(PLACE_GEO).sort()).toEqual([...PLACES].sort());
  });

  it('keeps the main map to Europe and Asia, and North America in the inset', () => {
    for (const p of PLACES) {
      const g = PLACE_GEO[p];
      const onMain = g.lon > VIEW.lon0 && g.lon < VIEW.lon1 && g.lat > VIEW.lat0 && g.lat < VIEW.lat1;
      expect(onMain, p).toBe(!g.inset);
    }
    expect(PLACES.filter(p => PLACE_GEO[p].inset).sort()).toEqual(['ottawa', 'washington']);
  });

  it('puts every place on land, not in a sea', () => {
    const lands = [EURASIA, ...Object.values(ISLANDS)];
    for (const p of PLACES) {
      const g = PLACE_GEO[p];
      const rings = g.inset ? [NORTH_AMERICA] : lands;
      expect(
        rings.some(r => pointInRing(g.lon, g.lat, r)),
        `${p} on land`,
      ).toBe(true);
      if (!g.inset)
        expect(
          Object.values(WATERS).some(r => pointInRing(g.lon, g.lat, r)),
          `${p} not in a lake`,
        ).toBe(false);
    }
    expect(pointInRing(PLACE_GEO.london.lon, PLACE_GEO.london.lat, ISLANDS.greatBritain!)).toBe(true);
    expect(pointInRing(PLACE_GEO.tokyo.lon, PLACE_GEO.tokyo.lat, ISLANDS.honshu!)).toBe(true);
    // Moscow and Leningrad are in the Soviet Union; Warsaw, Riga and Stockholm are not.
    const su = sovietRing();
    for (const p of ['moscow', 'leningrad'] as const) expect(pointInRing(PLACE_GEO[p].lon, PLACE_GEO[p].lat, su), p).toBe(true);
    for (const p of ['warsaw', 'riga', 'stockholm', 'ankara', 'kabul', 'peking'] as const) expect(pointInRing(PLACE_GEO[p].lon, PLACE_GEO[p].lat, su), p).toBe(false);
  });

  it('draws coastlines as simple polygons (no edge crosses another)', () => {
    const rings: [string, Ring][] = [['eurasia', EURASIA], ['ussr', sovietRing()], ...Object.entries(ISLANDS), ...Object.entries(WATERS)];
    for (const [name, r] of rings) {
      expect(r.length % 2, name).toBe(0);
      expect(r.length, name).toBeGreaterThanOrEqual(8);
      expect(selfCrossings(r), name).toBe(0);
    }
    expect(SOVIET_FRONTIER.length % 2).toBe(0);
    expect(FINNISH_FRONTIER.length % 2).toBe(0);
  });

  it('has a few hundred points of coastline', () => {
    const total = [EURASIA, ...Object.values(ISLANDS), ...Object.values(WATERS)].reduce((s, r) => s + r.length / 2, 0);
    expect(total).toBeGreaterThan(300);
    expect(total).toBeLessThan(2000);
  });

  it('clips a polygon to a box', () => {
    const sq = clipPolygon([-10, -10, 10, -10, 10, 10, -10, 10], { x: 0, y: 0, w: 5, h: 5 });
    const xs = sq.filter((_, i) => i % 2 === 0),
      ys = sq.filter((_, i) => i % 2 === 1);
    expect(Math.min(...xs)).toBe(0);
    expect(Math.max(...xs)).toBe(5);
    expect(Math.min(...ys)).toBe(0);
    expect(Math.max(...ys)).toBe(5);
    expect(clipPolygon([20, 20, 30, 20, 30, 30], { x: 0, y: 0, w: 5, h: 5 })).toEqual([]);
  });
});

describe('map projection and frame', () => {
  it.each(SIZES)('places every place inside the map (or the inset) at %i x %i', (w, h) => {
    const f = mapFrame(w, h);
    for (const p of PLACES) {
      const at = placeXY(f, p);
      const box = PLACE_GEO[p].inset ? f.insetMap : f.map;
      expect(inside({ x: at.x, y: at.y, w: 0, h: 0 }, box), `${p} at ${at.x.toFixed(0)},${at.y.toFixed(0)}`).toBe(true);
      // Not under the cartouche or the dial, and main-map places not under the inset.
      for (const d of PLACE_GEO[p].inset ? [f.cartouche, f.dial] : [f.cartouche, f.inset, f.dial]) {
        expect(inside({ x: at.x, y: at.y, w: 0, h: 0 }, d), `${p} under a corner box`).toBe(false);
      }
    }
    // The corner boxes sit inside the map and apart.
    for (const d of [f.cartouche, f.inset, f.dial]) expect(inside(d, f.map)).toBe(true);
    expect(boxesOverlap(f.cartouche, f.inset) || boxesOverlap(f.inset, f.dial) || boxesOverlap(f.cartouche, f.dial)).toBe(false);
    expect(inside(f.insetMap, f.inset)).toBe(true);
    expect(f.inset.w).toBeGreaterThanOrEqual(estimateWidth('Washington') + 8);
  });

  it('keeps west to the left and north up', () => {
    const f = mapFrame(...DEFAULT);
    const at = (p: Place) => placeXY(f, p);
    expect(at('london').x).toBeLessThan(at('berlin').x);
    expect(at('berlin').x).toBeLessThan(at('moscow').x);
    expect(at('moscow').x).toBeLessThan(at('peking').x);
    expect(at('peking').x).toBeLessThan(at('tokyo').x);
    expect(at('stockholm').y).toBeLessThan(at('rome').y);
    expect(at('ottawa').y).toBeLessThan(at('washington').y);
  });
});

describe('map labels', () => {
  const badgeSets: [string, ReadonlySet<Place>][] = [
    ['no badges', new Set()],
    ["the scenarios' third powers", scenarioBadges()],
  ];

  it('knows where the scenarios put their third powers', () => {
    const b = scenarioBadges();
    for (const p of b) expect(PLACES).toContain(p);
    expect(b.has('paris')).toBe(true);
  });

  for (const [w, h] of SIZES) {
    for (const [name, badges] of badgeSets) {
      it(`does not overlap labels at ${w} x ${h} with ${name}`, () => {
        expect(problems(w, h, plan(w, h, badges))).toEqual([]);
      });
    }
  }

  it('keeps labels close to their places at the default size', () => {
    const p = plan(...DEFAULT, scenarioBadges());
    for (const q of PLACES) {
      const l = p.labels[q];
      const cx = Math.max(l.box.x - l.at.x, 0, l.at.x - (l.box.x + l.box.w)),
        cy = Math.max(l.box.y - l.at.y, 0, l.at.y - (l.box.y + l.box.h));
      // Within 60 px: the names are set at 15 px (14 px on a projector), and Brussels, crowded by
      // London, Paris and The Hague, sits on a short leader.
      expect(Math.hypot(cx, cy), q).toBeLessThan(60);
    }
    // London and Moscow sit beside their dots, not on leaders.
    expect(p.labels.london.leader).toBeNull();
    expect(p.labels.moscow.leader).toBeNull();
  });

  it('puts a badge only where a power is', () => {
    const badges = new Set<Place>(['paris', 'tokyo', 'ottawa']);
    const p = plan(...DEFAULT, badges);
    for (const q of PLACES) expect(p.labels[q].badge !== null, q).toBe(badges.has(q));
    expect(p.labels.paris.badge!.w).toBe(BADGE_W);
  });

  it('lays out the same way every time', () => {
    const a = plan(...DEFAULT, scenarioBadges()),
      b = plan(...DEFAULT, scenarioBadges());
    expect(b).toEqual(a);
  });
});
