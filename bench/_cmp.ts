import { playerFor, runGame } from '../src/ai/index';
import { compile, createGame, score } from '../src/engine/index';
import { loadScenarioFile } from '../tests/loadScenario';
const [id, seed, opp, side] = process.argv.slice(2) as [string, string, string, 'britain' | 'ussr'];
const sc = loadScenarioFile(id); const c = compile(sc);
const them = side === 'britain' ? 'ussr' : 'britain';
const res: Record<string, ReturnType<typeof score>> = {};
for (const me of ['persona', 'search:4']) {
  const r = runGame(sc, createGame(sc, seed, { record: false }), { [side]: playerFor(me, sc, side), [them]: playerFor(opp, sc, them) } as any, false);
  res[me] = score(c, r.state, side);
  console.log(me, res[me].total.toFixed(1), r.state.offers.map(o => `${o.from[0]}${o.n}:${o.status}`).join(' '));
}
for (let j = 0; j < res.persona!.objectives.length; j++) { const a = res.persona!.objectives[j]!, b = res['search:4']!.objectives[j]!; if (a.achieved !== b.achieved) console.log(a.id, a.weight, 'persona', a.achieved.toFixed(2), 'search', b.achieved.toFixed(2)); }
