// Golden hashes for the real 1927 scenario: the same seed and players must reach the same final
// state, to the last number. A change here means saves of 1927 would no longer replay: if a change
// to the scenario or the rules is meant to alter play, bump the scenario's "version" and re-record.
// Recorded at version 5 (the private asides and each side's opening knowledge events of their own:
// the same games, whose states count the added events; notes numbered by their sender). Version 6
// adds Baldwin's statement without a break (baldwin-telegrams-only): the same games again, each
// hashing as version 5 recorded it once the added event is cut off. Version 7 changes play: the
// Cabinet's break of 23 May is announced on 24 May (break-announced), so the historical games, which
// break, reach other states from 24 May; the persona games here never break and differ only by the
// added event. Version 8 changes play: events that repeated an order history gives (Briand's word to
// Chicherin, Mikoyan's, Kalinin's, Bukharin's, the ECCI's alarm, Birkenhead's speech, Boev's forgery
// charge) no longer carry its effects and fire only where the order was given, so every game here
// reaches another state. Version 9 changes play: the talks close once an agreement is ratified, five
// talk events need no agreement, and Moscow's and London's private asides (Briand's words, Chicherin's
// fears, the Midland's talks) are events of their own, so every game here reaches another state.
import { describe, expect, it } from 'vitest';
import { makePlayer, type PlayerKind, runGame } from '../../src/ai/index';
import { createGame, replay, stateHash } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const GOLDEN: [PlayerKind, PlayerKind, string, string][] = [
  ['historical', 'historical', '1', 'da75a036159e0e63'],
  ['historical', 'historical', '1927', 'f989ebe3fbec169e'],
  ['persona', 'persona', '1', 'a929777168ed57b8'],
  ['persona', 'persona', '1927', 'c2fda70901575a98'],
  ['persona', 'random', '1', 'ac410202913bacd9'],
  ['persona', 'random', '1927', 'f0672c20cd80bd85'],
];

describe('1927 golden games', () => {
  it(`version ${sc.version}: fixed seeds and players reach the recorded final states`, () => {
    for (const [b, u, seed, hash] of GOLDEN) {
      const s = runGame(sc, createGame(sc, seed), { britain: makePlayer(b, sc, 'britain'), ussr: makePlayer(u, sc, 'ussr') }).state;
      expect(stateHash(s), `${b} v ${u}, seed ${seed}`).toBe(hash);
    }
    expect(sc.version).toBe(9);
  });

  it('a recorded game replays move by move to the same state, with or without the ledger', () => {
    const run = runGame(sc, createGame(sc, '1927'), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('random', sc, 'ussr') });
    const r = replay(sc, '1927', run.moves);
    expect(r.ok && stateHash(r.value)).toBe(stateHash(run.state));
    const quiet = runGame(sc, createGame(sc, '1927', { record: false }), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('random', sc, 'ussr') });
    expect(stateHash(quiet.state)).toBe(stateHash(run.state));
  });
});
