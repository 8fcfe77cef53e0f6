// A save near the end of a 1927 game, for the tests of what the end shows.
import { historicalPlayer } from '../../src/ai/index';
import { runGame } from '../../src/ai/player';
import { makeAppSave } from '../../src/app/saveFile';
import { createGame, type Move, replay } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

/**
 * A 1927 save one move before Britain's last orders, played by the historical players on both
 * sides: loaded with Britain at the screen and the historical player for the Soviet Union, the
 * person sends the last orders and sees the last turn's headlines and the end screen.
 */
export function nearlyOver(): { name: string; body: string } {
  const sc = loadScenarioFile('1927');
  const run = runGame(sc, createGame(sc, 'layout'), { britain: historicalPlayer, ussr: historicalPlayer });
  let cutAt = -1;
  run.moves.forEach((m, k) => {
    if (m.type === 'orders' && m.side === 'britain') cutAt = k;
  });
  const moves: Move[] = run.moves.slice(0, cutAt);
  const r = replay(sc, 'layout', moves);
  if (!r.ok) throw new Error(r.error);
  const save = makeAppSave(sc, 'layout', moves, r.value, { britain: 'human', ussr: 'historical' });
  return { name: 'nearly-over.json', body: JSON.stringify(save) };
}
