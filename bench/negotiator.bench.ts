// npm run bench:negotiator
// The negotiator's utility refresh: one whole-space table of package utilities from the seat's view
// at the turn the channel first opens (persona against persona up to then), per scenario and side.
// Prints playouts per table and the CPU time of a refresh (median of 3, each from a fresh desk).
import { cpuUsage } from 'node:process';
import { Desk } from '../src/ai/bargain';
import { AI_VIEW, aiRng, makePlayer, runGame, toMove } from '../src/ai/index';
import { type Ctx, nextMove } from '../src/ai/player';
import { applyMove, compile, createGame, seatState, seatView } from '../src/engine/index';
import { negotiationOpen } from '../src/engine/negotiation';
import { SIDES } from '../src/engine/vocab';
import { loadScenarioFile } from '../tests/loadScenario';

for (const id of ['1927', '1929', '1932']) {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const players = { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') };
  const rngs = { britain: aiRng('bench', 'britain'), ussr: aiRng('bench', 'ussr') };
  let s = createGame(sc, 'bench');
  while (!s.ended && !negotiationOpen(c, s)) {
    const side = SIDES.find(x => toMove(s, x))!;
    const r = applyMove(sc, s, nextMove(c, seatView(c, s, side, AI_VIEW), players[side], rngs[side])!);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  }
  for (const side of SIDES) {
    const view = seatView(c, s, side, AI_VIEW);
    const ctx: Ctx = { c, side, view, state: seatState(view), rng: aiRng('bench', side) };
    const times: number[] = [];
    let playouts = 0;
    for (let k = 0; k < 3; k++) {
      const desk = new Desk(sc, side);
      const t0 = cpuUsage();
      playouts = desk.utilities(ctx).playouts;
      const t = cpuUsage(t0);
      times.push((t.user + t.system) / 1000);
    }
    times.sort((a, b) => a - b);
    console.log(`${id} ${side.padEnd(7)} turn ${s.turn}: ${playouts} playouts, refresh ${times[1]!.toFixed(0)} ms CPU`);
  }
}

// Every refresh over whole games, negotiator against negotiator: how long one takes as the game goes on
// (one at every move the talks are open: the table is worked out from each move's view, not kept).
const original = Desk.prototype.utilities;
let refreshes: number[] = [];
Desk.prototype.utilities = function (this: Desk, ctx: Ctx) {
  const before = (this as unknown as { worth: unknown }).worth;
  const t0 = cpuUsage();
  const w = original.call(this, ctx);
  if ((this as unknown as { worth: unknown }).worth !== before) {
    const t = cpuUsage(t0);
    refreshes.push((t.user + t.system) / 1000);
  }
  return w;
};
for (const id of ['1927', '1929', '1932']) {
  const sc = loadScenarioFile(id);
  refreshes = [];
  for (const seed of ['a', 'b'])
    runGame(sc, createGame(sc, `bench-${seed}`, { record: false }), { britain: makePlayer('negotiator', sc, 'britain'), ussr: makePlayer('negotiator', sc, 'ussr') }, false);
  refreshes.sort((a, b) => a - b);
  console.log(
    `${id} whole games (2, negotiator v negotiator): ${refreshes.length} refreshes, p50 ${refreshes[Math.floor(refreshes.length / 2)]!.toFixed(0)} ms, max ${refreshes.at(-1)!.toFixed(0)} ms CPU`,
  );
}
