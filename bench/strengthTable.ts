// npm run strength:table -- FILE.json [FILE.json ...]
// The strength table of one or more `npm run strength -- --json FILE` runs read back (a grid is
// often played as several runs, a scenario or a seat each, side by side): per cell, the mean lead
// of the search player over the persona with its standard error, the paired win rate with its 95%
// interval and each seed's difference, then the cells that meet issue 11's target, those short of
// it within the games' intervals, and those short beyond them (pairedStats.ts); and the persona's own
// mean score, which says how much room a lead has below 100. A cell found in several files (more
// games played for it later, `npm run strength -- --first 24`) is shown once with the seeds of all
// of them; a seed in two files must have the same two scores there (the games are deterministic:
// different scores mean different code), or the table is refused.
import { readFileSync } from 'node:fs';
import { bySeed, type CellStats, cellStats, describeCell, verdictLines } from './pairedStats';
import { joinRuns, type StrengthCell } from './strengthRuns';

const files = process.argv.slice(2).filter(a => a !== '--');
if (!files.length) {
  console.error('usage: npm run strength:table -- FILE.json [FILE.json ...] (files written by npm run strength -- --json FILE)');
  process.exit(2);
}
const runs: { file: string; cells: StrengthCell[] }[] = [];
for (const f of files) {
  try {
    const cells = (JSON.parse(readFileSync(f, 'utf8')) as { cells: StrengthCell[] }).cells;
    if (!Array.isArray(cells)) throw new Error('it has no list of cells');
    runs.push({ file: f, cells });
  } catch (e) {
    console.error(`${f}: not a strength run's --json file: ${(e as Error).message}`);
    process.exit(1);
  }
  console.log(`${f}: ${runs.at(-1)!.cells.length} cells`);
}
const joined = joinRuns(runs);
if (!joined.ok) {
  console.error(joined.error);
  process.exit(1);
}
const verdicts: { name: string; stats: CellStats }[] = [];
for (const c of joined.cells) {
  const diffs = c.seeds.map(s => s.search - s.persona);
  const stats = cellStats(diffs);
  const name = `${c.id} ${c.side} v ${c.opponent}${c.level === 4 ? '' : ` (search:${c.level})`}`;
  verdicts.push({ name, stats });
  // The persona's own mean: where it averages 90, a lead of 5 needs the search player to average 95 of a possible 100.
  const persona = c.seeds.reduce((t, s) => t + s.persona, 0) / (c.seeds.length || 1);
  console.log(`  ${name.padEnd(30)} ${describeCell(stats)}, ${stats.games} games, the persona's mean ${persona.toFixed(1)}  (by seed: ${bySeed(diffs)})`);
}
for (const line of verdictLines(verdicts)) console.log(line);
