// A tiny tournament: the table's figures hang together (agreements within games, every agreement
// measured, an agreement never nearer the Nash point than the frontier, the printed rates those
// counted), and the tactics behave as their names say: two Hardliners agree less than two Conceders.
import { describe, expect, it } from 'vitest';
import { formatTournament, runTournament } from '../../src/ai/tournament';
import { loadScenarioFile } from '../loadScenario';

describe('a tiny tournament', () => {
  const r = runTournament({ scenarios: [loadScenarioFile('1932')], kinds: ['conceder', 'hardliner'], games: 12, rollouts: 1, seed: 'tiny' });
  const pairing = (b: string, u: string) => r.pairings.find(p => p.britain === b && p.ussr === u)!;

  it('plays every pairing, each kind on both sides, the planned number of games', () => {
    expect(r.pairings.map(p => `${p.britain}/${p.ussr}`).sort()).toEqual(['conceder/conceder', 'conceder/hardliner', 'hardliner/conceder', 'hardliner/hardliner']);
    expect(r.games).toBe(r.planned);
    for (const p of r.pairings) expect(p.games).toBe(12);
  });

  it("keeps every pairing's figures consistent", () => {
    for (const p of r.pairings) {
      expect(p.agreements).toBeLessThanOrEqual(p.games);
      expect(p.possibleAgreed).toBeLessThanOrEqual(Math.min(p.possible, p.agreements));
      expect(p.won.britain).toBeLessThanOrEqual(p.games);
      expect(p.frontier).toHaveLength(p.agreements);
      for (const d of p.frontier) expect(d).toBeGreaterThanOrEqual(0);
      // The Nash point is on the frontier, so no agreement lies nearer to it than to the frontier.
      if (p.nash.length === p.frontier.length) p.frontier.forEach((d, k) => expect(d).toBeLessThanOrEqual(p.nash[k]! + 1e-9));
      for (const s of [p.score.britain, p.score.ussr]) expect(s / p.games).toBeGreaterThanOrEqual(0);
    }
  });

  it('two Hardliners agree less often than two Conceders', () => {
    expect(pairing('hardliner', 'hardliner').agreements).toBeLessThan(pairing('conceder', 'conceder').agreements);
  });

  it('prints the rates it counted', () => {
    const table = formatTournament(r);
    const cc = pairing('conceder', 'conceder');
    const row = table.split('\n').find(l => /^1932\s+conceder\s+conceder\s/.test(l))!;
    expect(row).toContain(`${Math.round((100 * cc.agreements) / cc.games)}%`);
    expect(row).toContain((cc.score.britain / cc.games).toFixed(1));
    expect(table).toContain(`${r.games} of ${r.planned} games`);
    // An agreement can have a distance to the frontier and none to the Nash point: the legend says why.
    expect(table).toMatch(/to Nash counts the agreements made when some package still left both sides better off.*"-" where there were none/);
  });

  it('stops starting games when its time budget runs out', () => {
    const cut = runTournament({ scenarios: [loadScenarioFile('1932')], kinds: ['persona', 'random'], games: 50, budgetMs: 1, rollouts: 1 });
    expect(cut.games).toBeLessThan(cut.planned);
    expect(formatTournament(cut)).toContain(`${cut.games} of ${cut.planned} games`);
  });
});
