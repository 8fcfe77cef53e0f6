// `explore`: the what-if explorer in the terminal. N continuations from a point of history (a
// date on the trunk), of a stored branch (its id, or id@date), or of a shared branch (a share code
// or a branch file), across worker threads on every core; prints the outcome distribution with
// history's marks, and on request the branch's plausibility and the decisions that mattered.
// With --branch EVENT.OPTION it first makes a branch in the stored tree (the other option at that
// decision of history, or of a stored branch named by --at) and explores from just after it.

import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { PLAYER_KINDS, type PlayerKind } from '../ai/index';
import { defaultStoreDir, FileKV } from '../app/history/fileKV';
import {
  checkShared,
  DEFAULT_GAMES,
  type Distribution,
  describeDivergence,
  explore,
  HistoryTree,
  type Line,
  MAX_GAMES,
  matteredDecisions,
  parseShared,
  plausibility,
  TRUNK_ID,
  TreeStore,
} from '../app/history/index';
import { createNodePool } from '../app/history/nodePool';
import { type BySide, compile, dayOf, isoOf, longDate, SIDES } from '../engine/index';
import type { Scenario } from '../scenario/schema';
import { parse, playerKind, positiveInt, required, USAGE, UsageError } from './args';
import { bar, bold, dim, fitTable, pct, rule, section, table, termWidth, yellow } from './format';
import { CliError, loadScenario } from './scenarios';

interface Start {
  line: Line;
  /** In words: "history at Monday 2 May 1927", "branch b3 (its end)". */
  what: string;
}

/** Resolve --at: a date (yyyy-mm-dd) on history; a stored branch id, or id@date; a share code; a branch file. */
export async function resolveAt(sc: Scenario, at: string | undefined, storeDir: string): Promise<Start> {
  const spec = at ?? 'start';
  const code = /^ASD\d-/.test(spec);
  if (code || (spec.endsWith('.json') && existsSync(spec))) {
    const text = code ? spec : readFileSync(spec, 'utf8');
    const p = parseShared(text);
    if (!p.ok) throw new CliError(`--at: ${p.error.message}`);
    const c = await checkShared(sc, p.value);
    if (!c.ok) throw new CliError(`--at: ${c.error.message}`);
    return { line: c.value.line, what: `the shared branch${c.value.label ? ` “${c.value.label}”` : ''} (its end)` };
  }
  const [nodePart, datePart] = spec.includes('@') ? spec.split('@', 2) : isDate(spec) || spec === 'start' ? [TRUNK_ID, spec] : [spec, undefined];
  let tree: HistoryTree;
  if (nodePart === TRUNK_ID) tree = HistoryTree.create(sc);
  else {
    const r = new TreeStore(new FileKV(storeDir)).load(sc);
    if (!r.ok) throw new CliError(`--at: ${r.error.message}`);
    if (!r.value) throw new CliError(`--at: there is no stored history tree for ${sc.id} in ${storeDir}, so no branch "${nodePart}"`);
    tree = r.value;
  }
  const id = nodePart!;
  if (!tree.node(id))
    throw new CliError(
      `--at: there is no branch "${id}" (have: ${tree
        .nodes()
        .map(n => n.id)
        .join(', ')})`,
    );
  const name = id === TRUNK_ID ? 'history' : `branch ${id}`;
  if (datePart === undefined) return { line: tree.line(id), what: `${name} (its end)` };
  const day = datePart === 'start' ? -Infinity : dayOf(datePart);
  const p = tree.pointAtDay(id, day);
  const s = tree.stateAt(p);
  return { line: tree.line(id, p.at), what: `${name} at ${longDate(compile(sc).days[s.turn]!)}` };
}

/**
 * --branch EVENT.OPTION: a new branch of the stored tree taking OPTION at the first decision of
 * EVENT on `from`'s path (history, or a stored branch), stored for the browser and later runs.
 */
export function makeBranch(sc: Scenario, spec: string, from: string | undefined, storeDir: string): Start & { id: string } {
  const [event = '', option = ''] = spec.split('.', 2);
  const c = compile(sc);
  const ev = c.events[c.eventIndex.get(event) ?? -1];
  if (!ev?.decision) throw new UsageError(`--branch: "${event}" is not an event with a decision in ${sc.id} (write EVENT.OPTION)`);
  const opt = ev.decision.options.find(o => o.id === option);
  if (!opt) throw new UsageError(`--branch: "${option}" is not an option of ${event} (have: ${ev.decision.options.map(o => o.id).join(', ')})`);
  const store = new TreeStore(new FileKV(storeDir));
  const loaded = store.load(sc);
  if (!loaded.ok) throw new CliError(`--branch: ${loaded.error.message}`);
  const tree = loaded.value ?? HistoryTree.create(sc);
  const node = from ?? TRUNK_ID;
  if (!tree.node(node))
    throw new UsageError(
      `--branch: --at must name history or a stored branch (have: ${tree
        .nodes()
        .map(n => n.id)
        .join(', ')}), not "${node}"; the branch is made at that event's decision, so no date is needed`,
    );
  const step = tree.steps(node).find(st => st.move.type === 'decide' && st.move.event === event);
  if (!step) throw new CliError(`--branch: "${ev.title}" was never put to ${ev.decision.side} on ${node === TRUNK_ID ? 'history' : `branch ${node}`}`);
  const b = tree.branch({ node, at: step.index }, { players: { britain: 'persona', ussr: 'persona' }, moves: [{ type: 'decide', side: ev.decision.side, event, option }] });
  if (!b.ok) throw new CliError(`--branch: ${b.error}`);
  const saved = store.save(tree);
  if (!saved.ok) throw new CliError(`--branch: the tree could not be stored: ${saved.error}`);
  return { id: b.value.id, line: tree.line(b.value.id), what: `new branch ${b.value.id} (${describeDivergence(tree, b.value.id, 'all').text})` };
}

const isDate = (t: string) => /^\d{4}-\d{2}-\d{2}$/.test(t) && isoOf(dayOf(t)) === t;

function players(v: unknown): BySide<PlayerKind> {
  const kinds = ((v as string | undefined) ?? 'historical,historical').split(',').map(x => x.trim());
  if (kinds.length === 1) kinds.push(kinds[0]!);
  if (kinds.length !== 2) throw new UsageError(`--players takes two kinds, for britain and ussr in that order (one of ${PLAYER_KINDS.join(', ')}); got "${String(v)}"`);
  return { britain: playerKind(kinds[0], '--players (britain)'), ussr: playerKind(kinds[1], '--players (ussr)') };
}

export async function exploreCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = parse('explore', argv, {
    scenario: { type: 'string' },
    at: { type: 'string' },
    branch: { type: 'string' },
    games: { type: 'string' },
    players: { type: 'string' },
    workers: { type: 'string' },
    store: { type: 'string' },
    plausibility: { type: 'boolean' },
    mattered: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    out(`usage: ${USAGE.explore}`);
    return 0;
  }
  const games = positiveInt((values.games as string | undefined) ?? String(DEFAULT_GAMES), '--games');
  if (games > MAX_GAMES) throw new UsageError(`--games must be at most ${MAX_GAMES} (got ${games})`);
  const workers = positiveInt((values.workers as string | undefined) ?? String(Math.max(1, cpus().length)), '--workers');
  const ps = players(values.players);
  const at = values.at as string | undefined;
  if (at !== undefined && /^\d{4}-/.test(at) && !isDate(at)) throw new UsageError(`--at: "${at}" is not a date of the form yyyy-mm-dd`);
  const { sc } = loadScenario(required(values.scenario, '--scenario', 'explore'));
  const storeDir = (values.store as string | undefined) ?? defaultStoreDir();
  const branch = values.branch as string | undefined;
  const start = branch !== undefined ? makeBranch(sc, branch, at, storeDir) : await resolveAt(sc, at, storeDir);
  const pool = createNodePool(workers);
  const json = !!values.json;
  const progress = (done: number, total: number) => {
    if (!json && process.stderr.isTTY) process.stderr.write(`\r  ${done} of ${total} continuations…`);
  };
  try {
    const t0 = performance.now();
    const r = await explore(sc, start.line, { games, players: ps }, { pool, onProgress: progress });
    const ms = performance.now() - t0;
    if (!json && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    if (!r.ok) throw new CliError(r.error);
    const report: Record<string, unknown> = { from: start.what, ...('id' in start ? { branch: start.id } : {}), elapsedMs: Math.round(ms), workers, distribution: r.value };
    const lines = distributionLines(r.value, start.what, ms, workers);
    if (values.plausibility) {
      const p = plausibility(sc, start.line);
      report.plausibility = p;
      lines.push('', section(termWidth(), 'Plausibility of the path to this point'), ...p.explanation.map(t => `  ${t}`));
    }
    if (values.mattered) {
      const m = await matteredDecisions(sc, start.line, { players: ps }, { pool, onProgress: progress, limit: 8 });
      if (!json && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      if (!m.ok) throw new CliError(m.error);
      report.mattered = m.value;
      lines.push('', section(termWidth(), 'The decisions that mattered most (measured on common futures)'));
      lines.push(dim("  The figure: how far the choice moved the outcomes' rates against its weightiest alternative, in percentage points summed over the outcomes."));
      for (const d of m.value) lines.push(`  ${bold(`${(d.shift * 100).toFixed(0)}`.padStart(4))}  ${d.summary}`);
    }
    if (json) out(JSON.stringify(report, null, 2));
    else for (const l of lines) out(l);
    return 0;
  } finally {
    pool.dispose();
  }
}

const BAR = () => (termWidth() >= 100 ? 20 : 12);
const num = (x: number, d = 1) => x.toFixed(d);

export function distributionLines(d: Distribution, from: string, ms: number, workers: number): string[] {
  const w = termWidth();
  const out = [rule(w, `What-if explorer · ${d.scenario} v${d.scenarioVersion}`)];
  out.push(
    ...table(
      [
        [dim('From'), `${from}: ${longDate(d.from.day)}, after ${d.from.moves} moves`],
        [dim('Players'), `Britain: ${d.players.britain} · USSR: ${d.players.ussr}`],
        [dim('Games'), `${d.games} continuations, each with its own dice from this point`],
        [dim('Time'), `${(ms / 1000).toFixed(2)} s on ${workers} worker${workers === 1 ? '' : 's'} (${Math.round(d.games / (ms / 1000))} games/s)`],
      ],
      ['l', 'l'],
      2,
      '  ',
    ),
  );
  out.push('', section(w, 'Outcomes (★ = held in history)'));
  out.push(
    ...fitTable(
      d.outcomes.map(o => [o.history ? yellow('★') : ' ', o.label, pct(o.rate, 1), bar(o.rate, 0, 1, BAR())]),
      ['l', 'l', 'r', 'l'],
      1,
      w,
    ),
  );

  out.push('', section(w, 'Rupture by date (share of games with relations broken off)'));
  const months = new Map<string, { iso: string; rate: number }>();
  for (const x of d.rupture.byDate) months.set(x.iso.slice(0, 7), x); // the last turn date of each month
  const hist = d.rupture.historyDay;
  out.push(
    ...fitTable(
      [...months.values()].map(x => [
        x.iso,
        pct(x.rate, 1),
        bar(x.rate, 0, 1, BAR()),
        hist !== null && isoOf(hist).slice(0, 7) === x.iso.slice(0, 7) ? yellow(`★ history broke on ${isoOf(hist)}`) : '',
      ]),
      ['l', 'r', 'l', 'l'],
      3,
      w,
    ),
  );
  out.push(`  never broken: ${pct(d.rupture.never, 1)}`);

  out.push('', section(w, 'War danger (0-100)'));
  const wd = d.warDanger;
  out.push(
    `  peak: mean ${num(wd.peak.mean)}, 10-90% ${num(wd.peak.p10)}-${num(wd.peak.p90)}; at the end: mean ${num(wd.final.mean)} ${dim(`(history: peak ${num(wd.history.peak)}, end ${num(wd.history.final)})`)}`,
  );
  out.push(
    ...fitTable(
      wd.bands.map(b => [`peak ${b.name}`, `from ${b.from}`, pct(b.rate, 1), bar(b.rate, 0, 1, BAR())]),
      ['l', 'r', 'r', 'l'],
      0,
      w,
    ),
  );

  out.push('', section(w, 'Trade balance over the game (£ thousand, British exports less imports)'));
  const tb = d.tradeBalance.stat;
  out.push(`  mean ${num(tb.mean, 0)}, 10-90% ${num(tb.p10, 0)} to ${num(tb.p90, 0)} ${dim(`(history: ${num(d.tradeBalance.history, 0)})`)}`);

  for (const side of SIDES) {
    out.push('', section(w, `${side === 'britain' ? 'Britain' : 'USSR'}: objectives (mean achieved; ★ = history)`));
    out.push(
      ...fitTable(
        d.objectives[side].map(o => [o.label, pct(o.mean, 0), bar(o.mean, 0, 1, BAR()), yellow(`★ ${pct(o.history, 0)}`)]),
        ['l', 'r', 'l', 'l'],
        0,
        w,
      ),
    );
    const s = d.scores[side];
    out.push(`  score: mean ${num(s.mean)}, 10-90% ${num(s.p10)}-${num(s.p90)} ${dim(`(history: ${num(s.history)})`)}`);
  }
  out.push('', section(w, 'How the games ended'));
  out.push(
    ...fitTable(
      d.endReasons.map(e => [e.reason, pct(e.rate, 1)]),
      ['l', 'r'],
      0,
      w,
    ),
  );
  return out;
}
