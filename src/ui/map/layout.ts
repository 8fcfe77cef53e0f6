// Where the map's labels go: each place's name (with its power's badge under it, if any), the
// relations label on the London-Moscow line, and incident callouts. Each label has candidate
// positions round its point (preferred sides first, then further out on a leader line); a seeded
// annealing search picks one each so that no two overlap, none covers a city's dot or the
// relations line, and every one stays inside the map. Pure and deterministic, tested in Node.
import type { Place } from '../../engine/vocab';
import { PLACES } from '../../engine/vocab';
import { type Box, DIRS, type Dir, greatCircle, type MapFrame, PLACE_GEO, placeXY } from './geo';

/** Text sizes (logical px). */
export const TEXT = { name: 15, capital: 16 } as const;
/** Heights of a name row and a badge row. */
export const ROW = { name: 18, capital: 19, badge: 18 } as const;
export const BADGE_W = 50;
export const BADGE_GAP = 3;
/** Dot radii. */
export const DOT = { place: 2.6, capital: 4.5 } as const;

/** A rough text width for tests and first guesses: 7 px a character at 12 px (more for capitals' bigger type). */
export function estimateWidth(text: string, px: number = TEXT.name): number {
  return Math.ceil(text.length * 7 * (px / 12));
}

export interface Point {
  x: number;
  y: number;
}

export interface Candidate {
  box: Box;
  /** Needs a leader line from the point to the box. */
  far: boolean;
  dir: Dir | null;
  /** Lower is better. */
  cost: number;
  /** For a name with a badge: the badge under the name, or beside it. */
  shape?: 'stack' | 'inline';
}

export interface Item {
  id: string;
  at: Point;
  w: number;
  h: number;
  /** The dot's radius, kept clear. */
  r: number;
  bounds: Box;
  candidates: Candidate[];
}

export interface Placed {
  id: string;
  box: Box;
  at: Point;
  far: boolean;
  dir: Dir | null;
  shape?: 'stack' | 'inline';
}

const overlap = (a: Box, b: Box, pad = 0) => a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
const circleHits = (b: Box, c: Point, r: number) => {
  const dx = Math.max(b.x - c.x, 0, c.x - (b.x + b.w)),
    dy = Math.max(b.y - c.y, 0, c.y - (b.y + b.h));
  return dx * dx + dy * dy < r * r;
};
/** Whether a segment crosses a box (padded): Liang-Barsky clipping. */
function segmentHits(b: Box, x0: number, y0: number, x1: number, y1: number, pad: number): boolean {
  const dx = x1 - x0,
    dy = y1 - y0;
  const p = [-dx, dx, -dy, dy];
  const q = [x0 - (b.x - pad), b.x + b.w + pad - x0, y0 - (b.y - pad), b.y + b.h + pad - y0];
  let t0 = 0,
    t1 = 1;
  for (let k = 0; k < 4; k++) {
    const pk = p[k]!,
      qk = q[k]!;
    if (pk === 0) {
      if (qk < 0) return false;
      continue;
    }
    const t = qk / pk;
    if (pk < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return t0 <= t1;
}
export function polylineHits(b: Box, pts: readonly number[], pad = 1): boolean {
  const bb = bboxOf(pts);
  if (!overlap(b, bb, pad)) return false;
  for (let i = 0; i + 3 < pts.length; i += 2) if (segmentHits(b, pts[i]!, pts[i + 1]!, pts[i + 2]!, pts[i + 3]!, pad)) return true;
  return false;
}
export const boxesOverlap = overlap;

/** Distance from a point to a box (0 inside). */
export function boxDistance(b: Box, p: Point): number {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.w)),
    dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.h));
  return Math.hypot(dx, dy);
}

/** Whether the segment a-b crosses the polyline. */
function segmentCrosses(pts: readonly number[], a: Point, b: Point): boolean {
  const side = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) => (qx - px) * (ry - py) - (qy - py) * (rx - px);
  for (let i = 0; i + 3 < pts.length; i += 2) {
    const x0 = pts[i]!,
      y0 = pts[i + 1]!,
      x1 = pts[i + 2]!,
      y1 = pts[i + 3]!;
    const d1 = side(a.x, a.y, b.x, b.y, x0, y0),
      d2 = side(a.x, a.y, b.x, b.y, x1, y1);
    const d3 = side(x0, y0, x1, y1, a.x, a.y),
      d4 = side(x0, y0, x1, y1, b.x, b.y);
    if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  }
  return false;
}

const bboxCache = new WeakMap<readonly number[], Box>();
function bboxOf(pts: readonly number[]): Box {
  let b = bboxCache.get(pts);
  if (!b) {
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (let i = 0; i < pts.length; i += 2) {
      x0 = Math.min(x0, pts[i]!);
      x1 = Math.max(x1, pts[i]!);
      y0 = Math.min(y0, pts[i + 1]!);
      y1 = Math.max(y1, pts[i + 1]!);
    }
    b = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    bboxCache.set(pts, b);
  }
  return b;
}

/**
 * Candidate boxes of size w x h round a point of radius r: in `prefer` order then the other
 * directions, near first, then further out (with a leader line). `rowH` is the first row's height:
 * east and west labels centre that row on the point.
 */
export function ringCandidates(at: Point, w: number, h: number, r: number, prefer: readonly Dir[], rowH = h, gaps: readonly number[] = [3, 12, 24, 38, 54]): Candidate[] {
  const order = [...prefer, ...DIRS.filter(d => !prefer.includes(d))];
  const out: Candidate[] = [];
  for (const [k, gap] of gaps.entries()) {
    for (const [rank, dir] of order.entries()) {
      const g = r + gap,
        gd = (r + gap) * 0.72;
      let x: number, y: number;
      switch (dir) {
        case 'e':
          x = at.x + g;
          y = at.y - rowH / 2;
          break;
        case 'w':
          x = at.x - g - w;
          y = at.y - rowH / 2;
          break;
        case 'n':
          x = at.x - w / 2;
          y = at.y - g - h;
          break;
        case 's':
          x = at.x - w / 2;
          y = at.y + g;
          break;
        case 'ne':
          x = at.x + gd;
          y = at.y - gd - h;
          break;
        case 'nw':
          x = at.x - gd - w;
          y = at.y - gd - h;
          break;
        case 'se':
          x = at.x + gd;
          y = at.y + gd;
          break;
        case 'sw':
          x = at.x - gd - w;
          y = at.y + gd;
          break;
      }
      // Preferred directions cost little; a label away from its dot (on a leader) costs much more.
      const base = rank < prefer.length ? rank : prefer.length + rank * 1.5;
      const cost = k === 0 ? base : 12 + gap * 1.2 + base;
      out.push({ box: { x: Math.round(x), y: Math.round(y), w, h }, far: k > 0, dir, cost });
      if (k === 0) {
        // Beside the dot but nudged: east and west up or down, north and south left or right.
        const nudges: [number, number][] =
          dir === 'e' || dir === 'w'
            ? [
                [0, -5],
                [0, 5],
              ]
            : dir === 'n' || dir === 's'
              ? [
                  [-w / 3, 0],
                  [w / 3, 0],
                ]
              : [];
        for (const [dx, dy] of nudges) out.push({ box: { x: Math.round(x + dx), y: Math.round(y + dy), w, h }, far: false, dir, cost: base + 0.7 });
      }
    }
  }
  return out;
}

export interface Obstacles {
  boxes: Box[];
  dots: { at: Point; r: number }[];
  lines: number[][];
}

function clearOf(c: Candidate, item: Item, ob: Obstacles): boolean {
  const b = c.box;
  if (!inside(b, item.bounds)) return false;
  for (const o of ob.boxes) if (overlap(b, o, 1)) return false;
  for (const d of ob.dots) if (circleHits(b, d.at, d.r + 1.5)) return false;
  for (const l of ob.lines) if (polylineHits(b, l, 2)) return false;
  if (c.far) {
    // The leader must not run through another dot.
    const e = leaderEnd(item.at, b);
    for (const d of ob.dots) if ((d.at.x !== item.at.x || d.at.y !== item.at.y) && segmentHits({ x: d.at.x, y: d.at.y, w: 0, h: 0 }, item.at.x, item.at.y, e.x, e.y, d.r + 0.5)) return false;
  }
  return true;
}

/** The point on a box's edge nearest to p (where a leader line meets it). */
export function leaderEnd(p: Point, b: Box): Point {
  return { x: Math.min(Math.max(p.x, b.x), b.x + b.w), y: Math.min(Math.max(p.y, b.y), b.y + b.h) };
}

/**
 * Place every item at one of its candidates so that none overlap: a deterministic min-conflicts
 * search. Start each at its best candidate; while some item clashes, move a clashing item to the
 * candidate with fewest clashes (ties to the better-ranked one, now and then a random one to get
 * out of a rut); then move each item back to the best-ranked candidate that stays clear.
 */
export function solve(items: readonly Item[], ob: Obstacles, iterations = 6000): Placed[] {
  const n = items.length;
  // A leader crossing a line (the relations line) is allowed but costs.
  const crossCost = (it: Item, c: Candidate) => {
    if (!c.far) return 0;
    const e = leaderEnd(it.at, c.box);
    return ob.lines.some(l => polylineHits({ x: Math.min(it.at.x, e.x), y: Math.min(it.at.y, e.y), w: Math.abs(e.x - it.at.x), h: Math.abs(e.y - it.at.y) }, l, 0) && segmentCrosses(l, it.at, e))
      ? 25
      : 0;
  };
  const pools = items.map(it => {
    const f = it.candidates.filter(c => clearOf(c, it, ob));
    return (f.length ? f : it.candidates).map(c => ({ ...c, cost: c.cost + crossCost(it, c) })).sort((a, b) => a.cost - b.cost);
  });
  // Flat arrays per candidate: box, and the leader's far end (NaN when there is no leader).
  const flat = pools.map((pool, i) => {
    const a = new Float64Array(pool.length * 6);
    const at = items[i]!.at;
    pool.forEach((c, k) => {
      const e = c.far ? leaderEnd(at, c.box) : null;
      a.set([c.box.x, c.box.y, c.box.x + c.box.w, c.box.y + c.box.h, e ? e.x : NaN, e ? e.y : NaN], k * 6);
    });
    return a;
  });
  const hitsLeader = (b: Float64Array, q: number, ax: number, ay: number, l: Float64Array, m: number) =>
    segmentHits({ x: b[q]!, y: b[q + 1]!, w: b[q + 2]! - b[q]!, h: b[q + 3]! - b[q + 1]! }, ax, ay, l[m + 4]!, l[m + 5]!, 0);
  const clash = (i: number, ci: number, j: number, cj: number): boolean => {
    const A = flat[i]!,
      B = flat[j]!,
      p = ci * 6,
      q = cj * 6;
    if (A[p]! < B[q + 2]! + 1 && B[q]! < A[p + 2]! + 1 && A[p + 1]! < B[q + 3]! + 1 && B[q + 1]! < A[p + 3]! + 1) return true;
    if (!Number.isNaN(A[p + 4]!) && hitsLeader(B, q, items[i]!.at.x, items[i]!.at.y, A, p)) return true;
    if (!Number.isNaN(B[q + 4]!) && hitsLeader(A, p, items[j]!.at.x, items[j]!.at.y, B, q)) return true;
    return false;
  };
  // Only items whose candidates can meet need checking against each other.
  const reach = pools.map((pool, i) => {
    let x0 = items[i]!.at.x,
      y0 = items[i]!.at.y,
      x1 = x0,
      y1 = y0;
    for (const c of pool) {
      x0 = Math.min(x0, c.box.x);
      y0 = Math.min(y0, c.box.y);
      x1 = Math.max(x1, c.box.x + c.box.w);
      y1 = Math.max(y1, c.box.y + c.box.h);
    }
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  });
  const near = reach.map((r, i) => reach.flatMap((q, j) => (j !== i && overlap(r, q, 2) ? [j] : [])));
  const pick = new Array<number>(n).fill(0);
  const CLASH = 1000;
  const local = (i: number, c: number) => {
    let e = pools[i]![c]!.cost;
    for (const j of near[i]!) if (clash(i, c, j, pick[j]!)) e += CLASH;
    return e;
  };
  let energy = 0;
  for (let i = 0; i < n; i++) energy += pools[i]![0]!.cost;
  for (let i = 0; i < n; i++) for (const j of near[i]!) if (j > i && clash(i, 0, j, 0)) energy += CLASH;
  let best = pick.slice(),
    bestE = energy;
  let seed = 12345;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  // Simulated annealing, from hot (clashes can be traded) to cold; moves favour clashing items.
  // Another, cooler round starts from the best state while clashes remain (up to a few rounds).
  for (let round = 0; round < 4 && (round === 0 || bestE >= CLASH); round++) {
    if (round > 0) {
      pick.splice(0, n, ...best);
      energy = bestE;
    }
    const T0 = round === 0 ? 60 : 25,
      T1 = 0.2;
    let lastGain = 0;
    for (let it = 0; it < iterations; it++) {
      // Clear of clashes and no better for a while: good enough.
      if (bestE < CLASH && it - lastGain > iterations / 3) break;
      const T = T0 * (T1 / T0) ** (it / iterations);
      let i = Math.floor(rand() * n);
      for (let tries = 0; tries < 3 && local(i, pick[i]!) < CLASH; tries++) i = Math.floor(rand() * n);
      const pool = pools[i]!;
      if (pool.length < 2) continue;
      // Mostly try nearby (cheap) candidates.
      const c = rand() < 0.7 ? Math.floor(rand() * Math.min(pool.length, 12)) : Math.floor(rand() * pool.length);
      if (c === pick[i]) continue;
      const d = local(i, c) - local(i, pick[i]!);
      if (d <= 0 || rand() < Math.exp(-d / T)) {
        pick[i] = c;
        energy += d;
        if (energy < bestE - 1e-9) {
          bestE = energy;
          best = pick.slice();
          lastGain = it;
        }
      }
    }
  }
  pick.splice(0, n, ...best);
  // Polish: each item to a cheaper candidate when that adds no clash.
  for (let pass = 0; pass < 3; pass++) {
    for (let i = 0; i < n; i++) {
      const now = local(i, pick[i]!);
      for (let c = 0; c < pools[i]!.length; c++)
        if (local(i, c) < now) {
          pick[i] = c;
          break;
        }
    }
  }
  return items.map((it, j) => {
    const c = pools[j]![pick[j]!]!;
    return { id: it.id, box: c.box, at: it.at, far: c.far, dir: c.dir, ...(c.shape ? { shape: c.shape } : {}) };
  });
}

// ---------------------------------------------------------------------------------------------
// The map's own layout.

export interface LabelPlan {
  place: Place;
  at: Point;
  /** The whole block (name, and the badge under it if any). */
  box: Box;
  name: Box;
  badge: Box | null;
  align: 'left' | 'right' | 'center';
  /** Leader line from the dot to the block, if the block sits away from the dot. */
  leader: [Point, Point] | null;
}

export interface MapPlan {
  labels: Record<Place, LabelPlan>;
  /** The relations line (flat x, y) and the box for its label. */
  line: number[];
  relLabel: Box;
  relLeader: [Point, Point] | null;
}

export interface PlanInput {
  /** Measured (or estimated) width of each place's name. */
  nameW: Record<Place, number>;
  /** Places carrying a power's badge. */
  badges: ReadonlySet<Place>;
  /** Size of the relations label. */
  rel: { w: number; h: number };
}

/** The relations line from London to Moscow, stopping short of the two dots. */
export function relationsLine(f: MapFrame): number[] {
  const gc = greatCircle(PLACE_GEO.london, PLACE_GEO.moscow, 32);
  const pts: number[] = [];
  for (let i = 0; i < gc.length; i += 2) pts.push(f.proj.x(gc[i]!), f.proj.y(gc[i + 1]!));
  return trimPolyline(pts, DOT.capital + 3, DOT.capital + 3);
}

/** Cut `a` px from the start and `b` px from the end of a polyline. */
export function trimPolyline(pts: readonly number[], a: number, b: number): number[] {
  const len = polylineLength(pts);
  return subPolyline(pts, a, len - b);
}
export function polylineLength(pts: readonly number[]): number {
  let s = 0;
  for (let i = 0; i + 3 < pts.length; i += 2) s += Math.hypot(pts[i + 2]! - pts[i]!, pts[i + 3]! - pts[i + 1]!);
  return s;
}
/** The part of a polyline between distances d0 and d1 along it. */
export function subPolyline(pts: readonly number[], d0: number, d1: number): number[] {
  const out: number[] = [];
  let s = 0;
  for (let i = 0; i + 3 < pts.length; i += 2) {
    const x0 = pts[i]!,
      y0 = pts[i + 1]!,
      x1 = pts[i + 2]!,
      y1 = pts[i + 3]!;
    const l = Math.hypot(x1 - x0, y1 - y0);
    const a = Math.max(d0, s),
      b = Math.min(d1, s + l);
    if (b > a && l > 0) {
      const ta = (a - s) / l,
        tb = (b - s) / l;
      if (!out.length) out.push(x0 + (x1 - x0) * ta, y0 + (y1 - y0) * ta);
      out.push(x0 + (x1 - x0) * tb, y0 + (y1 - y0) * tb);
    }
    s += l;
  }
  return out;
}
/** The point at distance d along a polyline. */
export function pointAt(pts: readonly number[], d: number): Point {
  const p = subPolyline(pts, 0, Math.max(0.001, d));
  return { x: p[p.length - 2] ?? pts[0]!, y: p[p.length - 1] ?? pts[1]! };
}

/** Where a reader attaches a label to a dot: the end of its name row (or the corner) nearest the dot. */
function attachPoint(c: Candidate, rowH: number): Point {
  const b = c.box,
    my = b.y + rowH / 2;
  switch (c.dir) {
    case 'e':
      return { x: b.x, y: my };
    case 'w':
      return { x: b.x + b.w, y: my };
    case 'n':
      return { x: b.x + b.w / 2, y: b.y + b.h };
    case 's':
      return { x: b.x + b.w / 2, y: b.y };
    case 'ne':
      return { x: b.x, y: b.y + b.h };
    case 'nw':
      return { x: b.x + b.w, y: b.y + b.h };
    case 'se':
      return { x: b.x, y: b.y };
    case 'sw':
      return { x: b.x + b.w, y: b.y };
    default:
      return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  }
}

/** Which edge rows align to, by direction. */
const alignOf = (d: Dir | null): LabelPlan['align'] => (d === 'e' || d === 'ne' || d === 'se' ? 'left' : d === 'w' || d === 'nw' || d === 'sw' ? 'right' : 'center');

export function planMap(f: MapFrame, input: PlanInput): MapPlan {
  const line = relationsLine(f);
  const decor = [f.cartouche, f.inset, f.dial];
  const at = Object.fromEntries(PLACES.map(p => [p, placeXY(f, p)])) as Record<Place, Point>;
  const dots = PLACES.map(p => ({ at: at[p], r: PLACE_GEO[p].capital ? DOT.capital : DOT.place }));
  const items: Item[] = [];
  // The relations label first: it is the biggest, and it must sit by the line.
  const len = polylineLength(line);
  const relCands: Candidate[] = [];
  const gapCost = [0, 10, 25, 45, 70];
  for (const [gi, gap] of [5, 14, 26, 40, 56].entries()) {
    for (const [ti, t] of [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.82].entries()) {
      const p = pointAt(line, len * t);
      for (const side of [-1, 1]) {
        const y = side < 0 ? p.y - gap - input.rel.h : p.y + gap;
        // Centred on the point, or hanging off to either side of it.
        for (const [ai, ax] of [0.5, 0.15, 0.85].entries()) {
          relCands.push({
            box: { x: Math.round(p.x - input.rel.w * ax), y: Math.round(y), w: input.rel.w, h: input.rel.h },
            far: gap > 14,
            dir: null,
            cost: gapCost[gi]! + ti * 1.5 + ai * 2 + (side > 0 ? 0.5 : 0),
          });
        }
      }
    }
  }
  const mid = pointAt(line, len / 2);
  items.push({ id: 'rel', at: mid, w: input.rel.w, h: input.rel.h, r: 0, bounds: f.map, candidates: relCands });
  // Then the places, most crowded first.
  const crowd = (p: Place) => PLACES.filter(q => q !== p && Math.hypot(at[q].x - at[p].x, at[q].y - at[p].y) < 70).length;
  const order = [...PLACES].sort((a, b) => Number(!!PLACE_GEO[b].capital) - Number(!!PLACE_GEO[a].capital) || crowd(b) - crowd(a) || PLACES.indexOf(a) - PLACES.indexOf(b));
  for (const p of order) {
    const g = PLACE_GEO[p];
    const rowH = g.capital ? ROW.capital : ROW.name;
    const r = g.capital ? DOT.capital : DOT.place;
    const nw = input.nameW[p];
    let candidates: Candidate[];
    if (input.badges.has(p)) {
      // The badge under the name, or beside it.
      const stack = ringCandidates(at[p], Math.max(nw, BADGE_W), rowH + ROW.badge, r, g.prefer, rowH).map(c => ({ ...c, shape: 'stack' as const }));
      const inline = ringCandidates(at[p], nw + BADGE_GAP + BADGE_W, rowH, r, g.prefer, rowH).map(c => ({ ...c, shape: 'inline' as const, cost: c.cost + 0.5 }));
      candidates = [...stack, ...inline];
    } else candidates = ringCandidates(at[p], nw, rowH, r, g.prefer, rowH);
    // A name is read as belonging to the dot nearest where it starts (its name row's end, or corner,
    // toward the dot): if another place's dot is as near that point, it would be misread.
    const others = PLACES.filter(q => q !== p && PLACE_GEO[q].inset === g.inset).map(q => at[q]);
    candidates = candidates.flatMap(c => {
      const a = attachPoint(c, rowH);
      const own = Math.hypot(a.x - at[p].x, a.y - at[p].y);
      if (!others.some(o => Math.hypot(a.x - o.x, a.y - o.y) < own + 1.5)) return [c];
      // Beside the dot it would be misread; on a leader line it is only less good.
      return c.far ? [{ ...c, cost: c.cost + 40 }] : [];
    });
    items.push({ id: p, at: at[p], w: nw, h: rowH, r, bounds: g.inset ? f.insetMap : f.map, candidates });
  }
  // The inset's own places live inside the decor: solve them apart.
  const isInset = (it: Item) => it.id !== 'rel' && !!PLACE_GEO[it.id as Place].inset;
  const placed = solve(
    items.filter(it => !isInset(it)),
    { boxes: decor, dots, lines: [line] },
  );
  const insetItems = items.filter(isInset);
  const insetPlaced = solve(insetItems, { boxes: [], dots: dots.filter(d => insetItems.some(it => it.at === d.at)), lines: [] });
  const byId = new Map<string, Placed>();
  for (const p of placed) byId.set(p.id, p);
  for (const p of insetPlaced) byId.set(p.id, p);
  const labels = {} as Record<Place, LabelPlan>;
  for (const p of PLACES) {
    const pl = byId.get(p)!;
    const rowH = PLACE_GEO[p].capital ? ROW.capital : ROW.name;
    const nw = input.nameW[p];
    const align = alignOf(pl.dir);
    const b = pl.box;
    let name: Box,
      badge: Box | null = null;
    if (pl.shape === 'inline') {
      name = { x: b.x, y: b.y, w: nw, h: rowH };
      badge = { x: b.x + nw + BADGE_GAP, y: b.y + Math.round((rowH - ROW.badge) / 2), w: BADGE_W, h: ROW.badge };
    } else {
      const nx = align === 'left' ? b.x : align === 'right' ? b.x + b.w - nw : b.x + (b.w - nw) / 2;
      name = { x: Math.round(nx), y: b.y, w: nw, h: rowH };
      if (pl.shape === 'stack') {
        const bx = align === 'left' ? b.x : align === 'right' ? b.x + b.w - BADGE_W : b.x + (b.w - BADGE_W) / 2;
        badge = { x: Math.round(bx), y: b.y + rowH, w: BADGE_W, h: ROW.badge };
      }
    }
    labels[p] = { place: p, at: at[p], box: b, align, name, badge, leader: pl.far ? [at[p], leaderEnd(at[p], b)] : null };
  }
  const rel = byId.get('rel')!;
  return { labels, line, relLabel: rel.box, relLeader: rel.far ? [nearestOnLine(line, rel.box), leaderEnd(nearestOnLine(line, rel.box), rel.box)] : null };
}

function nearestOnLine(line: readonly number[], b: Box): Point {
  const cx = b.x + b.w / 2,
    cy = b.y + b.h / 2;
  let best: Point = { x: line[0]!, y: line[1]! },
    bd = Infinity;
  for (let i = 0; i < line.length; i += 2) {
    const d = Math.hypot(line[i]! - cx, line[i + 1]! - cy);
    if (d < bd) {
      bd = d;
      best = { x: line[i]!, y: line[i + 1]! };
    }
  }
  return best;
}

/** Boxes the map's labels occupy (for placing incident callouts round them). */
export function occupied(plan: MapPlan): Box[] {
  return [plan.relLabel, ...Object.values(plan.labels).map(l => l.box)];
}

/**
 * Callouts for incidents: each near its marker, clear of the labels, dots, decor and other callouts.
 * Returns null for a callout that found no clear place.
 */
export function planCallouts(f: MapFrame, plan: MapPlan, calls: { at: Point; w: number; h: number; r: number }[]): (Placed | null)[] {
  const dots = PLACES.map(p => ({ at: plan.labels[p].at, r: PLACE_GEO[p].capital ? DOT.capital : DOT.place }));
  const ob: Obstacles = { boxes: [...occupied(plan), f.cartouche, f.inset, f.dial], dots, lines: [plan.line] };
  const out: (Placed | null)[] = [];
  for (const [i, c] of calls.entries()) {
    const cands = ringCandidates(c.at, c.w, c.h, c.r, ['s', 'se', 'sw', 'e', 'w', 'n'], c.h, [4, 16, 30, 48, 70, 95, 125]).sort((a, b) => a.cost - b.cost);
    const item: Item = { id: `call${i}`, at: c.at, w: c.w, h: c.h, r: c.r, bounds: f.map, candidates: cands };
    const taken = out.filter((o): o is Placed => o !== null).map(o => o.box);
    const boxes = [...ob.boxes, ...taken];
    // Its leader must not cut through a label either.
    const crossings = (cd: Candidate) => {
      const e = leaderEnd(c.at, cd.box);
      return boxes.filter(b => segmentHits(b, c.at.x, c.at.y, e.x, e.y, 0) && boxDistance(b, c.at) > 0.5).length;
    };
    // The first clear spot whose leader crosses no label; failing that, the one crossing fewest.
    let got: Candidate | undefined,
      fewest = Infinity;
    for (const cd of cands) {
      if (!clearOf(cd, item, { ...ob, boxes })) continue;
      const k = crossings(cd);
      if (k < fewest) {
        fewest = k;
        got = cd;
      }
      if (k === 0) break;
    }
    out.push(got ? { id: item.id, box: got.box, at: c.at, far: got.far, dir: got.dir } : null);
  }
  return out;
}
