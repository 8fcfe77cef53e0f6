// Golden hashes for the real 1927 scenario: the same seed and players must reach the same final
// state, to the last number. A change here means saves of 1927 would no longer replay: if a change
// to the scenario or the rules is meant to alter play, bump the scenario's "version" and re-record.
// Recorded at version 4 (the keyed dice, 1cb494a).
import { describe, expect, it } from 'vitest';
import { makePlayer, type PlayerKind, runGame } from '../../src/ai/index';
import { createGame, replay, stateHash } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const GOLDEN: [PlayerKind, PlayerKind, string, string][] = [
  ['historical', 'historical', '1', '116991893ead2446'],
  ['historical', 'historical', '1927', 'b916829b95e6dcf4'],
  ['persona', 'persona', '1', 'e9e261578808c4f2'],
  ['persona', 'persona', '1927', 'b257c04dd8ade47a'],
  ['persona', 'random', '1', '661f4dc1ca4409f6'],
  ['persona', 'random', '1927', 'fc899dc538751672'],
];

describe('1927 golden games', () => {
  it(`version ${sc.version}: fixed seeds and players reach the recorded final states`, () => {
    for (const [b, u, seed, hash] of GOLDEN) {
      const s = runGame(sc, createGame(sc, seed), { britain: makePlayer(b, sc, 'britain'), ussr: makePlayer(u, sc, 'ussr') }).state;
      expect(stateHash(s), `${b} v ${u}, seed ${seed}`).toBe(hash);
    }
    expect(sc.version).toBe(4);
  });

  it('a recorded game replays move by move to the same state, with or without the ledger', () => {
    const run = runGame(sc, createGame(sc, '1927'), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('random', sc, 'ussr') });
    const r = replay(sc, '1927', run.moves);
    expect(r.ok && stateHash(r.value)).toBe(stateHash(run.state));
    const quiet = runGame(sc, createGame(sc, '1927', { record: false }), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('random', sc, 'ussr') });
    expect(stateHash(quiet.state)).toBe(stateHash(run.state));
  });
});
