import { playerFor, runGame } from '../src/ai/index';
import { compile, createGame, score } from '../src/engine/index';
import { loadScenarioFile } from '../tests/loadScenario';
const [id, seed, opp, side, me2] = process.argv.slice(2) as [string, string, string, 'britain' | 'ussr', string];
const sc = loadScenarioFile(id); const c = compile(sc);
const them = side === 'britain' ? 'ussr' : 'britain';
const games: any[] = [];
for (const me of ['persona', me2 ?? 'search:4']) {
  const r = runGame(sc, createGame(sc, seed, { record: false }), { [side]: playerFor(me, sc, side), [them]: playerFor(opp, sc, them) } as any, true);
  games.push(r);
  const sc2 = score(c, r.state, side);
  console.log(me, sc2.total.toFixed(2), sc2.objectives.map((o: any) => `${o.id}:${o.achieved.toFixed(3)}`).join(' '));
}
const fmt = (m: any) => m.type === "orders" ? `O ${m.orders.map((o: any) => o.kind === "action" ? o.id : o.kind === "offer" ? "NOTE" + JSON.stringify(o.terms).length : `reply${o.offer}:${o.accept}`).join(",")}` : m.type === "decide" ? `D ${m.event}=${m.option}` : JSON.stringify(m);
const a = games[0].moves, b = games[1].moves;
for (let i = 0; i < Math.max(a.length, b.length); i++) {
  const x = a[i] ? `${a[i].side?.[0]} ${fmt(a[i])}` : '', y = b[i] ? `${b[i].side?.[0]} ${fmt(b[i])}` : '';
  if (x !== y || process.env.ALL) console.log(i, x.slice(0, 90).padEnd(90), '|', y.slice(0, 90));
}
