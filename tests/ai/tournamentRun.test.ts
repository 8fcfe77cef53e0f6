// The tournament on several worker processes and from a results file: the table is the serial
// run's to the last digit (a small field with a search player and agreements on both sides) (parallel, and stopped half-way then resumed, with a half-written last
// line), and a results file from other code, other options or no tournament at all is refused with
// the reason and left untouched.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTournament, runTournament, type TournamentOptions } from '../../src/ai/tournament';
import { resultsHeader } from '../../src/ai/tournamentFile';
import { runTournamentOnCores } from '../../src/ai/tournamentRun';
import { loadScenarioFile } from '../loadScenario';

const field: TournamentOptions = { scenarios: [loadScenarioFile('1932')], kinds: ['negotiator', 'search:1'], games: 1, rollouts: 1, seed: 'cores' };
/** The table without its first line (which gives the times). */
const body = (t: string) => t.split('\n').slice(1).join('\n');
const dir = mkdtempSync(join(tmpdir(), 'tournament-'));

describe('the tournament on worker processes', () => {
  const serial = runTournament(field);

  it('gives the serial table, to the last digit', async () => {
    const par = await runTournamentOnCores({ ...field, workers: 2 });
    expect(par.workers).toBe(2);
    expect(par.games).toBe(4);
    expect(serial.pairings.some(p => p.agreements > 0)).toBe(true);
    expect(par.pairings).toEqual(serial.pairings);
    expect(body(formatTournament(par))).toBe(body(formatTournament(serial)));
  }, 120_000);

  it('goes on from a results file cut off mid-run, playing only what it lacks', async () => {
    const file = join(dir, 'resume.jsonl');
    await runTournamentOnCores({ ...field, workers: 2, results: file });
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(1 + 4 + 1);
    // Keep the header and two games, and half of the third as a killed run would leave it.
    writeFileSync(file, `${lines.slice(0, 3).join('\n')}\n${lines[3]!.slice(0, 40)}`);
    const again = await runTournamentOnCores({ ...field, workers: 2, results: file });
    expect(again.resumed).toBe(2);
    expect(again.games).toBe(4);
    expect(again.pairings).toEqual(serial.pairings);
    const after = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(after).toHaveLength(1 + 4);
    for (const l of after) JSON.parse(l);
    // A third run finds every game there and plays none.
    const third = await runTournamentOnCores({ ...field, workers: 2, results: file });
    expect(third.resumed).toBe(4);
    expect(third.pairings).toEqual(serial.pairings);
  }, 120_000);

  it('refuses a results file from other code, other options or no tournament, and leaves it as it was', async () => {
    const refused = async (name: string, text: string, o: TournamentOptions = field) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      const error = await runTournamentOnCores({ ...o, workers: 1, results: file }).then(
        () => '',
        (e: Error) => e.message,
      );
      expect(readFileSync(file, 'utf8')).toBe(text);
      return error;
    };
    const h = resultsHeader(field);
    expect(await refused('code.jsonl', `${JSON.stringify({ ...h, code: 'feedfacefeedface' })}\n`)).toMatch(/another version of the code \(source hash feedfacefeedface/);
    expect(await refused('games.jsonl', `${JSON.stringify(h)}\n`, { ...field, games: 3 })).toMatch(/other options: --games 1 \(this run: 3\)/);
    expect(await refused('seed.jsonl', `${JSON.stringify(h)}\n`, { ...field, seed: 'other' })).toMatch(/--seed cores \(this run: other\)/);
    expect(await refused('other.jsonl', '{"moves": []}\n')).toMatch(/is not a tournament results file/);
    expect(await refused('record.jsonl', `${JSON.stringify(h)}\n{"scenario":"1932","britain":"persona"}\n`)).toMatch(/line 2: not a game record/);
  });
});
