// Plausibility: history's own path is all on the record; a path whose vote fell the unlikely way
// scores below the same path with the likely result, and names that draw with its odds; choices
// off the record are listed. The decisions that mattered: measured on common futures, the tip about
// Arcos outweighs the quiet moves before it.
import { describe, expect, it } from 'vitest';
import { choicesOf, matteredDecisions, plausibility, reseeded, TRUNK_ID } from '../../../src/app/history/index';
import { applyMove } from '../../../src/engine/index';
import { decisionStep, sc1927, tree1927 } from './helpers';

describe('plausibility', () => {
  const t = tree1927();
  // The one decision on history's path that goes to a vote: the Cabinet's 23 May decision to break.
  const vote = t.steps(TRUNK_ID).find(s => s.move.type === 'decide' && s.drewDice)!;
  const before = t.stateAt({ node: TRUNK_ID, at: vote.index });
  // Sixty re-rolls of the vote: the seeds of its likelier and its rarer result.
  const groups = new Map<string, string[]>();
  for (let j = 0; j < 60; j++) {
    const r = applyMove(sc1927, reseeded(before, `vote-${j}`), vote.move);
    if (!r.ok) throw new Error(r.error);
    const key = r.value.fig.join();
    groups.set(key, [...(groups.get(key) ?? []), `vote-${j}`]);
  }
  const bySize = [...groups.values()].sort((a, b) => b.length - a.length);
  const seedFor = (likely: boolean) => (likely ? bySize[0]![0]! : bySize[bySize.length - 1]![0]!);

  it('history’s path is on the record throughout', () => {
    const p = plausibility(sc1927, t.line(TRUNK_ID), { rolls: 16 });
    expect(p.sources.score).toBe(100);
    expect(p.sources.offRecord).toEqual([]);
    expect(p.sources.choices).toBe(t.length(TRUNK_ID));
    expect(p.dice.rolls).toBeGreaterThan(10);
    expect(p.explanation[1]).toContain('are the ones the sources record');
  });

  it('a vote that fell the unlikely way costs plausibility and is named with its odds', () => {
    const likely = t.branch({ node: TRUNK_ID, at: vote.index }, { reseed: seedFor(true), moves: [vote.move] });
    const unlikely = t.branch({ node: TRUNK_ID, at: vote.index }, { reseed: seedFor(false), moves: [vote.move] });
    if (!likely.ok || !unlikely.ok) throw new Error('branch');
    // The rarer result comes up about one time in five (20.3% of 3,000 re-rolls): 320 re-rolls
    // measure it clear of the 25% that counts as unlikely (the first 160 of them give exactly 25%).
    const pl = plausibility(sc1927, t.line(likely.value.id), { rolls: 320 });
    const pu = plausibility(sc1927, t.line(unlikely.value.id), { rolls: 320 });
    // The same path but for one roll: the unlikely result makes it more surprising, never more plausible.
    expect(pu.dice.bits).toBeGreaterThan(pl.dice.bits + 1);
    expect(pu.dice.score).toBeLessThanOrEqual(pl.dice.score);
    const named = pu.dice.unlikely.find(u => u.index === vote.index);
    expect(named).toBeDefined();
    expect(named!.chance).toBeLessThan(0.3);
    expect(named!.text).toMatch(/Cabinet rejects/);
    expect(pl.dice.unlikely.find(u => u.index === vote.index)).toBeUndefined();
  });

  it('history is more plausible than a path that rests on a run of long shots', () => {
    // From history's start, with history's players, take at four rolls in a row the rarest result.
    let id = TRUNK_ID;
    let at = 0;
    for (let shots = 0; shots < 4; ) {
      const steps = t.steps(id);
      const next = steps.findIndex((s, i) => i >= at && s.drewDice);
      if (next < 0) throw new Error('no roll left');
      const st = steps[next]!;
      const s = t.stateAt({ node: id, at: next });
      const seen = new Map<string, string[]>();
      for (let j = 0; j < 40; j++) {
        const r = applyMove(sc1927, reseeded(s, `shot-${next}-${j}`), st.move);
        if (r.ok) seen.set(r.value.fig.join(), [...(seen.get(r.value.fig.join()) ?? []), `shot-${next}-${j}`]);
      }
      const rarest = [...seen.values()].sort((a, b) => a.length - b.length)[0]!;
      at = next + 1;
      if (seen.size < 2 || rarest.length > 8) continue;
      const b = t.branch({ node: id, at: next }, { reseed: rarest[0]!, moves: [st.move], players: { britain: 'historical', ussr: 'historical' } });
      if (!b.ok) throw new Error(b.error);
      t.playComputers(b.value.id);
      id = b.value.id;
      shots++;
    }
    const long = plausibility(sc1927, t.line(id), { rolls: 64 });
    const history = plausibility(sc1927, t.line(TRUNK_ID), { rolls: 64 });
    expect(long.sources.score).toBe(100);
    expect(long.dice.unlikely.length).toBeGreaterThanOrEqual(3);
    expect(long.dice.score).toBeLessThan(history.dice.score);
    expect(long.score).toBeLessThan(history.score);
    expect(long.explanation.join(' ')).toMatch(
      /halvings of the odds \(“bits”\) less likely than a typical game's, about [\d,]+ times less likely; only \d+(\.\d)?% of games making the same choices would be this unusual/,
    );
  });

  it('lists choices outside the record, in words', () => {
    const tip = decisionStep(t, 'arcos-tip');
    const b = t.branch({ node: TRUNK_ID, at: tip.index }, { moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refer-cabinet' }] });
    if (!b.ok) throw new Error(b.error);
    const p = plausibility(sc1927, t.line(b.value.id), { rolls: 8 });
    expect(p.sources.offRecord).toHaveLength(1);
    expect(p.sources.offRecord[0]!.text).toContain('Say it must go to the Cabinet first');
    expect(p.sources.score).toBeLessThan(100);
    expect(p.explanation.join(' ')).toContain('1 of');
  });
});

describe('the decisions that mattered', () => {
  it('the tip about Arcos moves the odds of the raid more than anything before it', async () => {
    const t = tree1927();
    const tip = decisionStep(t, 'arcos-tip');
    const line = t.line(TRUNK_ID, tip.index + 1);
    const choices = choicesOf(sc1927, line);
    const c = choices.find(x => x.index === tip.index)!;
    expect(c.alternatives.map(a => a.move.type === 'decide' && a.move.option)).toEqual(['refer-cabinet', 'refuse']);
    let last = 0;
    const r = await matteredDecisions(sc1927, line, { games: 24, players: { britain: 'historical', ussr: 'historical' } }, { onProgress: d => (last = d) });
    if (!r.ok) throw new Error(r.error);
    expect(r.value[0]!.index).toBe(tip.index);
    const raid = r.value[0]!.changes.find(x => x.id === 'raid')!;
    expect(raid.after).toBe(1);
    expect(raid.before).toBeLessThan(1);
    expect(r.value[0]!.summary).toMatch(/^Britain, at “A tip about Arcos”: Approve the search\. Against the alternative that moves the outcomes most, “[^”]+”: .+ \d+% → \d+%/);
    // A label stands on its own: quoted as a named option, or after a colon closing its sentence
    // (never spliced mid-sentence, as "Approve the search, rather than ..." was).
    const labels = [...sc1927.events.flatMap(e => e.decision?.options.map(o => o.label) ?? []), ...sc1927.actions.map(a => a.label)];
    for (const { summary } of r.value)
      for (const l of labels)
        for (let i = summary.indexOf(l); i >= 0; i = summary.indexOf(l, i + 1)) {
          if (summary[i - 1] === '“') continue;
          const after = summary[i + l.length];
          expect(summary.slice(i - 2, i) === ': ' && (after === '.' || after === ';' || after === undefined), `"${l}" spliced in: ${summary}`).toBe(true);
        }
    expect(last).toBe(choices.reduce((a, x) => a + (1 + x.alternatives.length) * 24, 0));
    // The same measurement twice gives the same answer.
    const again = await matteredDecisions(sc1927, line, { games: 24, players: { britain: 'historical', ussr: 'historical' } });
    expect(again).toEqual(r);
  });
});
