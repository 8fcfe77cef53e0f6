// 1929: the talks' events presuppose that nothing is settled yet. A person playing Britain had his
// package ratified on 25 July and still met Dovgalevsky on 29 July "for the first time", as history
// did with nothing agreed. Once a settlement is ratified, the invitation's and the talks' events of
// July to October no longer come; in the historical game, with nothing ratified, they come as before.
import { describe, expect, it } from 'vitest';
import { historicalBaseline } from '../../src/ai/baseline';
import { makePlayer, runGame } from '../../src/ai/index';
import { closeDraft, openDraft } from '../../src/engine/draft';
import { compile, createGame, type GameState, isoOf, replay } from '../../src/engine/index';
import { bindAgreement } from '../../src/engine/negotiation';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1929');
const c = compile(sc);
const seed = historicalBaseline(sc).seed;
const players = () => ({ britain: makePlayer('historical', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') });
const fired = (s: GameState, id: string) => s.fired[c.eventIndex.get(id)!]! >= 0;
const TALKS = ['first-meeting', 'july-protest', 'talks-continue', 'rykov-molotov', 'talks-open-sept', 'dovgalevsky-instructions'];

describe('1929: a settlement ratified before the first meeting', () => {
  const history = runGame(sc, createGame(sc, seed, { record: true }), players(), true);
  // The first state of the turn of 25 July: its events have fired, nobody has moved.
  let k = 0;
  const at = (n: number) => {
    const r = replay(sc, seed, history.moves.slice(0, n));
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  while (isoOf(c.days[at(k).turn]!) !== '1929-07-25') k++;
  const july25 = at(k);

  it('history, with nothing ratified, meets on 29 July and talks on', () => {
    expect(fired(july25, 'dovgalevsky-terms')).toBe(true);
    for (const id of TALKS.slice(0, 2)) expect(fired(history.state, id), id).toBe(true);
  });

  it('a game settled on 25 July has no first meeting, no July protest, no summer or September talks', () => {
    const d = openDraft(c, july25);
    // Each term's first option: whatever the package, a ratified one closes the talks.
    const terms = Object.fromEntries(c.terms.map(t => [t.id, t.options[0]!.id]));
    bindAgreement(d, terms, 'test', 'britain');
    const settled = closeDraft(d);
    expect(settled.flags[c.flagIndex.get('settlementRatified')!]!).toBeGreaterThanOrEqual(0);
    const after = runGame(sc, settled, players(), true).state;
    for (const id of TALKS) expect(fired(after, id), id).toBe(false);
  });
});
