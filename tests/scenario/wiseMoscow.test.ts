// 1929's "Moscow proposes matching statements" (wise-moscow) fires where Britain sent its
// go-betweens (the flag feelers) or where Moscow chose to look for a face-saver. What its players
// read must hold in both: Frank Wise's errand is told only where Britain sent him.
import { describe, expect, it } from 'vitest';
import { historicalBaseline } from '../../src/ai/baseline';
import { makePlayer, type Player, runGame } from '../../src/ai/index';
import { compile, createGame, type NewsItem } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1929');
const c = compile(sc);
const EVENT = 'wise-moscow';
const ev = c.events[c.eventIndex.get(EVENT)!]!;

/** The historical player, but with some decisions taken otherwise and some orders never given. */
function unlike(side: 'britain' | 'ussr', choose: Record<string, string>, never: readonly string[] = []): Player {
  const p = makePlayer('historical', sc, side);
  return {
    kind: `historical-but-${side}`,
    decide: (ctx, e) => choose[e.id] ?? p.decide(ctx, e),
    orders: ctx => p.orders(ctx).filter(o => o.kind !== 'action' || !never.includes(o.id)),
  };
}

/** A game on history's seed: whether the go-betweens were sent, and what was told under the event. */
function play(players: { britain: Player; ussr: Player }) {
  const end = runGame(sc, createGame(sc, historicalBaseline(sc).seed, { record: true }), players, true).state;
  const told: NewsItem[] = [];
  for (let x = end.news; x; x = x.n) if (x.e.cause === `event:${EVENT}`) told.unshift(x.e);
  const flag = (f: string) => end.flags[c.flagIndex.get(f)!]! >= 0;
  return { fired: end.fired[ev.i]! >= 0, feelers: flag('feelers'), faceSaver: flag('sovietFaceSaver'), said: [ev.title, ev.text, ...told.map(n => n.text)].join('\n') };
}

describe('1929: Moscow proposes matching statements', () => {
  it('tells of Wise where Britain sent the go-betweens, as history did', () => {
    const g = play({ britain: makePlayer('historical', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') });
    expect(g).toMatchObject({ fired: true, feelers: true });
    expect(g.said).toContain('Frank Wise, with W. N. Ewer of the Daily Herald, carried');
    expect(g.said).not.toContain('no go-between');
    // Henderson's warning to Wise is London's own papers (henderson-warned-wise), not in what Moscow reads too.
    expect(g.said).not.toMatch(/warned Wise|Hague/);
    // Written as either side could read it, under the Moscow masthead its place gives it: no "word reaches London".
    expect(ev.place).toBe('moscow');
    expect(ev.text).not.toMatch(/reaches London/);
  });

  it('names no go-between where Britain sent none and the proposal was Moscow’s own', () => {
    const g = play({
      britain: unlike('britain', { 'macdonald-formula': 'formal' }, ['use-go-betweens']),
      ussr: unlike('ussr', { 'litvinov-holds-out': 'face-saver' }),
    });
    expect(g).toMatchObject({ fired: true, feelers: false, faceSaver: true });
    expect(g.said).toContain("London sent no go-between: the proposal is Moscow's own.");
    expect(g.said).not.toMatch(/Wise|Ewer|emissary/);
  });
});
