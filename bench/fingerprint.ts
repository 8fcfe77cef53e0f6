// npx tsx bench/fingerprint.ts
// A fingerprint of play, for speed work that must change no result: run it on main and on the
// branch and compare the lines. For each scenario it hashes (sha256, first 16 hex digits):
//   games: six persona games, recorded, whole end states with ledger and news, and their moves;
//   rollouts: playouts from worlds drawn from both seats' views every fifth move of a persona game,
//     as played and after a first move, by end state (stateHash), turns and both sides' scores;
//   search1: the search player's (level 1) moves and dice at every ninth move of a persona game;
//   negotiator: a recorded negotiator game (its package values come from playouts too).
// Prints figures only; it asserts nothing (tests/ai/playerVersions.test.ts guards play in CI).
import { createHash } from 'node:crypto';
import { AI_VIEW, aiRng, makePlayer, makeSearchPlayer, nextMove, runGame, toMove } from '../src/ai/index';
import { drawWorlds, personaPolicy, playout, playoutMove } from '../src/ai/search/playout';
import { applyMove, compile, createGame, type GameState, seatView, stateHash } from '../src/engine/index';
import { openRng, seedRng } from '../src/engine/rng';
import { score } from '../src/engine/scoring';
import { SIDES } from '../src/engine/vocab';
import { loadScenarioFile } from '../tests/loadScenario';

const hash = () => createHash('sha256');
const hex = (h: ReturnType<typeof hash>) => h.digest('hex').slice(0, 16);
/** A state as text, its ledger and news (linked lists, too deep for JSON.stringify) as arrays. */
function text(s: GameState): string {
  const ledger: unknown[] = [],
    news: unknown[] = [];
  for (let x = s.ledger; x; x = x.n) ledger.push(x.e);
  for (let x = s.news; x; x = x.n) news.push(x.e);
  return JSON.stringify({ ...s, ledger, news });
}

for (const id of ['1927', '1929', '1932']) {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const p = personaPolicy(sc);
  const games = hash();
  for (let g = 0; g < 6; g++) {
    const run = runGame(sc, createGame(sc, `fp-${id}-${g}`, { record: true }), p.players, true);
    games.update(text(run.state));
    games.update(JSON.stringify(run.moves));
  }
  const rollouts = hash();
  let n = 0;
  const game = runGame(sc, createGame(sc, `mid-${id}`, { record: false }), p.players, true);
  let s: GameState = createGame(sc, `mid-${id}`, { record: false });
  for (const [k, m] of game.moves.entries()) {
    if (k % 5 === 0)
      for (const side of SIDES)
        for (const w of drawWorlds(c, seatView(c, s, side, AI_VIEW), openRng(seedRng(`fp-${id}-${k}-${side}`)), 8)) {
          const e = playout(p, w, null);
          rollouts.update(`${stateHash(e.state)} ${e.turns} ${score(c, e.state, 'britain').total} ${score(c, e.state, 'ussr').total}|`);
          n++;
          if (toMove(w.state, side)) {
            const first = playoutMove(p, w.state, side, openRng(seedRng(`mv-${k}`)));
            const e2 = playout(p, w, first);
            rollouts.update(`${JSON.stringify(first)} ${stateHash(e2.state)} ${e2.turns}|`);
            n++;
          }
        }
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  }
  const search = hash();
  let s2: GameState = createGame(sc, `pos-${id}`, { record: false });
  for (const [k, m] of runGame(sc, createGame(sc, `pos-${id}`, { record: false }), p.players, true).moves.entries()) {
    if (k % 9 === 0 && toMove(s2, m.side)) {
      const rng = openRng(aiRng('fp', m.side).state());
      search.update(JSON.stringify(nextMove(c, seatView(c, s2, m.side, AI_VIEW), makeSearchPlayer(sc, m.side, 1), rng)) + JSON.stringify(rng.state()));
    }
    const r = applyMove(sc, s2, m);
    if (!r.ok) throw new Error(r.error);
    s2 = r.value;
  }
  const negotiators = { britain: makePlayer('negotiator', sc, 'britain'), ussr: makePlayer('negotiator', sc, 'ussr') };
  const negotiator = hash().update(text(runGame(sc, createGame(sc, `neg-${id}`, { record: true }), negotiators, true).state));
  console.log(`${id} games ${hex(games)}  rollouts(${n}) ${hex(rollouts)}  search1 ${hex(search)}  negotiator ${hex(negotiator)}`);
}
