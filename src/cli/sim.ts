// `sim`: many games between computer players; the distribution of ends, outcomes and scores.

import { fidelityIdle, type Player, type PlayerName, parseBranches, playerFor, type SimStats, simulate, withBranches } from '../ai/index';
import { type BySide, compile, RELATION_LABELS, RELATIONS, SIDES, type Side } from '../engine/index';
import { checkFidelityActs, fidelity, parse, playerName, positiveInt, required, USAGE, UsageError, withFidelityArg } from './args';
import { bar, bold, dim, fitTable, pct, rule, section, table, termWidth, yellow } from './format';
import { CliError, loadScenario } from './scenarios';

export interface SimReport extends SimStats {
  file: string;
  seed: string;
  players: BySide<PlayerName>;
  branches: Record<string, string>;
  elapsedMs: number;
  gamesPerSecond: number;
}

export function runSim(argv: string[]): { report: SimReport; json: boolean; warnings: string[] } | null {
  const { values } = parse('sim', argv, {
    scenario: { type: 'string' },
    players: { type: 'string' },
    fidelity: { type: 'string' },
    games: { type: 'string' },
    seed: { type: 'string' },
    branch: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  if (values.help) return null;
  const kinds = ((values.players as string | undefined) ?? 'historical,historical').split(',').map(x => x.trim());
  if (kinds.length === 1) kinds.push(kinds[0]!);
  if (kinds.length !== 2) throw new UsageError(`--players takes two kinds, for britain and ussr in that order (e.g. historical,persona); got "${values.players}"`);
  // --fidelity F holds both players to history by F; F,G holds Britain by F and the USSR by G.
  const fids = values.fidelity === undefined ? [] : (values.fidelity as string).split(',').map(x => fidelity(x.trim()));
  if (fids.length > 2) throw new UsageError(`--fidelity takes one number, or two for britain and ussr (got "${values.fidelity}")`);
  const named = { britain: playerName(kinds[0], '--players (britain)'), ussr: playerName(kinds[1], '--players (ussr)') };
  for (const s of SIDES) checkFidelityActs(named[s], false, `--players (${s})`);
  // One figure for both sides holds each side whose player the dial acts on, and says which it leaves
  // as it is; a figure given for one side alone, or one that acts on neither, is refused.
  const warnings: string[] = [];
  const fidOf = (s: Side): number | undefined => {
    const f = fids.length === 2 ? fids[s === 'britain' ? 0 : 1] : fids[0];
    if (f === undefined) return undefined;
    const idle = fidelityIdle(named[s]);
    if (!idle) return f;
    if (f >= 1) return undefined; // 1 is the free player as it is: nothing to hold
    if (fids.length === 2 || SIDES.every(x => fidelityIdle(named[x]))) checkFidelityActs(named[s], true, `--fidelity (${s})`);
    warnings.push(`--fidelity leaves ${s} as it is: ${idle}`);
    return undefined;
  };
  const players = { britain: withFidelityArg(named.britain, fidOf('britain')), ussr: withFidelityArg(named.ussr, fidOf('ussr')) };
  const games = positiveInt((values.games as string | undefined) ?? '100', '--games');
  const seed = (values.seed as string | undefined) ?? '1';
  const { file, sc } = loadScenario(required(values.scenario, '--scenario', 'sim'));
  let branches: Record<string, string>;
  try {
    branches = parseBranches(sc, (values.branch as string[] | undefined) ?? []);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  let ps: BySide<Player>;
  try {
    ps = { britain: withBranches(playerFor(players.britain, sc, 'britain'), branches), ussr: withBranches(playerFor(players.ussr, sc, 'ussr'), branches) };
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  compile(sc);
  const t0 = performance.now();
  const stats = simulate(sc, ps, games, seed);
  const elapsedMs = performance.now() - t0;
  return {
    report: { ...stats, file, seed, players, branches, elapsedMs: Math.round(elapsedMs), gamesPerSecond: Math.round((games / Math.max(elapsedMs, 1e-3)) * 1000 * 10) / 10 },
    json: !!values.json,
    warnings,
  };
}

const BAR = () => (termWidth() >= 100 ? 20 : 12);

function distribution(counts: Record<string, number>, games: number, labels: Record<string, string> = {}): string[][] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => [labels[k] ?? k, String(n), pct(n / games, 1), bar(n / games, 0, 1, BAR())]);
}

export function simReportLines(r: SimReport): string[] {
  const w = termWidth();
  const out = [rule(w, `Simulation · ${r.scenario} v${r.version}`)];
  const info: string[][] = [
    ['Scenario', r.file],
    ['Players', `Britain: ${r.players.britain} · USSR: ${r.players.ussr}`],
  ];
  const br = Object.entries(r.branches);
  if (br.length) info.push(['Branches', br.map(([e, o]) => `${e} → ${o}`).join(', ')]);
  info.push(['Games', `${r.games} (seeds ${r.seed}-0 … ${r.seed}-${r.games - 1})`]);
  info.push(['Time', `${(r.elapsedMs / 1000).toFixed(2)} s, ${r.gamesPerSecond} games/s`]);
  out.push(
    ...table(
      info.map(([a, b]) => [dim(a!), b!]),
      ['l', 'l'],
      2,
      '  ',
    ),
  );

  out.push('', section(w, 'How the games ended'));
  out.push(...fitTable(distribution(r.endReasons, r.games), ['l', 'r', 'r', 'l'], 0, w));

  out.push('', section(w, 'Outcomes (★ = what happened in history)'));
  const orows = r.outcomes.map(o => [o.historical ? yellow('★') : ' ', o.label, String(o.count), pct(o.rate, 1), bar(o.rate, 0, 1, BAR())]);
  out.push(...fitTable(orows, ['l', 'l', 'r', 'r', 'l'], 1, w));
  out.push(`  ${bold('History reproduced')} (every ★ outcome held): ${bold(pct(r.historyReproduced.rate, 1))} ${dim(`(${r.historyReproduced.count} of ${r.games})`)}`);

  out.push('', section(w, 'Relations at the end'));
  out.push(...table(distribution(r.relationsAtEnd, r.games, Object.fromEntries(RELATIONS.map(x => [x, RELATION_LABELS[x].long]))), ['l', 'r', 'r', 'l'], 2, '  '));

  out.push('', section(w, 'Scores (out of 100)'));
  const srows = [['', 'mean', 'sd', 'min', 'max'].map(h => dim(h))];
  for (const s of SIDES) {
    const x = r.scores[s];
    srows.push([s === 'britain' ? 'Britain' : 'USSR', x.mean.toFixed(1), x.sd.toFixed(1), x.min.toFixed(1), x.max.toFixed(1)]);
  }
  out.push(...table(srows, ['l', 'r', 'r', 'r', 'r'], 3, '  '));
  if (r.figures.tension !== undefined) out.push('', `  War danger at the end: ${r.figures.tension.toFixed(1)} on average (0-100)`);
  return out;
}

export function simCommand(argv: string[], out: (s: string) => void, err: (s: string) => void = out): number {
  const r = runSim(argv);
  if (!r) {
    out(`usage: ${USAGE.sim}`);
    return 0;
  }
  for (const w of r.warnings) err(`note: ${w}`);
  if (r.json) out(JSON.stringify(r.report, null, 2));
  else for (const l of simReportLines(r.report)) out(l);
  return 0;
}
