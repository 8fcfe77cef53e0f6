// Loading a scenario file: every error names the file, the path to the field and the problem.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, validateScenario } from '../../src/scenario/load';
import { scenarioJsonSchema } from '../../src/scenario/schema';
import type { RawJson } from '../engine/helpers';

const FIXTURE = 'tests/fixtures/mini.json';
const FILE = 'scenarios/test.json';
const raw = (): RawJson => JSON.parse(readFileSync(FIXTURE, 'utf8'));
function errorFor(edit: (r: RawJson) => void): string {
  const r = raw();
  edit(r);
  const res = parseScenario(JSON.stringify(r, null, 2), FILE);
  if (res.ok) throw new Error('the scenario was accepted');
  return res.error;
}
const accepted = (edit: (r: RawJson) => void): boolean => {
  const r = raw();
  edit(r);
  return validateScenario(r, FILE).ok;
};

describe('parseScenario', () => {
  it('accepts the fixture', () => {
    const r = parseScenario(readFileSync(FIXTURE, 'utf8'), FIXTURE);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.id).toBe('mini');
  });

  it('bad JSON', () => {
    const r = parseScenario('{ "id": "x", ', FILE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^scenarios\/test\.json: not valid JSON: ./);
  });

  it('a missing required field', () => {
    expect(
      errorFor(r => {
        delete r.briefing;
      }),
    ).toBe(`${FILE}: briefing: Invalid input: expected string, received undefined`);
    expect(
      errorFor(r => {
        delete r.ministers[1].influence;
      }),
    ).toBe(`${FILE}: ministers[1].influence: Invalid input: expected number, received undefined`);
    expect(
      errorFor(r => {
        delete r.events[0].decision.options[1].label;
      }),
    ).toMatch(/^scenarios\/test\.json: events\[0\]\.decision\.options\[1\]\.label: .*expected string/);
  });

  it('a wrong type', () => {
    expect(
      errorFor(r => {
        r.version = '1';
      }),
    ).toBe(`${FILE}: version: Invalid input: expected number, received string`);
    expect(
      errorFor(r => {
        r.events[0].decision.options[1].effects[0].add = 'ten';
      }),
    ).toBe(`${FILE}: events[0].decision.options[1].effects[0].add: Invalid input: expected number, received string`);
    expect(
      errorFor(r => {
        r.sides.britain.standing = 120;
      }),
    ).toMatch(/^scenarios\/test\.json: sides\.britain\.standing: /);
    expect(
      errorFor(r => {
        r.actions[0].category = 'bribery';
      }),
    ).toMatch(/^scenarios\/test\.json: actions\[0\]\.category: /);
    expect(
      errorFor(r => {
        r.actions[0].costs = 2;
      }),
    ).toBe(`${FILE}: actions[0]: Unrecognized key: "costs"`);
  });

  it('an unknown figure in an effect deep inside an event option', () => {
    expect(
      errorFor(r => {
        r.events[0].decision.options[1].effects = [{ chance: 0.5, then: [{ if: { flag: 'raided' }, else: [{ fig: 'warScar', add: 1 }] }] }];
      }),
    ).toBe(`${FILE}: events[0].decision.options[1].effects[0].then[0].else[0].fig: unknown figure "warScar"`);
    expect(
      errorFor(r => {
        r.negotiation.terms[0].options[1].effects = [{ fig: 'nope', add: 1 }];
      }),
    ).toBe(`${FILE}: negotiation.terms[0].options[1].effects[0].fig: unknown figure "nope"`);
    expect(
      errorFor(r => {
        r.objectives.britain[1].measure.fig = 'nope';
      }),
    ).toBe(`${FILE}: objectives.britain[1].measure.fig: unknown figure "nope"`);
    expect(
      errorFor(r => {
        r.events[1].when = { fig: 'stance.hawk.debts', gte: 1 };
      }),
    ).toBe(`${FILE}: events[1].when.fig: unknown figure "stance.hawk.debts"`);
  });

  it('an unknown event (or option) in `chose`', () => {
    expect(
      errorFor(r => {
        r.objectives.britain[0].when = { not: { chose: 'nope.approve' } };
      }),
    ).toBe(`${FILE}: objectives.britain[0].when.not.chose: unknown event "nope"`);
    expect(
      errorFor(r => {
        r.objectives.britain[0].when = { chose: 'tip.maybe' };
      }),
    ).toBe(`${FILE}: objectives.britain[0].when.chose: event "tip" has no option "maybe"`);
    expect(
      errorFor(r => {
        r.objectives.britain[0].when = { chose: 'tip' };
      }),
    ).toMatch(/^scenarios\/test\.json: objectives\.britain\[0\]\.when\.chose: chose is "event\.option"/);
  });

  it('a flag tested but never set', () => {
    expect(
      errorFor(r => {
        r.objectives.britain[0].when = { flag: 'raidd' };
      }),
    ).toBe(`${FILE}: objectives.britain[0].when.flag: flag "raidd" is tested but never set by any effect`);
    expect(
      errorFor(r => {
        r.events[1].when = { any: [{ flag: 'raided' }, { noFlag: 'nevers' }] };
      }),
    ).toBe(`${FILE}: events[1].when.any[1].noFlag: flag "nevers" is tested but never set by any effect`);
    // a flag set only in a failure branch, a nested branch or a term counts as set
    expect(
      accepted(r => {
        r.actions[1].onFail = [{ setFlag: 'shelved' }];
        r.events[1].when = { flag: 'shelved' };
      }),
    ).toBe(true);
    expect(
      accepted(r => {
        r.actions[3].effects.push({ chance: 0.5, else: [{ if: { flag: 'raided' }, then: [{ setFlag: 'deep' }] }] });
        r.events[1].when = { flag: 'deep' };
      }),
    ).toBe(true);
    expect(
      accepted(r => {
        r.events[1].when = { flag: 'pledged' };
      }),
    ).toBe(true);
  });

  it('a decision with zero or two historical options', () => {
    expect(
      errorFor(r => {
        r.events[0].decision.options[0].historical = false;
      }),
    ).toBe(`${FILE}: events[0].decision.options: a decision needs exactly one historical option (found 0)`);
    expect(
      errorFor(r => {
        r.events[2].decision.options[1].historical = true;
      }),
    ).toBe(`${FILE}: events[2].decision.options: a decision needs exactly one historical option (found 2)`);
  });

  it('duplicate ids', () => {
    expect(
      errorFor(r => {
        r.actions[1].id = 'raid';
      }),
    ).toBe(`${FILE}: actions[1].id: duplicate id "raid"`);
    expect(
      errorFor(r => {
        r.events[3].id = 'tip';
      }),
    ).toBe(`${FILE}: events[3].id: duplicate id "tip"`);
    expect(
      errorFor(r => {
        r.ministers[4].id = 'fs';
      }),
    ).toBe(`${FILE}: ministers[4].id: duplicate id "fs"`);
    expect(
      errorFor(r => {
        r.events[0].decision.options[1].id = 'approve';
      }),
    ).toBe(`${FILE}: events[0].decision.options[1].id: duplicate id "approve"`);
    expect(
      errorFor(r => {
        r.objectives.ussr[1].id = 'relations';
      }),
    ).toBe(`${FILE}: objectives.ussr[1].id: duplicate id "relations"`);
    expect(
      errorFor(r => {
        r.figures[0].id = 'tension';
      }),
    ).toBe(`${FILE}: figures[0]: duplicate figure "tension"`);
  });

  it('an event date outside the calendar', () => {
    expect(
      errorFor(r => {
        r.events[0].date = '1927-09-01';
      }),
    ).toBe(`${FILE}: events[0].date: 1927-09-01 is outside the calendar`);
    expect(
      errorFor(r => {
        r.events[0].date = '1927-05-01';
      }),
    ).toBe(`${FILE}: events[0].date: 1927-05-01 is outside the calendar`);
    expect(
      accepted(r => {
        r.events[0].date = '1927-07-31';
      }),
    ).toBe(true);
    expect(
      errorFor(r => {
        r.events[0].date = '1927-5-1';
      }).split('\n')[0],
    ).toBe(`${FILE}: events[0].date: a date is YYYY-MM-DD`);
  });

  it('other references: unknown events, actions, issues, ministers, sides', () => {
    expect(
      errorFor(r => {
        r.actions[0].effects.push({ schedule: 'nope', inDays: 2 });
      }),
    ).toBe(`${FILE}: actions[0].effects[2].schedule: unknown event "nope"`);
    expect(
      errorFor(r => {
        r.ministers[1].demands[0].action = 'divert';
      }),
    ).toBe(`${FILE}: ministers[1].demands[0].action: "divert" is not a britain action`);
    expect(
      errorFor(r => {
        r.negotiation.issue.britain = 'nope';
      }),
    ).toBe(`${FILE}: negotiation.issue.britain: unknown issue "nope"`);
    expect(
      errorFor(r => {
        r.sides.britain.lead = 'dc';
      }),
    ).toBe(`${FILE}: sides.britain.lead: "dc" is not on the britain side`);
    expect(
      errorFor(r => {
        r.events[2].date = '1927-05-20';
      }),
    ).toBe(`${FILE}: events[2]: an event is scheduled (date) or random (mtthDays), not both`);
    expect(
      errorFor(r => {
        r.calendar.phases[1].until = '1927-05-05';
      }),
    ).toBe(`${FILE}: calendar.phases[1].until: phases must end in date order`);
    expect(
      errorFor(r => {
        r.calendar.start = '1927-08-01';
      }),
    ).toBe(`${FILE}: calendar.end: the end must come after the start`);
  });

  it('an impossible date (31 June, month 13) is refused', () => {
    expect(
      errorFor(r => {
        r.events[0].date = '1927-06-31';
      }),
    ).toBe(`${FILE}: events[0].date: no such date`);
    expect(
      errorFor(r => {
        r.calendar.end = '1927-13-01';
      }),
    ).toBe(`${FILE}: calendar.end: no such date`);
    expect(
      accepted(r => {
        r.calendar.start = '1927-02-28';
        r.trade.startMonth = '1927-02';
      }),
    ).toBe(true);
    expect(
      errorFor(r => {
        r.calendar.start = '1927-02-29';
      }),
    ).toBe(`${FILE}: calendar.start: no such date`);
  });

  it('duplicate option ids within a negotiation term are refused', () => {
    // with two "none" options the second could never be offered: lookups find the first
    expect(
      errorFor(r => {
        r.negotiation.terms[0].options[1].id = 'none';
      }),
    ).toBe(`${FILE}: negotiation.terms[0].options[1].id: duplicate id "none"`);
  });

  it('duplicate history outcome ids are refused', () => {
    expect(
      errorFor(r => {
        r.history.outcomes[1].id = 'rupture';
      }),
    ).toBe(`${FILE}: history.outcomes[1].id: duplicate id "rupture"`);
  });

  it('a history order dated outside the calendar is refused', () => {
    // the historical player would silently never give it
    expect(
      errorFor(r => {
        r.history.orders[0].date = '1930-01-01';
      }),
    ).toBe(`${FILE}: history.orders[0].date: 1930-01-01 is outside the calendar`);
  });

  it('a measure objective whose zero equals its full is refused', () => {
    expect(
      errorFor(r => {
        r.objectives.britain[1].measure = { fig: 'trade.exports', zero: 1000, full: 1000 };
      }),
    ).toBe(`${FILE}: objectives.britain[1].measure: zero and full must differ`);
  });

  // A computer player's reasons show the sources of the objective that decided its move
  // (search/explain.ts): a side's objective without them would leave the reason unsupported.
  it("a side's objective without sources is refused, naming the file, the objective and the field", () => {
    expect(
      errorFor(r => {
        delete r.objectives.ussr[1].sources;
      }),
    ).toBe(`${FILE}: objectives.ussr[1].sources: a side's objective must cite the sources its aim, weight and history rest on (e.g. "thesis L6823-6834")`);
    expect(
      errorFor(r => {
        r.objectives.britain[0].sources = [];
      }),
    ).toBe(`${FILE}: objectives.britain[0].sources: cite at least one source`);
    // A role's secret objective rests on its role's sources, so it may leave its own out.
    expect(
      accepted(r => {
        r.roles = [{ id: 'jix', side: 'britain', minister: 'hawk', briefing: 'b', secretAim: 'a', objectives: [{ id: 'o', label: 'o', weight: 1, when: { inOffice: 'hawk' } }], sources: ['test'] }];
      }),
    ).toBe(true);
  });

  it("the JSON Schema for editors requires a side objective's sources too", () => {
    const s = scenarioJsonSchema() as { properties: { objectives: { properties: { britain: { items: { required: string[] } } } } } };
    expect(s.properties.objectives.properties.britain.items.required).toContain('sources');
  });

  it('a misspelt condition or effect key is reported by name', () => {
    expect(
      errorFor(r => {
        r.events[1].when = { flg: 'raided' };
      }),
    ).toBe(`${FILE}: events[1].when: no condition or effect has the key "flg" (see docs/scenario-format.md)`);
    expect(
      errorFor(r => {
        r.actions[0].effects.push({ setflag: 'x' });
      }),
    ).toBe(`${FILE}: actions[0].effects[2]: no condition or effect has the key "setflag" (see docs/scenario-format.md)`);
  });

  it('two forms in one object are named, not a key missing from a third', () => {
    expect(
      errorFor(r => {
        r.actions[0].effects.push({ setFlag: 'raided', fig: r.figures[0].id });
      }),
    ).toBe(`${FILE}: actions[0].effects[2]: a "setFlag" takes no "fig" (each condition or effect is one form; see docs/scenario-format.md)`);
    // The first form written is the one named; a condition is told the same way.
    expect(
      errorFor(r => {
        r.events[1].when = { noFlag: 'raided', lead: 'x' };
      }),
    ).toBe(`${FILE}: events[1].when: a "noFlag" takes no "lead" (each condition or effect is one form; see docs/scenario-format.md)`);
  });

  // load.ts names the keys only when the misspelt object is the one that failed to match. One
  // level down (a condition inside an effect's `if`), the "deepest issue" heuristic reports the
  // first union branch instead: "events[0].decision.options[0].effects[0].fig: Invalid input:
  // expected string, received undefined" - a path that does not exist and no word of "flg".
  it('a misspelt condition key nested inside an effect is reported by name and path', () => {
    const e = errorFor(r => {
      r.events[0].decision.options[0].effects = [{ if: { all: [{ flg: 'raided' }] }, then: [] }];
    });
    expect(e).toContain('"flg"');
    expect(e).toContain('events[0].decision.options[0].effects[0].if.all[0]');
  });
});

describe('scenarioJsonSchema', () => {
  it('is a JSON Schema object with the top-level properties', () => {
    const s = scenarioJsonSchema() as { type: string; properties: Record<string, unknown>; required: string[]; $schema?: string };
    expect(typeof s).toBe('object');
    expect(s.type).toBe('object');
    for (const k of [
      '$schema',
      'id',
      'version',
      'title',
      'subtitle',
      'briefing',
      'calendar',
      'sides',
      'issues',
      'figures',
      'ministers',
      'groups',
      'thirdParties',
      'trade',
      'actions',
      'events',
      'negotiation',
      'objectives',
      'personas',
      'roles',
      'history',
    ])
      expect(Object.keys(s.properties), k).toContain(k);
    for (const k of ['id', 'version', 'title', 'briefing', 'calendar', 'sides', 'issues', 'actions', 'events', 'negotiation', 'objectives', 'history']) expect(s.required, k).toContain(k);
    expect(s.required).not.toContain('roles');
    expect(s.required).not.toContain('subtitle');
    expect(s.$schema).toMatch(/2020-12/);
    // plain JSON: it survives a round trip unchanged
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
