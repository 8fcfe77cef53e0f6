// Golden hashes for the real 1927 scenario: the same seed and players must reach the same final
// state, to the last number. A change here means saves of 1927 would no longer replay: if a change
// to the scenario or the rules is meant to alter play, bump the scenario's "version" and re-record.
import { describe, expect, it } from 'vitest';
import { createGame, replay, stateHash } from '../../src/engine/index';
import { makePlayer, runGame, type PlayerKind } from '../../src/ai/index';
import { loadScenarioFile } from '../load1927';

const sc = loadScenarioFile('1927');
const GOLDEN: [PlayerKind, PlayerKind, string, string][] = [
  ['historical', 'historical', '1', 'db1696a23fdfe6cd'],
  ['historical', 'historical', '1927', 'cafc067f23630da4'],
  ['persona', 'persona', '1', '333eeb5457d7a891'],
  ['persona', 'persona', '1927', '810167cf0c72d1ea'],
  ['persona', 'random', '1', '99c06ebf67ab73bc'],
  ['persona', 'random', '1927', 'e250db3fd4a01a9a'],
];

describe('1927 golden games', () => {
  it(`version ${sc.version}: fixed seeds and players reach the recorded final states`, () => {
    for (const [b, u, seed, hash] of GOLDEN) {
      const s = runGame(sc, createGame(sc, seed), { britain: makePlayer(b, sc, 'britain'), ussr: makePlayer(u, sc, 'ussr') }).state;
      expect(stateHash(s), `${b} v ${u}, seed ${seed}`).toBe(hash);
    }
    expect(sc.version).toBe(1);
  });

  it('a recorded game replays move by move to the same state, with or without the ledger', () => {
    const run = runGame(sc, createGame(sc, '1927'), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('random', sc, 'ussr') });
    const r = replay(sc, '1927', run.moves);
    expect(r.ok && stateHash(r.value)).toBe(stateHash(run.state));
    const quiet = runGame(sc, createGame(sc, '1927', { record: false }), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('random', sc, 'ussr') });
    expect(stateHash(quiet.state)).toBe(stateHash(run.state));
  });
});
