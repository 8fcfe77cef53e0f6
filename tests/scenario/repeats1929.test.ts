// 1929's events that told of an act history's player takes by an order (the promise to the
// Dominions, the Comintern's attack on Labour, Litvinov's disclaimer, the orders placed, Bron's
// soundings, Moscow's alarm, the warning to Sokolnikov) no longer carry that order's effects: on
// history's course each effect counts once, under the order; where the order is never given, the
// news does not claim the act.
import { describe, expect, it } from 'vitest';
import { historicalBaseline } from '../../src/ai/baseline';
import { makePlayer, type Player, runGame } from '../../src/ai/index';
import { compile, createGame, type GameState, isoOf, seatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { historicalWithout, ledgerOf, newsOf } from './orderReports';

const sc = loadScenarioFile('1929');
const c = compile(sc);
const evi = (id: string) => c.eventIndex.get(id)!;
const ev = (id: string) => c.events[evi(id)]!;

const without = (side: 'britain' | 'ussr', never: readonly string[]) => historicalWithout(sc, side, never);

function play(britain: Player, ussr: Player): GameState {
  return runGame(sc, createGame(sc, historicalBaseline(sc).seed, { record: true }), { britain, ussr }, true).state;
}
const newsFrom = (s: GameState, cause: string): string[] =>
  newsOf(s)
    .filter(n => n.cause === cause)
    .map(n => n.text);

/** [the event's or option's cause, the order that carries the act, the figures both moved before]. */
const REPEATS: [string, string, string[]][] = [
  ['event:dominions-promise', 'consult-dominions', ['align.dominions', 'align.india']],
  ['option:cabinet-21-june.preliminaries', 'consult-dominions', ['align.dominions']],
  ['event:tenth-plenum', 'unleash-comintern', ['cominternMilitancy', 'propaganda', 'pressure.diehards']],
  ['option:macdonald-formula.leak', 'use-go-betweens', ['intel.ussr']],
  ['event:protocol-aftermath', 'place-orders', ['trade.diversion', 'pressure.industrialists']],
  ['event:litvinov-cec', 'disclaim-comintern', ['pledgeGap', 'pressure.diehards']],
  ['option:daily-worker.protest', 'disclaim-comintern', ['pledgeGap']],
  ['event:mikoyan-machinery', 'place-orders', ['trade.diversion', 'pressure.industrialists']],
  ['option:moscow-fright.lie-low', 'show-alarm', ['pressure.diehards', 'standing.ussr']],
  ['event:bron-arrives', 'ask-longer-credits', ['stance.thomas.trade', 'stance.mosley.trade', 'pressure.industrialists']],
];

describe('1929: events do not repeat the orders history gives', () => {
  const hist = play(makePlayer('historical', sc, 'britain'), makePlayer('historical', sc, 'ussr'));
  const led = ledgerOf(hist);

  it.each(REPEATS)('%s: on history’s course the effect is the order’s (%s), once', (cause, order, figs) => {
    const [kind, id] = cause.split(':') as [string, string];
    if (kind === 'event') expect(hist.fired[evi(id)]).toBeGreaterThanOrEqual(0);
    else expect(hist.chosen[evi(id.split('.')[0]!)]).toBe(ev(id.split('.')[0]!).decision!.options.findIndex(o => o.id === id.split('.')[1]));
    expect(hist.taken[c.actionIndex.get(order)!]).toBeGreaterThanOrEqual(0);
    for (const f of figs) {
      const k = c.figIndex.get(f)!;
      expect(led.filter(e => e.cause === cause && e.fig === k && e.delta !== 0)).toEqual([]);
      expect(led.some(e => e.cause === `action:${order}` && e.fig === k && e.delta !== 0)).toBe(true);
    }
  });

  it('the promise, the speech and the warning are told only after the order', () => {
    // History's orders: the promise on the turn of 13 May, the speech on that of 5 December; the news on the next turn.
    expect(isoOf(hist.fired[evi('dominions-promise')]!)).toBe('1929-05-23');
    expect(isoOf(hist.fired[evi('litvinov-cec')]!)).toBe('1929-12-20');
    expect(hist.fired[evi('sankey')]).toBeGreaterThanOrEqual(0);
    expect(newsFrom(hist, 'event:sankey').join('\n')).toContain('You have warned the Soviet ambassador');
  });

  it('where the orders are never given, nothing claims them', () => {
    const s = play(without('britain', ['consult-dominions', 'protest-propaganda']), without('ussr', ['disclaim-comintern', 'unleash-comintern', 'show-alarm']));
    expect(s.fired[evi('dominions-promise')]).toBe(-1);
    expect(s.fired[evi('litvinov-cec')]).toBe(-1);
    // No consultation, no answers to it.
    expect(hist.fired[evi('dominion-replies')]).toBeGreaterThanOrEqual(0);
    expect(s.fired[evi('dominion-replies')]).toBe(-1);
    expect(s.fired[evi('sankey')]).toBeGreaterThanOrEqual(0);
    expect(`${ev('sankey').text}\n${newsFrom(s, 'event:sankey').join('\n')}`).not.toMatch(/warned/);
    // Texts both sides read before the order is given (or whatever it is) claim nothing of it.
    expect(ev('tenth-plenum').text).not.toMatch(/Labour|Kuusinen/);
    expect(ev('moscow-fright').text).not.toMatch(/worried|perturbed/);
    expect(ev('bron-arrives').text).not.toMatch(/Thomas|Mosley/);
    expect(ev('protocol-aftermath').text).not.toMatch(/start placing/);
    // The Committee of Imperial Defence's plan is its own, promise or none: Britain's papers alone.
    const cid = evi('cid-afghan-plan');
    expect(s.fired[cid]).toBeGreaterThanOrEqual(0);
    expect(seatView(c, s, 'ussr').fired[cid]).toBe(-1);
  });
});
