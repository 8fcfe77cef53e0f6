// Changes of government, as a general mechanism any scenario can use: ministers who start out of
// office, appointments and dismissals, the lead passing to another minister (the player goes on as
// him), and notice clocks (days since a flag was set).
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { compile, createGame, seatView } from '../../src/engine/index';
import { validateScenario } from '../../src/scenario/load';
import { miniRaw, newsOf, Play, quiet, type RawJson } from './helpers';

/** The fixture with a Labour shadow minister out of office and an election on 16 May. */
const withElection = (labourWins: boolean) =>
  quiet(raw => {
    raw.ministers.push({
      id: 'lab',
      name: 'Labour Foreign Sec',
      short: 'Lab',
      side: 'britain',
      office: 'Foreign Secretary',
      body: 'cabinet',
      influence: 6,
      stances: { rupture: -70 },
      mood: 70,
      inOffice: false,
      motives: 'm',
      sources: ['test'],
    });
    raw.events.push({
      id: 'election',
      title: 'General election',
      kind: 'news',
      date: '1927-05-16',
      text: 't',
      sources: ['test'],
      effects: labourWins ? [{ dismiss: 'fs' }, { dismiss: 'hawk' }, { setLead: 'lab' }, { setFlag: 'labourIn' }] : [{ setFlag: 'torysHold' }],
    });
    raw.events.push({ id: 'notice-ends', title: 'The notice runs out', kind: 'news', when: { flagAge: 'labourIn', gte: 28 }, text: 't', sources: ['test'], effects: [{ setFlag: 'noticeRanOut' }] });
    raw.personas.push({ id: 'lab', side: 'britain', name: 'Labour', lead: 'lab', leanings: { rupture: -90 } });
    raw.personas[0].lead = 'fs';
  });

describe('changes of government', () => {
  it('a minister may start out of office; he does not count in cabinet until appointed', () => {
    const sc = withElection(true);
    const c = compile(sc);
    const s = createGame(sc, 'g');
    expect(s.fig[c.figIndex.get('inOffice.lab')!]).toBe(0);
    expect(s.lead.britain).toBe(c.ministers.findIndex(m => m.id === 'fs'));
  });

  it('an election can dismiss a government and hand the lead to a new minister; the player goes on as him', () => {
    const sc = withElection(true);
    const c = compile(sc);
    const g = new Play(sc, 'g');
    g.until('1927-05-16');
    const lab = c.ministers.findIndex(m => m.id === 'lab');
    expect(g.s.lead.britain).toBe(lab);
    expect(g.fig('inOffice.lab')).toBe(1);
    expect(g.fig('inOffice.fs')).toBe(0);
    expect(g.fig('inOffice.hawk')).toBe(0);
    // no resignation penalty for a change of government, and the game goes on
    expect(g.s.ended).toBeNull();
    // The lead is the minister the player plays, not the head of the government: the news says what he holds.
    const texts = newsOf(g.s).map(n => n.text);
    expect(texts).toContain("Britain's dealings with the Soviet Union are now in the hands of Labour Foreign Sec, Foreign Secretary.");
    expect(texts.some(t => /led by/.test(t))).toBe(false);
    // the view shows who leads now
    expect(seatView(c, g.s, 'britain').lead.britain).toBe(lab);
    // with the hawk gone, a break has less support in cabinet
    const r = g.try({ type: 'orders', side: 'britain', orders: [] });
    expect(r.ok).toBe(true);
  });

  it("the new lead's resignation ends the game, as the first lead's would", () => {
    const sc = quiet(raw => {
      raw.ministers.push({
        id: 'lab',
        name: 'Labour Foreign Sec',
        side: 'britain',
        office: 'Foreign Secretary',
        body: 'cabinet',
        influence: 6,
        stances: {},
        mood: 70,
        inOffice: false,
        motives: 'm',
        sources: ['test'],
      });
      raw.events.push({ id: 'election', title: 'Election', kind: 'news', date: '1927-05-12', text: 't', sources: ['test'], effects: [{ setLead: 'lab' }, { resign: 'lab' }] });
    });
    const g = new Play(sc, 'g');
    g.until('1927-05-12');
    expect(g.s.ended?.reason).toBe('Labour Foreign Sec resigned');
  });

  it('a notice clock: flagAge holds only once the flag is old enough', () => {
    const sc = withElection(true);
    const c = compile(sc);
    const g = new Play(sc, 'g');
    g.until('1927-05-30'); // 14 days after the election
    expect(g.s.fired[c.eventIndex.get('notice-ends')!]).toBe(-1);
    g.until('1927-06-13'); // 28 days after
    expect(g.s.fired[c.eventIndex.get('notice-ends')!]).toBeGreaterThan(0);
  });

  it('conditions can ask who leads and who is in office', () => {
    const sc = withElection(true);
    const r = validateScenario(
      { ...JSON.parse(JSON.stringify(sc)), history: { ...sc.history, outcomes: [{ id: 'x', label: 'x', when: { all: [{ lead: 'lab' }, { inOffice: 'lab' }, { not: { inOffice: 'fs' } }] } }] } },
      'x.json',
    );
    if (!r.ok) throw new Error(r.error);
    const labourGovernment = compile(r.value).outcomes[0]!.when;
    const g = new Play(r.value, 'g');
    expect(labourGovernment(g.s)).toBe(false);
    g.until('1927-05-16');
    expect(labourGovernment(g.s)).toBe(true);
  });

  it('the computer plays the persona of whoever leads now', () => {
    const sc = withElection(true);
    const p = makePlayer('persona', sc, 'britain');
    expect(p.kind).toBe('persona:fs|lab');
    // A whole game runs through the change of government without an illegal move.
    const { state } = runGame(sc, createGame(sc, 'pg'), { britain: p, ussr: makePlayer('persona', sc, 'ussr') });
    expect(state.ended?.reason).toBe('the scenario reaches its end date');
    expect(compile(sc).ministers[state.lead.britain]!.id).toBe('lab');
  });

  it('bad references are refused at load, naming the field', () => {
    const bad = (edit: (raw: RawJson) => void) => {
      const raw = miniRaw();
      edit(raw);
      const r = validateScenario(raw, 'bad.json');
      return r.ok ? 'accepted' : r.error;
    };
    expect(
      bad(r => {
        r.events[0].decision.options[0].effects.push({ setLead: 'nobody' });
      }),
    ).toBe('bad.json: events[0].decision.options[0].effects[1].setLead: unknown minister "nobody"');
    expect(
      bad(r => {
        r.ministers[0].inOffice = false;
      }),
    ).toBe('bad.json: sides.britain.lead: "fs" starts out of office');
    expect(
      bad(r => {
        r.personas[0].lead = 'dc';
      }),
    ).toBe('bad.json: personas[0].lead: "dc" is not on the britain side');
    expect(
      bad(r => {
        r.events[1].when = { flagAge: 'neverSet', gte: 3 };
      }),
    ).toBe('bad.json: events[1].when.flagAge: flag "neverSet" is tested but never set by any effect');
  });
});
