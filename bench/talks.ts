// npx tsx bench/talks.ts [--scenario 1929 --britain search:4 --ussr boulware --seed tournament-0-0]
// The talks of one game, move by move: for an agreement the tournament counts as possible but that
// did not come (bench/agreement.ts names the games; the seed of a tournament game is `${seed}-${g}`).
// Prints every note sent and every answer given, with the reasons the player gave for that move
// (a search player's: the candidates it weighed, an answer turned the other way among them, with
// their paired figures), each seat's own cabinet's chance of ratifying the notes it answered, and at
// the end each note's fate as the game's news tells it (who refused, or whether the Commons threw
// it out). The game is the tournament's to the last number: the same players, seed and dice.
import { parseArgs } from 'node:util';
import { type Player, playerFor, playerNameArg, runGame } from '../src/ai/index';
import { describeTerms } from '../src/ai/packages';
import { shownReasons } from '../src/ai/reasons';
import { acceptance, compile, createGame, score } from '../src/engine/index';
import { typographic } from '../src/engine/labels';
import { other, type Side } from '../src/engine/vocab';
import { loadScenarioFile } from '../tests/loadScenario';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: '1929' },
    britain: { type: 'string', default: 'search:4' },
    ussr: { type: 'string', default: 'boulware' },
    seed: { type: 'string', default: 'tournament-0-0' },
  },
});
const name = playerNameArg;
const sc = loadScenarioFile(values.scenario!);
const c = compile(sc);
const s0 = createGame(sc, values.seed!, { record: true });

/** The player, its moves shown where they touch the talks. Asking for its reasons changes nothing it plays. */
function shown(p: Player, side: Side): Player {
  return {
    kind: p.kind,
    decide: (ctx, ev) => p.decide(ctx, ev),
    orders(ctx) {
      const orders = p.orders(ctx);
      const answered = ctx.view.offers.filter(o => o.from !== side && o.status === 'delivered');
      const talks = orders.filter(o => o.kind !== 'action');
      if (!talks.length && !answered.length) return orders;
      const said = talks.map(o => (o.kind === 'offer' ? `sends a note: ${typographic(describeTerms(c, o.terms))}` : `${o.accept ? 'accepts' : 'refuses'} note ${o.offer}`));
      console.log(`turn ${ctx.view.turn} ${side} (${p.kind}): ${said.join('; ') || 'no answer'}`);
      // Its own cabinet it reads exactly: the chance it would ratify each note it was sent.
      for (const o of answered) console.log(`  its cabinet would ratify note ${o.n} ${Math.round(100 * acceptance(c, ctx.state, side, o.terms).chance)}% of the time`);
      // As the front ends show them (shownReasons).
      const given = p.why?.();
      const why = given && shownReasons(given);
      if (why) {
        console.log(`  ${why.summary}`);
        for (const r of why.rejected) console.log(`  - ${r.label}: ${r.why}`);
      }
      return orders;
    },
    why: () => p.why?.(),
  };
}

const britain = name(values.britain!),
  ussr = name(values.ussr!);
console.log(`${sc.id}, seed ${values.seed}: ${britain} as Britain, ${ussr} as the USSR`);
const run = runGame(sc, s0, { britain: shown(playerFor(britain, sc, 'britain'), 'britain'), ussr: shown(playerFor(ussr, sc, 'ussr'), 'ussr') }, false);
const end = run.state;
// The news as one side read it (each line is told to both sides alike or to one of them).
const fate = new Map<number, string>();
for (let x = end.news; x; x = x.n) {
  const m = /^Note (\d+) is accepted: (.*)$/.exec(x.e.text);
  if (m && !fate.has(Number(m[1]))) fate.set(Number(m[1]), m[2]!);
}
for (const o of end.offers) console.log(`note ${o.n} from ${o.from} to ${other(o.from)}: ${o.status}${fate.has(o.n) ? ` (${fate.get(o.n)})` : ''}`);
console.log(`scores: Britain ${score(c, end, 'britain').total.toFixed(1)}, USSR ${score(c, end, 'ussr').total.toFixed(1)}`);
