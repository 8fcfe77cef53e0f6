// Roles with a term of office (a role `succeeds` another from when a condition holds): the
// scenario format's checks on a succession, the shipped scenarios' successions (1929: each Labour
// minister but Dalton takes over a Conservative's seat at the change of government; 1932: Maisky
// takes over Sokolnikov's embassy), and which role a seat plays as the game goes on.

import { describe, expect, it } from 'vitest';
import { compile, createGame, type GameState, roleNow, seatHeads, termsOf } from '../../src/engine/index';
import type { Scenario } from '../../src/scenario/schema';
import { loadScenarioFile } from '../loadScenario';

const sc29 = loadScenarioFile('1929');
const c29 = compile(sc29);

/** 1929 with role `id`'s succession replaced by `succeeds` (undefined: removed). */
function withSuccession(id: string, succeeds: unknown): Scenario {
  const sc = structuredClone(sc29);
  const r = sc.roles!.find(x => x.id === id)! as { succeeds?: unknown };
  if (succeeds === undefined) delete r.succeeds;
  else r.succeeds = succeeds;
  return sc;
}

const labour = (s: GameState): GameState => {
  const t = structuredClone(s);
  t.flags[c29.flagIndex.get('labourWins')!] = 130;
  return t;
};

describe('a role’s term of office', () => {
  it('is refused, with the role’s path, when it makes no sense', () => {
    const when = { flag: 'labourWins' };
    const change = 'a Labour government';
    const cases: [string, unknown, RegExp][] = [
      ['snowden', { role: 'nobody', when, change }, /roles\[\d+\]\.succeeds\.role.*unknown role "nobody"/],
      ['snowden', { role: 'snowden', when, change }, /cannot succeed itself/],
      ['snowden', { role: 'stalin', when, change }, /"stalin" is not on the britain side/],
      ['snowden', { role: 'lloyd-george', when, change }, /only a minister’s role can succeed/],
      ['snowden', { role: 'baldwin', when, change }, /"baldwin" is already succeeded by role "macdonald"/],
      ['snowden', { role: 'churchill', when: { flag: 'noSuchFlag' }, change }, /noSuchFlag/],
    ];
    for (const [id, succ, msg] of cases) expect(() => compile(withSuccession(id, succ)), JSON.stringify(succ)).toThrow(msg);
    // A loop: Churchill succeeds Snowden, who succeeds Churchill.
    const loop = withSuccession('churchill', { role: 'snowden', when, change });
    expect(() => compile(loop)).toThrow(/loop/);
  });

  it('in 1929 hands every Conservative minister’s seat to a Labour minister at the change of government; Dalton succeeds no one', () => {
    const seats = Object.fromEntries(seatHeads(c29, 'britain').map(r => [r.id, termsOf(c29, r.id).map(t => t.id)]));
    expect(seats).toEqual({
      baldwin: ['baldwin', 'macdonald'],
      chamberlain: ['chamberlain', 'henderson'],
      churchill: ['churchill', 'snowden'],
      jix: ['jix', 'clynes'],
      cushendun: ['cushendun', 'mosley'],
      peel: ['peel', 'benn'],
      'worthington-evans': ['worthington-evans', 'thomas'],
      hoare: ['hoare', 'lansbury'],
      balfour: ['balfour', 'parmoor'],
      'neville-chamberlain': ['neville-chamberlain', 'graham'],
      amery: ['amery', 'passfield'],
      dalton: ['dalton'],
      'lloyd-george': ['lloyd-george'],
      bondholders: ['bondholders'],
    });
    // Each seat starts with a minister in office, but Dalton's; every successor starts out of it.
    const startsIn = (id: string) => sc29.ministers.find(m => m.id === c29.ministers[c29.roles[c29.roleIndex.get(id)!]!.minister]?.id)?.inOffice !== false;
    for (const [head, terms] of Object.entries(seats)) {
      expect(startsIn(head), head).toBe(head !== 'dalton');
      for (const t of terms.slice(1)) expect(startsIn(t), t).toBe(false);
    }
    expect(sc29.roles!.filter(r => r.succeeds).every(r => JSON.stringify(r.succeeds!.when) === '{"flag":"labourWins"}')).toBe(true);
  });

  it('gives a seat its first role until the condition holds, then the successor, who keeps it even out of office', () => {
    const s0 = createGame(sc29, 'terms', { record: false });
    expect(roleNow(c29, s0, 'churchill').id).toBe('churchill');
    const s1 = labour(s0);
    expect(roleNow(c29, s1, 'churchill').id).toBe('snowden');
    expect(roleNow(c29, s1, 'dalton').id).toBe('dalton');
    // Snowden resigns: the seat stays his (the Conservatives do not come back with it).
    s1.fig[c29.ministers[c29.roles[c29.roleIndex.get('snowden')!]!.minister]!.iOffice] = 0;
    expect(roleNow(c29, s1, 'churchill').id).toBe('snowden');
  });

  it('in 1932 hands Sokolnikov’s embassy to Maisky when Maisky arrives', () => {
    const sc = loadScenarioFile('1932');
    const c = compile(sc);
    expect(termsOf(c, 'sokolnikov').map(r => r.id)).toEqual(['sokolnikov', 'maisky']);
    const s = createGame(sc, 'terms', { record: false });
    expect(roleNow(c, s, 'sokolnikov').id).toBe('sokolnikov');
    s.fired[c.eventIndex.get('maisky-arrives')!] = 300;
    expect(roleNow(c, s, 'sokolnikov').id).toBe('maisky');
  });

  it('is optional in the schema, and a malformed one is refused by it', () => {
    const bad = withSuccession('snowden', { role: 'churchill' });
    expect(() => compile(bad)).toThrow();
  });
});
