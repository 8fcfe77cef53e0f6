// 1932: with the historical players on both sides the Ottawa bargain, Article 21 and notice in
// October happen in most seeds, and the branch points move the odds as the sources argue.
import { describe, expect, it } from 'vitest';
import { historicalPlayer, parseBranches, simulate, withBranches, type SimStats } from '../../src/ai/index';
import { loadScenarioFile } from '../load1927';

const sc = loadScenarioFile('1932');

function run(branches: string[] = [], games = 300): SimStats {
  const p = withBranches(historicalPlayer, parseBranches(sc, branches));
  return simulate(sc, { britain: p, ussr: p }, games, 'history-test');
}
const rate = (s: SimStats, id: string) => s.outcomes.find(o => o.id === id)!.rate;

describe('1932: the historical path', () => {
  const s = run([], 1000);

  it('reproduces Ottawa, Article 21 and the October notice in most of 1000 seeds', () => {
    console.log(`1932, historical players, 1000 seeds:\n${s.outcomes.map(o => `${o.historical ? '*' : ' '} ${o.label}: ${(o.rate * 100).toFixed(1)}%`).join('\n')}\nevery * outcome together: ${(s.historyReproduced.rate * 100).toFixed(1)}%`);
    expect(rate(s, 'ottawa-bargain')).toBeGreaterThan(0.8);
    expect(rate(s, 'article-21')).toBeGreaterThan(0.8);
    expect(rate(s, 'notice-october')).toBeGreaterThan(0.6);
    expect(rate(s, 'no-notice')).toBeLessThan(0.15);
    expect(s.historyReproduced.rate).toBeGreaterThan(0.5);
    expect(s.historyReproduced.rate).toBeLessThan(0.98);
  });
});

describe('1932: branches move the odds as the sources argue', () => {
  const base = run();

  it('standing on the elastic formula at Ottawa, with no pledge on timber, risks Canada walking out', () => {
    const b = run(['timber-deadlock.elastic-only']);
    expect(rate(b, 'ottawa-bargain')).toBeLessThan(rate(base, 'ottawa-bargain') - 0.3);
    expect(rate(b, 'canada-walks-out')).toBeGreaterThan(rate(base, 'canada-walks-out') + 0.3);
  });

  it('delaying notice to keep the free traders makes an October notice unlikely', () => {
    expect(rate(run(['free-traders-go.delay-notice']), 'notice-october')).toBeLessThan(rate(base, 'notice-october') - 0.3);
  });

  it('without the Metro-Vickers arrests there is no embargo', () => {
    expect(rate(run(['metro-vickers.hold-off']), 'embargo')).toBeLessThan(rate(base, 'embargo') - 0.5);
  });
});
