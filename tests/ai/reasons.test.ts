// A search player's reasons come from the numbers that chose its move: change one objective's
// weight and both the move and its reasons change with it.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, makeSearchPlayer, nextMove } from '../../src/ai/index';
import { stripAnsi } from '../../src/cli/format';
import { reasonsLines } from '../../src/cli/reasons';
import { applyMove, compile, seatView } from '../../src/engine/index';
import { openRng } from '../../src/engine/rng';
import type { Scenario } from '../../src/scenario/schema';
import { playTo } from '../engine/perturb';
import { loadScenarioFile } from '../loadScenario';

describe('reasons', () => {
  const sc = loadScenarioFile('1927');
  // Britain's orders at turn 4 of 1927 (eleven moves in), as the search player weighs them: objectives
  // part the move from the runner-up clear of the futures' noise there (at turn 0 none does, and none
  // is named). Under search version 10, whose futures share their dice move by move, none does at turn 3.
  const s = playTo(sc, 'why', { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') }, 11);
  // Britain's orders six moves into 1927: with no weight on avoiding a rupture it breaks off relations.
  // (Under 1927 version 8 its first orders, at move 0, still change so, but no objective parts the
  // moves there under either weight, so the reasons name none.)
  const first = playTo(sc, 'why', { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') }, 6);
  const ask = (scn: Scenario, at = s) => {
    const c = compile(scn);
    const p = makeSearchPlayer(scn, 'britain', 4);
    const move = nextMove(c, seatView(c, at, 'britain', AI_VIEW), p, openRng(aiRng('why', 'britain').state()));
    return { move, why: p.why!()! };
  };
  const rupture = sc.objectives.britain.find(o => o.id === 'no-full-rupture')!;

  it('name the objectives that decided, with their weights, points and sources, and the moves passed over with their scores', () => {
    const { move, why } = ask(sc);
    expect(move?.type).toBe('orders');
    expect(why.factors.length).toBeLessThanOrEqual(3);
    // The objectives, then the final test that settled the move (the challenger's lead against its bound).
    const objectives = why.factors.filter(f => sc.objectives.britain.some(o => f.label.startsWith(o.label)));
    expect(objectives.length).toBeGreaterThanOrEqual(1);
    expect(why.factors.at(-1)!.label).toMatch(
      /^Final check, on \d+ new futures: how much better the best other move, .+, did than the move it would make without looking ahead \(it would be taken only if better by more than \d+\.\d+ points, enough to be sure that was not luck, and it was(?: not)?\)$/,
    );
    const total = sc.objectives.britain.reduce((t, o) => t + o.weight, 0);
    for (const f of objectives) {
      const o = sc.objectives.britain.find(x => f.label.startsWith(x.label))!;
      expect(f.weight).toBe(o.weight);
      expect(f.label).toContain(`weight ${o.weight} of ${total}`);
      expect(Math.abs(f.value)).toBeGreaterThan(0);
    }
    // Largest first.
    for (let k = 1; k < objectives.length; k++) expect(Math.abs(objectives[k - 1]!.value)).toBeGreaterThanOrEqual(Math.abs(objectives[k]!.value));
    expect(why.factors.flatMap(f => f.sources).some(x => /^thesis L\d+/.test(x))).toBe(true);
    expect(why.rejected.length).toBeGreaterThan(0);
    for (const a of why.rejected) {
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(100);
      expect(a.why).toMatch(/\d/);
    }
    expect(why.summary).toMatch(/It played \d+ possible futures from here: this move averages \d+\.\d+ of 100 \(give or take <?\d+\.\d+\)/);
    // The deciding objective is named in the summary as the scenario spells it (not lowercased: "article 21 a canadian affair").
    const lead = sc.objectives.britain.find(o => why.factors[0]!.label.startsWith(o.label))!;
    expect(why.summary).toContain(`“${lead.label}”`);
  });

  it("show, on each deciding objective, the sources that objective rests on, ahead of the move's own, in the terminal too", () => {
    const { why } = ask(sc);
    const objectives = why.factors.filter(f => sc.objectives.britain.some(o => f.label.startsWith(o.label)));
    expect(objectives.length).toBeGreaterThan(0);
    for (const f of objectives) {
      const o = sc.objectives.britain.find(x => f.label.startsWith(x.label))!;
      expect(o.sources.length).toBeGreaterThan(0);
      expect(f.sources.slice(0, o.sources.length)).toEqual(o.sources);
    }
    // Give the deciding objective sources of its own: its factor shows them, not the move's in their place.
    const lead = sc.objectives.britain.find(o => why.factors[0]!.label.startsWith(o.label))!;
    const cited = structuredClone(sc);
    cited.objectives.britain.find(o => o.id === lead.id)!.sources = ['thesis L1-2', 'thesis fn L3'];
    const again = ask(cited).why;
    const f = again.factors.find(x => x.label.startsWith(lead.label))!;
    expect(f.sources.slice(0, 2)).toEqual(['thesis L1-2', 'thesis fn L3']);
    // The terminal prints a factor's first three sources: the objective's lead them.
    // Lines are joined and their wrapping undone: where a line breaks depends on the words before.
    const text = reasonsLines(again, 200).map(stripAnsi).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(`${lead.label} (objective, weight ${lead.weight}`);
    expect(text).toMatch(/\[the thesis, lines 1\u20132\b[^\]]*; its footnote at line 3\b/);
  });

  it('change with one objective weight: with no weight on avoiding a rupture, the move and its reasons both change, and the rupture decides nothing', () => {
    const before = ask(sc, first);
    const changed = structuredClone(sc);
    changed.objectives.britain.find(o => o.id === 'no-full-rupture')!.weight = 0;
    const after = ask(changed, first);
    expect(after.move).not.toEqual(before.move);
    expect(after.why.summary).not.toBe(before.why.summary);
    expect(after.why.factors.map(f => f.label)).not.toEqual(before.why.factors.map(f => f.label));
    // The weights in the reasons are the ones that chose: the total falls by the rupture's weight.
    const total = sc.objectives.britain.reduce((t, o) => t + o.weight, 0);
    for (const f of after.why.factors.filter(x => / \(objective, weight /.test(x.label))) expect(f.label).toContain(`of ${total - rupture.weight}`);
    expect(after.why.factors.some(f => f.label.startsWith(rupture.label))).toBe(false);
  });
});

describe("the persona's and the historical player's reasons", () => {
  const sc = loadScenarioFile('1927');
  const c = compile(sc);
  const s = playTo(sc, 'why', { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') }, 0);
  const ask = (scn: Scenario, kind: 'persona' | 'historical') => {
    const cc = compile(scn);
    const p = makePlayer(kind, scn, 'ussr');
    const move = nextMove(cc, seatView(cc, s, 'ussr', AI_VIEW), p, openRng(aiRng('why', 'ussr').state()));
    return { move, why: p.why!()! };
  };

  it('persona: the factors are the scores that chose its orders, and one changed liking changes both the orders and the reasons', () => {
    const before = ask(sc, 'persona');
    expect(before.move?.type).toBe('orders');
    const orders = before.move?.type === 'orders' ? before.move.orders.filter(o => o.kind === 'action') : [];
    expect(orders.length).toBeGreaterThan(0);
    expect(before.why.factors.length).toBeGreaterThan(0);
    // Each factor is an order given, largest score first, with its sources.
    const given = orders.map(o => (o.kind === 'action' ? c.actions[c.actionIndex.get(o.id)!]! : null)!);
    for (const f of before.why.factors) expect(given.some(a => f.label.startsWith(a.public ? a.label : 'a private order'))).toBe(true);
    for (let k = 1; k < before.why.factors.length; k++) expect(before.why.factors[k - 1]!.value).toBeGreaterThanOrEqual(before.why.factors[k]!.value);
    expect(before.why.factors.flatMap(f => f.sources).some(x => /^thesis L\d+/.test(x))).toBe(true);
    // The strongest order's category, disliked as much as the scenario allows.
    const top = given.find(a => before.why.factors[0]!.label.startsWith(a.label))!;
    const changed = structuredClone(sc);
    const persona = changed.personas.find(p => p.side === 'ussr')!;
    persona.categories = { ...persona.categories, [top.category]: -5 };
    const after = ask(changed, 'persona');
    expect(after.move).not.toEqual(before.move);
    expect(after.why.summary).not.toBe(before.why.summary);
    expect(after.why.factors.some(f => f.label.startsWith(top.label))).toBe(false);
  });

  it('historical: the reasons are the record, each recorded order with its date and thesis sources', () => {
    // Moscow's first recorded orders come after the raid: play on to a turn that has some.
    let st = s;
    const hist = { britain: makePlayer('historical', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') };
    const rngs = { britain: aiRng('why', 'britain'), ussr: aiRng('why', 'ussr') };
    let cited = 0;
    for (let k = 0; k < 200 && !st.ended; k++) {
      const side = st.pending.ussr.length || st.orders.ussr === null ? 'ussr' : 'britain';
      const view = seatView(c, st, side, AI_VIEW);
      const m = nextMove(c, view, hist[side], rngs[side]);
      if (!m) break;
      const why = hist[side].why!()!;
      if (m.type === 'orders') {
        const acts = m.orders.filter(o => o.kind === 'action');
        expect(why.factors.length).toBe(Math.min(3, acts.length));
        for (const f of why.factors) {
          expect(f.label).toMatch(/\d{4}-\d\d-\d\d/);
          cited++;
          if (!f.label.startsWith('a private order')) expect(f.sources.some(x => /^thesis (fn )?L\d+/.test(x))).toBe(true);
        }
      } else {
        const ev = c.events[c.eventIndex.get(m.event)!]!;
        expect(why.summary).toContain(ev.decision!.options.find(o => o.historical)!.label);
        expect(why.factors[0]!.sources).toEqual(ev.sources);
      }
      const r = applyMove(sc, st, m);
      if (!r.ok) throw new Error(r.error);
      st = r.value;
    }
    expect(cited).toBeGreaterThan(3);
  });
});
