// npm run agreement [-- --player search:4 --against persona,negotiator,... --scenarios 1929,1932 --games 1 --seed tournament]
// How often one player reaches agreement where agreement was possible: the tournament's
// `agree|possible` (src/ai/tournament.ts; the referee's judgement, when talks first opened, that a
// package both cabinets would ratify left both sides better off) over that player's games against
// each opponent, in both seats, on the tournament's seeds (`${seed}-${g}`). Only the player's own
// games are played (each is the tournament's game to the last number: playTournamentGame with the
// tournament's referee playouts); a name in --against equal to --player plays its mirror once.
// The issue's target: 80%.
import { parseArgs } from 'node:util';
import { type PlayerName, playerNameArg } from '../src/ai/index';
import { type GameJob, playTournamentGame } from '../src/ai/tournament';
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
const name = playerNameArg;
const me = name(values.player!);
const against = values.against!.split(',').map(name);
const scenarios = values.scenarios!.split(',').map(loadScenarioFile);
const games = Number(values.games);
if (!Number.isInteger(games) || games < 1) throw new Error(`--games must be a whole number of at least 1, not ${values.games}`);
/** The tournament's referee playouts a package (runTournament's default). */
const REFEREE_ROLLOUTS = 2;
const t0 = performance.now();
console.log(`${me}: agreements where possible, ${games} game(s) a pairing, seeds ${values.seed}-0.., scenarios ${scenarios.map(s => s.id).join(', ')}`);
let possible = 0,
  agreed = 0;
for (const sc of scenarios)
  for (const x of against) {
    const seats: [PlayerName, PlayerName][] =
      x === me
        ? [[me, me]]
        : [
            [me, x],
            [x, me],
          ];
    for (const [britain, ussr] of seats) {
      let p = 0,
        a = 0,
        all = 0;
      for (let g = 0; g < games; g++) {
        const job: GameJob = { scenario: sc.id, britain, ussr, g };
        const r = playTournamentGame(sc, job, REFEREE_ROLLOUTS, values.seed!);
        if (r.agreed) all++;
        if (r.possible) {
          p++;
          if (r.agreed) a++;
        }
      }
      possible += p;
      agreed += a;
      console.log(`  ${sc.id}  ${britain.padEnd(10)} v ${ussr.padEnd(10)}  agree|possible ${p ? `${a}/${p}` : '-'}  (agreements ${all}/${games})`);
    }
  }
console.log(`${me}: ${agreed}/${possible} agreements where possible (${possible ? Math.round((100 * agreed) / possible) : '-'}%), ${((performance.now() - t0) / 1000).toFixed(0)} s`);
