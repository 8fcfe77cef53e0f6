// The class comparison worked out in a worker thread (src/server/compareWorker.ts), off the
// server's main thread: it answers exactly what compareGroups answers in this thread.

import { expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { createGame } from '../../src/engine/index';
import { compareGroups } from '../../src/server/compare';
import { runComparison } from '../../src/server/compareWorker';
import { loadScenarioFile } from '../loadScenario';

it('gives in a worker thread the comparison made in this one', async () => {
  const sc = loadScenarioFile('1927');
  const r = runGame(sc, createGame(sc, 'w-1'), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });
  const games = [
    { code: 'WORKR', seed: 'w-1', moves: r.moves.slice(0, 15) },
    { code: 'IDLEE', seed: 'w-2', moves: null },
  ];
  const there = await runComparison(sc, games);
  if (!there.ok) throw new Error(there.error);
  expect(there.value).toEqual(compareGroups(sc, games));
  expect(there.value.groups).toHaveLength(2);
}, 60_000);
