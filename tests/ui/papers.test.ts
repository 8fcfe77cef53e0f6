// Which paper prints a story: a side's own press for its own and third countries' news, the other
// capital's press as its agency digests it; never the other capital's talk under one's own masthead.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/index';
import { paperFor, placeLine, runsInColumns } from '../../src/ui/dom/papers';
import { wireHead } from '../../src/ui/dom/reports';
import { loadScenarioFile } from '../loadScenario';

describe('paperFor', () => {
  it('gives the Soviet reader London stories as a TASS digest of the London press, Moscow stories under Pravda', () => {
    expect(paperFor('ussr', 'london').masthead).toBe('TASS · THE LONDON PRESS');
    expect(paperFor('ussr', 'moscow').masthead).toMatch(/ПРАВДА/);
    expect(paperFor('ussr', 'geneva')).toBe(paperFor('ussr', 'moscow'));
  });
  it("gives the British reader Moscow stories as Reuters' digest of the Moscow press, not as the Dispatch's own", () => {
    expect(paperFor('britain', 'moscow').masthead).toBe('REUTER · THE MOSCOW PRESS');
    expect(paperFor('britain', 'london').masthead).toBe('THE MORNING DISPATCH');
    expect(paperFor('britain', null)).toBe(paperFor('britain', 'london'));
  });
  it('datelines a story with its place only where the paper is printed elsewhere', () => {
    expect(placeLine(paperFor('britain', 'geneva'), 'geneva')).toBe('GENEVA');
    expect(placeLine(paperFor('britain', 'london'), 'london')).toBeNull();
    expect(placeLine(paperFor('ussr', 'london'), 'london')).toBeNull();
    expect(placeLine(paperFor('ussr', null), null)).toBeNull();
  });
});

describe('wireHead', () => {
  it('heads a Cabinet or Politburo paper as a minute, not a telegram, and a despatch as a telegram', () => {
    const c = compile(loadScenarioFile('1932'));
    const kind = (id: string) => c.events[c.eventIndex.get(id)!]!;
    expect(kind('opening-committee').kind).toBe('cabinet');
    expect(wireHead(kind('opening-committee'))).toEqual({ head: 'MINUTE', label: 'Minute' });
    const telegram = c.events.find(e => e.kind === 'telegram')!;
    expect(wireHead(telegram).head).toBe('TELEGRAM');
  });
});

// A paper's only story is set in two columns; a story of two or three lines split so left a word
// alone in the second ("MacDonald is back", 18 April 1932: "credit."). Short ones take one column.
describe('runsInColumns', () => {
  const c = compile(loadScenarioFile('1932'));
  const text = (id: string) => c.events.find(e => e.id === id)!.text;
  it('sets a two-line story in one column, and a long one in two', () => {
    expect(runsInColumns(text('macdonald-returns'))).toBe(false);
    expect(runsInColumns(text('famine-spring'))).toBe(true);
  });
});
