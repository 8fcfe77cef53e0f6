// The persona weighs an order as the order desk previews it: for every order and decision option of
// the three scenarios, at several points of a game, the persona's worth of it (values.ts,
// orderWorth, times the cabinet's odds) and the preview a player is shown (engine/legal.ts, valued
// at the same objective gradient) agree in sign wherever either is more than noise.
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { effectValue, figuresValue, gradient, worthNow } from '../../src/ai/values';
import { applyMove, approvalChance, compile, createGame, describeAction, describeOption, type Preview, seatState, seatView } from '../../src/engine/index';
import type { GameState } from '../../src/engine/types';
import { SIDES, type Side } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

/** Below this (objective points per 100 of weight) a value is noise: neither sign means anything. */
const NOISE = 0.05;

describe.each(['1927', '1929', '1932'])('persona values in %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  // States along a persona game: the start and every tenth move.
  const run = runGame(sc, createGame(sc, 'sound', { record: false }), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });
  const states: GameState[] = [];
  let s = createGame(sc, 'sound', { record: false });
  run.moves.forEach((m, k) => {
    if (k % 10 === 0) states.push(s);
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  });

  it('agree in sign with the previews the order desk shows, for every order and option', () => {
    const figIndex = new Map(c.figs.map((f, i) => [f.id, i]));
    const previewValue = (side: Side, pv: Preview, nonFig: number) =>
      figuresValue(
        gradient(c, side),
        pv.predicted.map(p => ({ fig: figIndex.get(p.fig)!, delta: p.delta })),
      ) +
      (pv.approval ?? 1) * nonFig;
    let checked = 0;
    const disagree: string[] = [];
    for (const st of states)
      for (const side of SIDES) {
        const view = seatView(c, st, side);
        const believed = seatState(view);
        const g = gradient(c, side);
        const judge = (label: string, mine: number, shown: number) => {
          if (Math.abs(mine) < NOISE && Math.abs(shown) < NOISE) return;
          checked++;
          // Opposite signs, each beyond noise. A preview showing nothing (the figures moved are
          // hidden from the seat, or the turn completes no trade month) makes no claim to disagree with.
          if (Math.abs(mine) >= NOISE && Math.abs(shown) >= NOISE && Math.sign(mine) !== Math.sign(shown)) disagree.push(`${label}: persona ${mine.toFixed(2)}, preview ${shown.toFixed(2)}`);
        };
        for (const k of view.available) {
          const a = c.actions[k]!;
          const pv = describeAction(c, believed, side, a);
          if (pv.forcedBy) continue; // ordering a forced item changes nothing but the capital
          const w = worthNow(c, side, a.linked, a.vote, a.incident, 50, believed);
          const p = a.vote?.cabinet ? approvalChance(c, believed, side, a.vote) : 1;
          const took = g.took.get(a.id) ?? 0;
          judge(`${side} ${a.id}`, (w.approved + took) * p + w.refused * (1 - p), previewValue(side, pv, effectValue(c, g, a.linked, 1, false, believed) + took));
        }
        for (const k of view.pending) {
          const ev = c.events[k]!;
          for (const o of ev.decision!.options) {
            const pv = describeOption(c, believed, side, ev, o);
            const w = worthNow(c, side, o.linked, o.vote, o.incident, ev.publicity, believed);
            const p = o.vote?.cabinet ? approvalChance(c, believed, side, o.vote) : 1;
            judge(`${side} ${ev.id}/${o.id}`, w.approved * p + w.refused * (1 - p), previewValue(side, pv, effectValue(c, g, o.linked, 1, false, believed)));
          }
        }
      }
    console.log(`${id}: ${checked} orders and options checked at ${states.length} states; ${disagree.length} disagree in sign${disagree.length ? `: ${disagree.slice(0, 8).join('; ')}` : ''}`);
    expect(checked).toBeGreaterThan(50);
    expect(disagree).toEqual([]);
  });
});

describe('the intercepted telegram', () => {
  it('publishing it costs the persona what the preview shows: the intelligence it came from', () => {
    const sc = loadScenarioFile('1927');
    const c = compile(sc);
    const ev = c.events.find(e => e.id === 'intercepted-telegram')!;
    const o = ev.decision!.options.find(x => x.id === 'publish')!;
    const s = createGame(sc, 'telegram', { record: false });
    const believed = seatState(seatView(c, s, ev.decision!.side));
    const g = gradient(c, ev.decision!.side);
    const pv = describeOption(c, believed, ev.decision!.side, ev, o);
    const shown = figuresValue(
      g,
      pv.predicted.map(p => ({ fig: c.figs.findIndex(f => f.id === p.fig), delta: p.delta })),
    );
    const w = worthNow(c, ev.decision!.side, o.linked, o.vote, o.incident, ev.publicity, believed);
    const p = o.vote?.cabinet ? approvalChance(c, believed, ev.decision!.side, o.vote) : 1;
    const mine = w.approved * p + w.refused * (1 - p) - effectValue(c, g, o.linked, 1, false, believed) * p;
    expect(shown).toBeLessThan(-1);
    expect(mine).toBeCloseTo(shown, 6);
  });
});

// A figure set outright moves it by the gap from where it stands, and the order desk previews it so:
// the persona values it so too (until persona version 2 it gave it nothing, and at Lewes in 1929
// weighed signing the protocol, which brings two readings of the pledge down from 90 to 70, as a loss).
describe('a figure set outright', () => {
  it('is worth its gap from where the figure stands', () => {
    const sc = loadScenarioFile('1929');
    const c = compile(sc);
    const ev = c.events[c.eventIndex.get('lewes')!]!;
    const sign = ev.decision!.options.find(o => o.id === 'sign')!;
    const gap = c.figIndex.get('pledgeGap')!;
    const g = gradient(c, 'britain');
    const weight = g.fig.get(gap) ?? 0;
    expect(weight).not.toBe(0);
    const at = (v: number) => {
      const s = createGame(sc, 'set-fig', { record: false });
      const fig = s.fig.slice();
      fig[gap] = v;
      return worthNow(c, 'britain', sign.linked, sign.vote, sign.incident, ev.publicity, { ...s, fig }).approved;
    };
    // Set to 70 (Moscow admits nothing of the Comintern): from 90 it falls 20, from 70 not at all.
    expect(at(90) - at(70)).toBeCloseTo(weight * (70 - 90), 9);
  });
});
