// Each side's opening holds only what its public press or its own papers would have: the 1927
// opening news printed Rosengolts's cable (intercepted, and published only after the raid) and the
// balance inside the British Cabinet in both papers; 1929's and 1932's spoke of the Cabinet's mind
// and its committees to Moscow. The public openings keep to public facts; each side's own knowledge
// is an event of its own (privateTo), fired with the opening at the start.
import { describe, expect, it } from 'vitest';
import { type Compiled, compile, createGame, type GameState, seatView } from '../../src/engine/index';
import type { Side } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

/** What a side reads at the start: the titles and texts of the events it has seen fire, and its news. */
function readBy(c: Compiled, s: GameState, side: Side): string {
  const v = seatView(c, s, side);
  return [...c.events.filter(e => v.fired[e.i]! >= 0).map(e => `${e.title}\n${e.text}`), ...v.news.map(n => n.text)].join('\n');
}

const start = (id: string) => {
  const c = compile(loadScenarioFile(id));
  return { c, s: createGame(c.sc, `opening-${id}`), ev: (eid: string) => c.events[c.eventIndex.get(eid)!]! };
};

describe('the openings', () => {
  it('1927: Moscow reads its chargé’s cable and London does not; London reads its Cabinet’s balance and Moscow does not', () => {
    const { c, s, ev } = start('1927');
    const opening = ev('opening');
    expect(opening.text).not.toMatch(/Rosengolts|Embassy|Birkenhead/);
    const cable = ev('opening-cable'),
      cabinet = ev('opening-cabinet');
    expect(cable.privateTo).toBe('ussr');
    expect(cable.text).toMatch(/chargé d'affaires in London, Rosengolts/);
    expect(cabinet.privateTo).toBe('britain');
    expect(s.fired[cable.i]).toBe(s.fired[opening.i]);
    expect(s.fired[cabinet.i]).toBe(s.fired[opening.i]);
    const britain = readBy(c, s, 'britain'),
      ussr = readBy(c, s, 'ussr');
    expect(britain).toContain(opening.text);
    expect(ussr).toContain(opening.text);
    expect(ussr).toContain(cable.text);
    expect(britain).not.toContain('Rosengolts');
    expect(britain).toContain(cabinet.text);
    expect(ussr).not.toMatch(/Joynson-Hicks, Churchill and Birkenhead/);
  });

  it('1929: the opening both sides read gives the Government’s public line, not the Cabinet’s mind', () => {
    const { c, s, ev } = start('1929');
    expect(ev('opening').text).not.toMatch(/most of the Cabinet|Foreign Office expects/);
    expect(readBy(c, s, 'ussr')).not.toMatch(/most of the Cabinet would rather/);
  });

  it('1932: the balance-of-trade committee is Britain’s to read', () => {
    const { c, s, ev } = start('1932');
    expect(ev('opening').text).not.toMatch(/committee/i);
    const committee = ev('opening-committee');
    expect(committee.privateTo).toBe('britain');
    expect(s.fired[committee.i]).toBe(s.fired[ev('opening').i]);
    expect(readBy(c, s, 'britain')).toContain(committee.text);
    expect(readBy(c, s, 'ussr')).not.toMatch(/committee/i);
  });
});
