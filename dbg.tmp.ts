import { makePlayer, runGame } from './src/ai/index';
import { effectValue, figuresValue, gradient, worthNow } from './src/ai/values';
import { applyMove, approvalChance, compile, createGame, describeOption, seatState, seatView } from './src/engine/index';
import { loadScenarioFile } from './tests/loadScenario';
const sc = loadScenarioFile('1929');
const c = compile(sc);
const run = runGame(sc, createGame(sc, 'sound', { record: false }), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });
let s = createGame(sc, 'sound', { record: false });
const figIndex = new Map(c.figs.map((f, i) => [f.id, i]));
run.moves.forEach((m, k) => {
  if (k % 10 === 0) {
    const view = seatView(c, s, 'britain');
    const believed = seatState(view);
    const g = gradient(c, 'britain');
    for (const k2 of view.pending) {
      const ev = c.events[k2]!;
      if (ev.id !== 'lewes') continue;
      for (const o of ev.decision!.options) {
        const pv = describeOption(c, believed, 'britain', ev, o);
        const w = worthNow(c, 'britain', o.linked, o.vote, o.incident, ev.publicity, believed);
        const fv = figuresValue(g, pv.predicted.map(p => ({ fig: figIndex.get(p.fig)!, delta: p.delta })));
        console.log(o.id, 'persona', w, 'preview figs', fv.toFixed(3), 'nonfig', effectValue(c, g, o.linked, 1, false, believed).toFixed(3), 'persona figs+flags', effectValue(c, g, o.linked, 1, true, believed).toFixed(3));
        console.log('  predicted', pv.predicted.map(p => `${p.fig} ${p.delta.toFixed(1)} g=${(g.fig.get(figIndex.get(p.fig)!) ?? 0).toFixed(4)}`).join('; '));
      }
    }
  }
  const r = applyMove(sc, s, m);
  if (!r.ok) throw new Error(r.error);
  s = r.value;
});
