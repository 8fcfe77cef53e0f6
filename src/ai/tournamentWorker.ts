// A tournament worker (a child process of tournamentRun.ts): told the scenarios and the referee's
// settings once, then plays the games it is sent one at a time and answers each with its record,
// timed by this process's own CPU clock. It plays them with the same function as a serial run.
import type { Scenario } from '../scenario/schema';
import { type GameJob, type GameRecord, playTournamentGame } from './tournament';

export type ToWorker = { type: 'init'; scenarios: Scenario[]; rollouts: number; seed: string } | { type: 'play'; job: GameJob };
export type FromWorker = { type: 'played'; record: GameRecord } | { type: 'failed'; job: GameJob; error: string };

let setup: { scenarios: Map<string, Scenario>; rollouts: number; seed: string } | null = null;

const send = (m: FromWorker) => process.send!(m);

process.on('message', (m: ToWorker) => {
  if (m.type === 'init') {
    setup = { scenarios: new Map(m.scenarios.map(sc => [sc.id, sc])), rollouts: m.rollouts, seed: m.seed };
    return;
  }
  const { job } = m;
  try {
    if (!setup) throw new Error('a game was sent before the scenarios');
    const t = process.cpuUsage();
    const r = playTournamentGame(setup.scenarios.get(job.scenario)!, job, setup.rollouts, setup.seed);
    const used = process.cpuUsage(t);
    send({ type: 'played', record: { ...r, ms: (used.user + used.system) / 1000 } });
  } catch (e) {
    send({ type: 'failed', job, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
// The runner went away (finished, interrupted or killed): nothing more will come.
process.on('disconnect', () => process.exit(0));
