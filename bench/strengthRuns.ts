// The cells of several `npm run strength -- --json FILE` runs joined into one table: a cell played in
// several runs (more games for it later, with `--first N`) is one cell with the seeds of all of them.
// The games are deterministic, so a seed found in two runs must have the same two scores in both:
// different scores mean the runs played different code, and such runs cannot share a table.

export interface StrengthCell {
  level: number;
  opponent: string;
  id: string;
  side: string;
  seeds: { seed: string; search: number; persona: number }[];
}

/** The runs' cells, in the order first met, each with its seeds from every run; or why they cannot be joined. */
export function joinRuns(runs: readonly { file: string; cells: readonly StrengthCell[] }[]): { ok: true; cells: StrengthCell[] } | { ok: false; error: string } {
  const byCell = new Map<string, StrengthCell>();
  for (const { file, cells } of runs)
    for (const c of cells) {
      const key = `${c.level}/${c.opponent}/${c.id}/${c.side}`;
      const had = byCell.get(key);
      if (!had) {
        byCell.set(key, { ...c, seeds: [...c.seeds] });
        continue;
      }
      for (const x of c.seeds) {
        const same = had.seeds.find(y => y.seed === x.seed);
        if (!same) had.seeds.push(x);
        else if (same.search !== x.search || same.persona !== x.persona)
          return {
            ok: false,
            error: `${file}: seed ${x.seed} of ${c.id} ${c.side} v ${c.opponent} scored ${x.search} (search) and ${x.persona} (persona) here, ${same.search} and ${same.persona} in an earlier file: runs of different code cannot share a table`,
          };
      }
    }
  return { ok: true, cells: [...byCell.values()] };
}
