// npm run agreement [-- --player search:4 --against persona,negotiator,... --scenarios 1929,1932 --games 1]
// How often one player reaches agreement where agreement was possible: the tournament's
// `agree|possible` (src/ai/tournament.ts; the referee's judgement, when talks first opened, that a
// package both cabinets would ratify left both sides better off) over that player's games against
// each opponent, in both seats, with the tournament's seeds. Each opponent is run as a two-player
// tournament (which also plays the player and the opponent against themselves; those games count
// for the player only when it is the player's own mirror). The issue's target: 80%.
import { parseArgs } from 'node:util';
import { type PlayerName, parsePlayerName } from '../src/ai/index';
import { type Pairing, runTournament } from '../src/ai/tournament';
import { loadScenarioFile } from '../tests/loadScenario';

const { values } = parseArgs({
  options: {
    player: { type: 'string', default: 'search:4' },
    against: { type: 'string', default: 'persona,negotiator,boulware,conceder,hardliner,titfortat,historical,random' },
    scenarios: { type: 'string', default: '1929,1932' },
    games: { type: 'string', default: '1' },
    seed: { type: 'string', default: 'tournament' },
  },
});
const name = (k: string): PlayerName => {
  const r = parsePlayerName(k);
  if (!r.ok) throw new Error(r.error);
  return k as PlayerName;
};
const me = name(values.player!);
const against = values.against!.split(',').map(name);
const scenarios = values.scenarios!.split(',').map(loadScenarioFile);
const games = Number(values.games);
const t0 = performance.now();
console.log(`${me}: agreements where possible, ${games} game(s) a pairing, scenarios ${scenarios.map(s => s.id).join(', ')}`);
let possible = 0,
  agreed = 0;
const rows: string[] = [];
for (const sc of scenarios)
  for (const x of against) {
    const r = runTournament({ scenarios: [sc], kinds: x === me ? [me] : [me, x], games, seed: values.seed });
    const mine = r.pairings.filter((p: Pairing) => (p.britain === me) !== (p.ussr === me) || (x === me && p.britain === me));
    for (const p of mine) {
      possible += p.possible;
      agreed += p.possibleAgreed;
      rows.push(`  ${sc.id}  ${p.britain.padEnd(10)} v ${p.ussr.padEnd(10)}  agree|possible ${p.possible ? `${p.possibleAgreed}/${p.possible}` : '-'}  (agreements ${p.agreements}/${p.games})`);
    }
    console.log(rows.slice(-mine.length).join('\n'));
  }
console.log(`${me}: ${agreed}/${possible} agreements where possible (${possible ? Math.round((100 * agreed) / possible) : '-'}%), ${((performance.now() - t0) / 1000).toFixed(0)} s`);
