// How much an effect list is worth to a side by its objectives: each objective is turned into a
// gradient over figures, flags, relations and actions, once per scenario, so a persona can weigh
// an order in a few multiplications.
import type { Compiled } from '../engine/compile';
import type { Condition, Effect } from '../scenario/schema';
import type { Side } from '../engine/vocab';

export interface Gradient { fig: Map<number, number>; flag: Map<string, number>; relations: Map<string, number>; took: Map<string, number> }

const cache = new WeakMap<Compiled, Record<Side, Gradient>>();

export function gradient(c: Compiled, side: Side): Gradient {
  let g = cache.get(c);
  if (!g) { g = { britain: build(c, 'britain'), ussr: build(c, 'ussr') }; cache.set(c, g); }
  return g[side];
}

function build(c: Compiled, side: Side): Gradient {
  const g: Gradient = { fig: new Map(), flag: new Map(), relations: new Map(), took: new Map() };
  const add = <K>(m: Map<K, number>, k: K, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const walk = (x: Condition, w: number): void => {
    if ('fig' in x) {
      const i = c.figIndex.get(x.fig)!;
      const span = (c.figs[i]!.max - c.figs[i]!.min) / 4 || 1;
      const up = x.gte !== undefined || x.gt !== undefined;
      add(g.fig, i, (up ? w : -w) / Math.min(span, 50));
    } else if ('flag' in x) add(g.flag, x.flag, w);
    else if ('noFlag' in x) add(g.flag, x.noFlag, -w);
    else if ('relations' in x) for (const r of x.relations) add(g.relations, r, w);
    else if ('took' in x) add(g.took, x.took, w);
    else if ('all' in x) for (const y of x.all) walk(y, w / x.all.length);
    else if ('any' in x) for (const y of x.any) walk(y, w / x.any.length);
    else if ('not' in x) walk(x.not, -w);
  };
  for (const o of c.objectives[side]) {
    if (o.measure) add(g.fig, o.measure.fig, o.weight / (o.measure.full - o.measure.zero));
    else walk(o.raw.when!, o.weight);
  }
  return g;
}

/** Expected objective value of an effect list (chance branches weighted; `if` branches halved). */
export function effectValue(c: Compiled, g: Gradient, effects: Effect[] | undefined, w = 1): number {
  let v = 0;
  for (const e of effects ?? []) {
    if ('fig' in e) {
      const k = g.fig.get(c.figIndex.get(e.fig)!);
      if (k !== undefined && e.add !== undefined) v += k * e.add * w;
    } else if ('setFlag' in e) v += (g.flag.get(e.setFlag) ?? 0) * w;
    else if ('clearFlag' in e) v -= (g.flag.get(e.clearFlag) ?? 0) * w;
    else if ('relations' in e) v += (g.relations.get(e.relations) ?? 0) * w;
    else if ('chance' in e) v += effectValue(c, g, e.then, w * e.chance) + effectValue(c, g, e.else, w * (1 - e.chance));
    else if ('if' in e) v += effectValue(c, g, e.then, w / 2) + effectValue(c, g, e.else, w / 2);
  }
  return v;
}
