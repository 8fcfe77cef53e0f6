// What every front end makes of a turn's news: headlines apart, in the engine's order; the ordinary
// report judged new only if it holds a line the person has neither seen nor just done.
import { describe, expect, it } from 'vitest';
import { detailParts, headlineOf, headlineSpeech, isEcho, planReports, reportsSpeech, seenKey } from '../../src/app/headlines';
import { compile, type NewsItem } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const c = compile(loadScenarioFile('1927'));
const day = c.days[3]!;
const echo: NewsItem = { day, text: 'Britain: Brief the press on Soviet misconduct.', cause: 'action:brief-press' };
const theirs: NewsItem = { day, text: 'Soviet Union: Dangle orders before Italy.', cause: 'action:court-italy' };
const broken: NewsItem = { day, text: 'Relations: relations broken off.', cause: 'action:break-relations', headline: 'relations' };
const forced: NewsItem = { day, text: 'Die-hards forces "Break off relations" onto the agenda.', cause: 'rule:agenda', side: 'britain', headline: 'agenda', detail: 'No order put it there.' };

describe('planReports', () => {
  it('puts headlines apart, in order, and keeps the rest for the report', () => {
    const p = planReports(c, [forced, echo, broken, theirs], 'britain', new Set());
    expect(p.headlines.map(x => x.kind)).toEqual(['agenda', 'relations']);
    expect(p.headlines[0]!.kicker).toBe('Forced onto the agenda');
    // A change of relations says the new state alone, in big type; other headlines keep the engine's line.
    expect(p.headlines[1]!.text).toBe('Relations broken off.');
    expect(p.headlines[0]!.text).toBe(forced.text);
    expect(p.rest).toEqual([echo, theirs]);
    expect(p.reportIsNew).toBe(true);
  });

  it("a report that only echoes the seat's own move, or repeats what was shown, is not new", () => {
    expect(isEcho(c, echo, 'britain')).toBe(true);
    expect(isEcho(c, echo, 'ussr')).toBe(false);
    expect(isEcho(c, theirs, 'britain')).toBe(false);
    expect(planReports(c, [echo, broken], 'britain', new Set()).reportIsNew).toBe(false);
    expect(planReports(c, [theirs], 'britain', new Set([seenKey(theirs)])).reportIsNew).toBe(false);
    // a cabinet's vote on the seat's own order is news: it could have gone either way
    expect(planReports(c, [{ day, text: 'The Cabinet rejects: Break off relations.', cause: 'action:break-relations', side: 'britain' }], 'britain', new Set()).reportIsNew).toBe(true);
  });

  it("the game's end is left to the end screen: no headline or report of its own, but the last turn's other headlines stay", () => {
    const end: NewsItem = { day, text: 'The game ends: the scenario is over.', cause: 'rule:end', headline: 'game-end' };
    const last = planReports(c, [broken, theirs, end], 'britain', new Set());
    expect(last.headlines.map(x => x.kind)).toEqual(['relations']);
    expect(last.rest).toEqual([theirs]);
    const only = planReports(c, [end], 'britain', new Set());
    expect(only).toEqual({ headlines: [], rest: [], reportIsNew: false });
  });

  it("a decision's echo is known to the one who chose it", () => {
    const ev = c.events.find(e => e.decision?.side === 'britain')!;
    const o = ev.decision!.options[0]!;
    expect(isEcho(c, { day, text: `Britain: ${o.label}.`, cause: `option:${ev.id}.${o.id}` }, 'britain')).toBe(true);
  });

  it('speaks a headline with its kind and its reason', () => {
    expect(headlineSpeech(headlineOf(forced, c)!)).toBe('Headline, Forced onto the agenda: Die-hards forces "Break off relations" onto the agenda. No order put it there.');
    expect(headlineOf(echo, c)).toBeNull();
  });
});

describe('detailParts', () => {
  it("lays a refused note's terms out as a list, one term to an item, the sentences around it as text", () => {
    const detail =
      'The Cabinet refused to ratify. Voting against: Sir William Joynson-Hicks (Home Secretary). ' +
      "Terms that weighed against it: Propaganda: A general pledge; Comintern named (worth −10 to it; without it, 31% more of its influence would back the package); Debts: Deferred to a commission (Rykov's formula) (worth −5 to it). " +
      'The Politburo refused to ratify; it gave no reasons.';
    expect(detailParts(detail)).toEqual([
      { kind: 'text', text: 'The Cabinet refused to ratify. Voting against: Sir William Joynson-Hicks (Home Secretary).' },
      {
        kind: 'list',
        lead: 'Terms that weighed against it:',
        items: [
          'Propaganda: A general pledge; Comintern named (worth −10 to it; without it, 31% more of its influence would back the package)',
          "Debts: Deferred to a commission (Rykov's formula) (worth −5 to it)",
        ],
      },
      { kind: 'text', text: 'The Politburo refused to ratify; it gave no reasons.' },
    ]);
    expect(
      detailParts(
        'The Politburo would not back the package: less than half of its influence was for it. Terms that weighed against it: Credit: Two years (worth −20 to it); Debts: None (worth −5 to it).',
      ),
    ).toEqual([
      { kind: 'text', text: 'The Politburo would not back the package: less than half of its influence was for it.' },
      {
        kind: 'list',
        lead: 'Terms that weighed against it:',
        items: ['Credit: Two years (worth −20 to it)', 'Debts: None (worth −5 to it)'],
      },
    ]);
    expect(detailParts('Now binding: Propaganda: Pledge; Debts: A commission.')).toEqual([{ kind: 'list', lead: 'Now binding:', items: ['Propaganda: Pledge', 'Debts: A commission'] }]);
  });

  it('leaves a detail with no list as it is', () => {
    for (const d of [
      'No order put it there.',
      'The refusal was its leader’s choice, not the Cabinet’s: most of the Cabinet could have accepted the package.',
      'The Politburo would not back the package: less than half of its influence was for it. No term is worth less than nothing to it: the package as a whole is worth too little.',
    ])
      expect(detailParts(d)).toEqual([{ kind: 'text', text: d }]);
  });
});

describe('reportsSpeech', () => {
  it("names an event's report once, however many lines it has", () => {
    const ev = c.events.find(e => !e.decision)!;
    const a: NewsItem = { day, text: ev.text, cause: ev.cause };
    const b: NewsItem = { day, text: 'A further line of the same event.', cause: ev.cause };
    expect(reportsSpeech(c, [a, b])).toBe(`1 report: ${ev.title}`);
    expect(reportsSpeech(c, [a, b, theirs])).toBe(`2 reports: ${ev.title}; ${theirs.text}`);
    expect(reportsSpeech(c, [])).toBe('');
  });
});
