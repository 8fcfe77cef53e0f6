// The in-page debrief of a restored game that a teacher's event went into (a classroom hand-in
// opened on one machine): the match's record carries the injections with the moves, and the
// debrief made from that record replays them and names the event as the teacher's.
import { expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { debrief } from '../../src/app/debrief';
import { Match } from '../../src/app/match';
import { makeAppSave } from '../../src/app/saveFile';
import { inProcessAi } from '../../src/app/transport';
import { createGame, injectEvent, replay } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

it('keeps the teacher’s events in the record a restored game prints its debrief from', async () => {
  const sc = loadScenarioFile('1927');
  const seed = 'restored-1';
  // Twelve moves of the personas, the teacher's event, then twelve more.
  const players = { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') };
  const first = runGame(sc, createGame(sc, seed), players).moves.slice(0, 12);
  const mid = replay(sc, seed, first);
  if (!mid.ok) throw new Error(mid.error);
  const given = injectEvent(sc, mid.value, 'frontier-incident');
  if (!given.ok) throw new Error(given.error);
  const rest = runGame(sc, given.value, players).moves.slice(0, 12);
  const moves = [...first, ...rest];
  const injected = [{ event: 'frontier-incident', at: 12 }];
  const end = replay(sc, seed, moves, undefined, injected);
  if (!end.ok) throw new Error(end.error);

  const r = await Match.restore(sc, makeAppSave(sc, seed, moves, end.value, { britain: 'human', ussr: 'persona' }, injected), { ai: inProcessAi });
  if (!r.ok) throw new Error(r.error);
  const rec = r.value.record();
  r.value.dispose();
  expect(rec.injected).toEqual(injected);
  const d = debrief(sc, rec.seed, rec.moves, { injected: rec.injected });
  const mine = d.timeline.flatMap(row => row.group.map(e => e.text));
  expect(mine).toContainEqual(expect.stringMatching(/^Trouble on the western frontier \(introduced by the teacher\)/));
});
