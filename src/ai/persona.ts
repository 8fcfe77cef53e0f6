// A persona plays to its side's objectives with the known leanings of the historical figure.
// Each order is scored: its expected objective value (times the cabinet's chance of approving it),
// plus the persona's leaning on the order's issue and category, less its cost; the best orders
// are given while capital lasts. Decisions, replies and offers are weighed the same way.
import type { Player, Ctx } from './player';
import { gradient, effectValue } from './values';
import { actionAvailable } from '../engine/legal';
import { approvalChance } from '../engine/cabinet';
import { acceptance, packageValue } from '../engine/negotiation';
import { canOffer } from '../engine/legal';
import type { Compiled, Vote } from '../engine/compile';
import type { Order, Terms } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import type { Side } from '../engine/vocab';

type PersonaDef = Scenario['personas'][number];

function lean(c: Compiled, p: PersonaDef, v: Vote | null): number {
  if (!v) return 0;
  return ((p.leanings[c.issues[v.issue]!] ?? 0) / 100) * v.direction;
}

/** Static value of every action, and of every decision option, for a side: computed once per scenario. */
interface Values { actions: number[]; options: number[][] }
const staticCache = new WeakMap<Compiled, Partial<Record<Side, Values>>>();
function values(c: Compiled, side: Side): Values {
  let m = staticCache.get(c);
  if (!m) { m = {}; staticCache.set(c, m); }
  let v = m[side];
  if (!v) {
    const g = gradient(c, side);
    v = {
      actions: c.actions.map(a => effectValue(c, g, a.raw) + (g.took.get(a.id) ?? 0)),
      options: c.events.map(e => e.decision?.options.map(o => effectValue(c, g, o.raw)) ?? []),
    };
    m[side] = v;
  }
  return v;
}

export function personaFor(sc: Scenario, side: Side): PersonaDef {
  const p = sc.personas.find(x => x.side === side);
  if (!p) throw new Error(`scenario ${sc.id} has no persona for ${side}`);
  return p;
}

/**
 * The computer player for a side: the persona of whoever leads it now (a persona whose `lead` is
 * that minister), or the side's first persona. When a government falls, the new lead's persona
 * takes over.
 */
export function makeSidePersona(sc: Scenario, side: Side): Player {
  const defs = sc.personas.filter(x => x.side === side);
  if (!defs.length) throw new Error(`scenario ${sc.id} has no persona for ${side}`);
  const players = defs.map(makePersona);
  const pick = (ctx: Ctx): Player => {
    const leadId = ctx.c.ministers[ctx.state.lead[side]]!.id;
    const k = defs.findIndex(p => p.lead === leadId);
    return players[k < 0 ? 0 : k]!;
  };
  return {
    kind: defs.length === 1 ? players[0]!.kind : `persona:${defs.map(d => d.id).join('|')}`,
    decide: (ctx, ev) => pick(ctx).decide(ctx, ev),
    orders: ctx => pick(ctx).orders(ctx),
  };
}

export function makePersona(p: PersonaDef): Player {
  const cat = (k: string) => p.categories?.[k] ?? 0;
  return {
    kind: `persona:${p.id}`,
    decide({ c, side, state: s, rng }: Ctx, ev) {
      const optionValues = values(c, side).options[ev.i]!;
      let best = ev.decision!.options[0]!.id, bestScore = -Infinity;
      for (const o of ev.decision!.options) {
        const pass = o.vote?.cabinet ? approvalChance(c, s, side, o.vote) : 1;
        const sc = optionValues[o.i]! * pass + 2 * lean(c, p, o.vote) + rng.next() * 0.5;
        if (sc > bestScore) { bestScore = sc; best = o.id; }
      }
      return best;
    },
    orders(ctx: Ctx) {
      const { c, side, state: s, rng } = ctx;
      const actionValues = values(c, side).actions;
      let capital = s.fig[c.side[side].iCapital]!;
      // The cabinet's chance on each issue and direction, worked out once for this turn.
      const chance = new Map<number, number>();
      const approval = (v: Vote) => {
        const key = v.issue * 2 + (v.direction > 0 ? 1 : 0) + 1000 * v.difficulty;
        let p = chance.get(key);
        if (p === undefined) { p = approvalChance(c, s, side, v); chance.set(key, p); }
        return p;
      };
      const scored: { id: string; cost: number; score: number }[] = [];
      for (const k of c.sideActions[side]) {
        const a = c.actions[k]!;
        if (!actionAvailable(c, s, side, a)) continue;
        const pass = a.vote?.cabinet ? approval(a.vote) : 1;
        const score = actionValues[a.i]! * pass + 2 * lean(c, p, a.vote) + cat(a.category) - 0.4 * a.cost + rng.next() * 0.6;
        if (score > 0) scored.push({ id: a.id, cost: a.cost, score });
      }
      scored.sort((x, y) => y.score - x.score);
      const out: Order[] = [];
      for (const x of scored) if (x.cost <= capital) { capital -= x.cost; out.push({ kind: 'action', id: x.id }); }
      // Replies: accept what its own cabinet would ratify and what is worth having.
      for (const o of s.offers.some(o => o.from !== side && o.status === 'delivered') ? ctx.view.offers : []) {
        if (o.from === side || o.status !== 'delivered') continue;
        const acc = acceptance(c, s, side, o.terms);
        out.push({ kind: 'reply', offer: o.n, accept: acc.share >= 0.5 && packageValue(c, o.terms, side) >= 0 });
      }
      // Offers: the package best for itself that the other side could live with.
      if (capital >= c.negotiation.offerCost && canOffer(c, s, side) && rng.next() < 0.25) {
        const terms: Terms = {};
        for (const t of c.terms) {
          let best = t.options[0]!, bs = -Infinity;
          for (const o of t.options) { const v = o.value[side] + 0.7 * o.value[side === 'britain' ? 'ussr' : 'britain']; if (v > bs) { bs = v; best = o; } }
          terms[t.id] = best.id;
        }
        if (packageValue(c, terms, side) >= 0 && acceptance(c, s, side, terms).share >= 0.5) out.push({ kind: 'offer', terms });
      }
      return out;
    },
  };
}
