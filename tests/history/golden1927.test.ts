// Golden hashes for the real 1927 scenario: the same seed and players must reach the same final
// state, to the last number. A change here means saves of 1927 would no longer replay: if a change
// to the scenario or the rules is meant to alter play, bump the scenario's "version" and re-record.
// Recorded at version 5 (each side's opening knowledge an event of its own: two events more in the
// state's per-event lists; the figures, choices and moves of these games are as at version 4).
import { describe, expect, it } from 'vitest';
import { makePlayer, type PlayerKind, runGame } from '../../src/ai/index';
import { createGame, replay, stateHash } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const GOLDEN: [PlayerKind, PlayerKind, string, string][] = [
  ['historical', 'historical', '1', 'd9d49d519099a1e2'],
  ['historical', 'historical', '1927', '66930f73b8b6bb40'],
  ['persona', 'persona', '1', '402fca93ea0e1aee'],
  ['persona', 'persona', '1927', '0873f02d048b1916'],
  ['persona', 'random', '1', 'ef69db3551cf7d52'],
  ['persona', 'random', '1927', 'c3a45725f7625bc6'],
];

describe('1927 golden games', () => {
  it(`version ${sc.version}: fixed seeds and players reach the recorded final states`, () => {
    for (const [b, u, seed, hash] of GOLDEN) {
      const s = runGame(sc, createGame(sc, seed), { britain: makePlayer(b, sc, 'britain'), ussr: makePlayer(u, sc, 'ussr') }).state;
      expect(stateHash(s), `${b} v ${u}, seed ${seed}`).toBe(hash);
    }
    expect(sc.version).toBe(5);
  });

  it('a recorded game replays move by move to the same state, with or without the ledger', () => {
    const run = runGame(sc, createGame(sc, '1927'), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('random', sc, 'ussr') });
    const r = replay(sc, '1927', run.moves);
    expect(r.ok && stateHash(r.value)).toBe(stateHash(run.state));
    const quiet = runGame(sc, createGame(sc, '1927', { record: false }), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('random', sc, 'ussr') });
    expect(stateHash(quiet.state)).toBe(stateHash(run.state));
  });
});
