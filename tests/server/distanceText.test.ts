// The console's distance from history: a group a fraction of a per cent off history's path must not
// read "0%", which is the historical path itself; and the server keeps enough places to tell.
import { describe, expect, it } from 'vitest';
import { distanceBar, distancePercent } from '../../src/class/distanceText';
import { compile, createGame } from '../../src/engine/index';
import { distanceFromHistory } from '../../src/server/history';
import { withFigs } from '../engine/helpers';
import { loadScenarioFile } from '../loadScenario';

describe('the distance from history on the console', () => {
  it.each([
    [0, '0%', 0],
    [0.0004, 'under 0.1%', 1],
    [0.0034, '0.3%', 1],
    [0.042, '4.2%', 4],
    [0.1, '10%', 10],
    [0.537, '54%', 54],
  ])('%s reads %s, with a bar %i wide', (d, text, bar) => {
    expect(distancePercent(d)).toBe(text);
    expect(distanceBar(d)).toBe(bar);
  });

  it('is kept to a fraction of a per cent by the server: one figure a little off history is not 0', () => {
    const sc = loadScenarioFile('1927');
    const c = compile(sc);
    const s = createGame(sc, 'distance');
    const on = distanceFromHistory(sc, 'G1', s, 0);
    const k = c.figs.findIndex(f => f.id === 'standing.britain');
    const off = distanceFromHistory(sc, 'G1', withFigs(c, s, { 'standing.britain': s.fig[k]! + 2 }), 0);
    expect(off.distance).toBeGreaterThan(on.distance);
    expect(distancePercent(off.distance)).not.toBe(distancePercent(on.distance));
  });
});
