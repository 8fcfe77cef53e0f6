// npm run strength:table -- FILE.json [FILE.json ...]
// The strength table of one or more `npm run strength -- --json FILE` runs read back (a grid is
// often played as several runs, a scenario or a seat each, side by side): per cell, the mean lead
// of the search player over the persona with its standard error, the paired win rate with its 95%
// interval and each seed's difference, then the cells that meet issue 11's target, those short of
// it within the games' intervals, and those short beyond them (pairedStats.ts); and the persona's own
// mean score, which says how much room a lead has below 100. A cell found in two
// files is shown twice: each run's games are its own.
import { readFileSync } from 'node:fs';
import { bySeed, type CellStats, cellStats, describeCell, verdictLines } from './pairedStats';

interface Cell {
  level: number;
  opponent: string;
  id: string;
  side: string;
  seeds: { seed: string; search: number; persona: number }[];
}

const files = process.argv.slice(2).filter(a => a !== '--');
if (!files.length) {
  console.error('usage: npm run strength:table -- FILE.json [FILE.json ...] (files written by npm run strength -- --json FILE)');
  process.exit(2);
}
const verdicts: { name: string; stats: CellStats }[] = [];
for (const f of files) {
  let cells: Cell[];
  try {
    cells = (JSON.parse(readFileSync(f, 'utf8')) as { cells: Cell[] }).cells;
    if (!Array.isArray(cells)) throw new Error('it has no list of cells');
  } catch (e) {
    console.error(`${f}: not a strength run's --json file: ${(e as Error).message}`);
    process.exit(1);
  }
  console.log(`${f}: ${cells.length} cells`);
  for (const c of cells) {
    const diffs = c.seeds.map(s => s.search - s.persona);
    const stats = cellStats(diffs);
    const name = `${c.id} ${c.side} v ${c.opponent}${c.level === 4 ? '' : ` (search:${c.level})`}`;
    verdicts.push({ name, stats });
    // The persona's own mean: where it averages 90, a lead of 5 needs the search player to average 95 of a possible 100.
    const persona = c.seeds.reduce((t, s) => t + s.persona, 0) / (c.seeds.length || 1);
    console.log(`  ${name.padEnd(30)} ${describeCell(stats)}, ${stats.games} games, the persona's mean ${persona.toFixed(1)}  (by seed: ${bySeed(diffs)})`);
  }
}
for (const line of verdictLines(verdicts)) console.log(line);
