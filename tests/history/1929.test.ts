// 1929: with the historical players on both sides Labour wins, the protocol is signed, the
// Commons approves, ambassadors are exchanged and the 1930 agreement follows, in most seeds; the
// branch points move the odds as the sources argue.
import { describe, expect, it } from 'vitest';
import { historicalPlayer, runGame } from '../../src/ai/index';
import { compile, createGame } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { historical, rate, report } from './helpers';

const sc = loadScenarioFile('1929');

describe('1929: the historical path', () => {
  const s = historical(sc, [], 1000);

  it('reproduces the renewal of relations in most of 1000 seeds', () => {
    console.log(report('1929', s));
    expect(rate(s, 'labour-wins')).toBeGreaterThan(0.75);
    expect(rate(s, 'protocol')).toBeGreaterThan(0.7);
    expect(rate(s, 'ambassadors')).toBeGreaterThan(0.7);
    expect(rate(s, 'tca')).toBeGreaterThan(0.65);
    expect(rate(s, 'tories-hold')).toBeGreaterThan(0.05); // the election is a real branch point
    expect(s.historyReproduced.rate).toBeGreaterThan(0.5);
    expect(s.historyReproduced.rate).toBeLessThan(0.98);
  });

  it('the British player goes on as Henderson after a Labour victory', () => {
    const c = compile(sc);
    const { state } = runGame(sc, createGame(sc, 'history-test-0'), { britain: historicalPlayer, ussr: historicalPlayer }, false);
    const lead = c.ministers[state.lead.britain]!;
    if (c.outcomes.find(o => o.id === 'labour-wins')!.when(state)) expect(lead.id).toBe('henderson');
    else expect(lead.id).toBe('austen-chamberlain');
  });
});

describe('1929: branches move the odds as the sources argue', () => {
  const base = historical(sc);

  it('a Soviet refusal of the propaganda pledge on 1 October puts the protocol and ambassadors in doubt', () => {
    const b = historical(sc, ['final-offer-answer.refuse-pledge']);
    expect(rate(b, 'protocol')).toBeLessThan(rate(base, 'protocol') - 0.2);
    expect(rate(b, 'ambassadors')).toBeLessThan(rate(base, 'ambassadors') - 0.2);
  });

  it('a Cabinet mandate of settlement first delays the protocol', () => {
    expect(rate(historical(sc, ['cabinet-mandate.settlement']), 'late-protocol')).toBeGreaterThan(rate(base, 'late-protocol') + 0.15);
  });

  it('campaigning on talks with Moscow does Labour no good at the polls', () => {
    expect(rate(historical(sc, ['campaign-line.promise-talks']), 'labour-wins')).toBeLessThan(rate(base, 'labour-wins'));
  });
});
