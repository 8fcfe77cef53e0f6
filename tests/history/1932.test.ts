// 1932: with the historical players on both sides the Ottawa bargain, Article 21 and notice in
// October happen in most seeds, and the branch points move the odds as the sources argue.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../loadScenario';
import { historical, rate, report } from './helpers';

const sc = loadScenarioFile('1932');

describe('1932: the historical path', () => {
  const s = historical(sc, [], 1000);

  it('reproduces Ottawa, Article 21 and the October notice in most of 1000 seeds', () => {
    console.log(report('1932', s));
    expect(rate(s, 'ottawa-bargain')).toBeGreaterThan(0.8);
    expect(rate(s, 'article-21')).toBeGreaterThan(0.8);
    expect(rate(s, 'notice-october')).toBeGreaterThan(0.6);
    expect(rate(s, 'no-notice')).toBeLessThan(0.15);
    expect(s.historyReproduced.rate).toBeGreaterThan(0.5);
    expect(s.historyReproduced.rate).toBeLessThan(0.98);
  });
});

describe('1932: branches move the odds as the sources argue', () => {
  const base = historical(sc);

  it('standing on the elastic formula at Ottawa, with no pledge on timber, risks Canada walking out', () => {
    const b = historical(sc, ['timber-deadlock.elastic-only']);
    expect(rate(b, 'ottawa-bargain')).toBeLessThan(rate(base, 'ottawa-bargain') - 0.3);
    expect(rate(b, 'canada-walks-out')).toBeGreaterThan(rate(base, 'canada-walks-out') + 0.3);
  });

  it('delaying notice to keep the free traders makes an October notice unlikely', () => {
    expect(rate(historical(sc, ['free-traders-go.delay-notice']), 'notice-october')).toBeLessThan(rate(base, 'notice-october') - 0.3);
  });

  it('without the Metro-Vickers arrests there is no embargo', () => {
    expect(rate(historical(sc, ['metro-vickers.hold-off']), 'embargo')).toBeLessThan(rate(base, 'embargo') - 0.5);
  });
});
