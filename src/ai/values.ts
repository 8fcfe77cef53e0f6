// How much an effect list is worth to a side by its objectives: each objective is turned into a
// gradient over figures, flags, relations and actions, once per scenario, so a persona can weigh
// an order in a few multiplications.
import type { Compiled } from '../engine/compiled';
import { type LinkedCondition, type LinkedEffect, unhandled } from '../engine/linked';
import type { Side } from '../engine/vocab';

export interface Gradient {
  fig: Map<number, number>;
  flag: Map<string, number>;
  relations: Map<string, number>;
  took: Map<string, number>;
}

const cache = new WeakMap<Compiled, Record<Side, Gradient>>();

export function gradient(c: Compiled, side: Side): Gradient {
  let g = cache.get(c);
  if (!g) {
    g = { britain: build(c, 'britain'), ussr: build(c, 'ussr') };
    cache.set(c, g);
  }
  return g[side];
}

function build(c: Compiled, side: Side): Gradient {
  const g: Gradient = { fig: new Map(), flag: new Map(), relations: new Map(), took: new Map() };
  const add = <K>(m: Map<K, number>, k: K, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const walk = (x: LinkedCondition, w: number): void => {
    switch (x.k) {
      case 'fig': {
        const f = c.figs[x.fig]!;
        const span = (f.max - f.min) / 4 || 1;
        const up = x.gte !== undefined || x.gt !== undefined;
        add(g.fig, x.fig, (up ? w : -w) / Math.min(span, 50));
        break;
      }
      case 'flag':
        add(g.flag, c.flags[x.flag]!, w);
        break;
      case 'noFlag':
        add(g.flag, c.flags[x.flag]!, -w);
        break;
      case 'relations':
        for (const r of x.any) add(g.relations, r, w);
        break;
      case 'took':
        add(g.took, c.actions[x.action]!.id, w);
        break;
      case 'all':
        for (const y of x.of) walk(y, w / x.of.length);
        break;
      case 'any':
        for (const y of x.of) walk(y, w / x.of.length);
        break;
      case 'not':
        walk(x.cond, -w);
        break;
      // Tests of the calendar, of past events, offices and agreements give no direction to push in.
      case 'flagAge':
      case 'lead':
      case 'inOffice':
      case 'fired':
      case 'chose':
      case 'agreed':
      case 'from':
      case 'until':
        break;
      default:
        unhandled(x);
    }
  };
  for (const o of c.objectives[side]) {
    if (o.measure) add(g.fig, o.measure.fig, o.weight / (o.measure.full - o.measure.zero));
    else walk(o.cond!, o.weight);
  }
  return g;
}

/** Expected objective value of an effect list (chance branches weighted; `if` branches halved). */
export function effectValue(c: Compiled, g: Gradient, effects: readonly LinkedEffect[] | undefined, w = 1): number {
  let v = 0;
  for (const e of effects ?? []) {
    switch (e.k) {
      case 'addFig': {
        const k = g.fig.get(e.fig);
        if (k !== undefined) v += k * e.by * w;
        break;
      }
      case 'flag':
        if (e.on) v += (g.flag.get(c.flags[e.flag]!) ?? 0) * w;
        else v -= (g.flag.get(c.flags[e.flag]!) ?? 0) * w;
        break;
      case 'relations':
        v += (g.relations.get(e.to) ?? 0) * w;
        break;
      case 'chance':
        v += effectValue(c, g, e.then, w * e.p) + effectValue(c, g, e.else, w * (1 - e.p));
        break;
      case 'if':
        v += effectValue(c, g, e.then, w / 2) + effectValue(c, g, e.else, w / 2);
        break;
      // A figure set outright has no direction to value; the rest move no objective directly.
      case 'setFig':
      case 'resign':
      case 'dismiss':
      case 'appoint':
      case 'setLead':
      case 'schedule':
      case 'news':
      case 'end':
        break;
      default:
        unhandled(e);
    }
  }
  return v;
}
