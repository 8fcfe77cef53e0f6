// The roles format: a role plays a minister of its side or is a figure who is not one (a name, an
// office, perhaps a group it speaks for); its secret objectives are linked and scored like a side's;
// a role's seat view holds its brief; every bad role is refused naming the file, field and fault.
import { describe, expect, it } from 'vitest';
import { compile, createGame, roleBrief, scoreRole, scoreRoles, seatView, withoutSecretAims } from '../../src/engine/index';
import { validateScenario } from '../../src/scenario/load';
import { miniRaw, must, type RawJson, variant, withFigs } from './helpers';

const OBJ = (extra: Record<string, unknown> = {}) => [{ id: 'aim', label: 'Keep the hawk in office', weight: 2, when: { inOffice: 'hawk' }, ...extra }];
const hawk = { id: 'r-hawk', side: 'britain', minister: 'hawk', briefing: 'You are the hawk.', secretAim: 'Break with Moscow.', objectives: OBJ(), sources: ['test'] };
const whip = {
  id: 'whip',
  side: 'britain',
  name: 'A. Whip',
  office: 'Die-hard whip',
  group: 'diehards',
  briefing: 'You count the back benches.',
  secretAim: 'Keep the die-hards loud.',
  objectives: [{ id: 'loud', label: 'Die-hard pressure high', weight: 1, measure: { fig: 'pressure.diehards', zero: 0, full: 100 } }],
  sources: ['test'],
};

function errorFor(roles: unknown[]): string {
  const raw = miniRaw();
  raw.roles = roles;
  const r = validateScenario(raw, 'roles.json');
  return r.ok ? '' : r.error;
}

describe('roles in a scenario', () => {
  const sc = variant((raw: RawJson) => {
    raw.roles = [hawk, whip];
  });
  const c = compile(sc);

  it('link a minister role to its minister and a figure who is not one to its group; only a minister votes', () => {
    expect(c.roles.map(r => [r.id, r.name, r.minister >= 0, r.group >= 0])).toEqual([
      ['r-hawk', c.ministers.find(m => m.id === 'hawk')!.name, true, false],
      ['whip', 'A. Whip', false, true],
    ]);
    expect(roleBrief(c, 'whip')).toMatchObject({ office: 'Die-hard whip', votes: false, secretAim: 'Keep the die-hards loud.' });
  });

  it("score a role's secret objectives by the same rule as a side's", () => {
    const s = createGame(sc, 'roles');
    expect(scoreRole(c, s, 'r-hawk').total).toBe(100);
    expect(scoreRole(c, withFigs(c, s, { 'inOffice.hawk': 0 }), 'r-hawk').total).toBe(0);
    const half = scoreRole(c, withFigs(c, s, { 'pressure.diehards': 50 }), 'whip');
    expect(half.total).toBeCloseTo(50, 9);
    expect(scoreRoles(c, s).map(r => r.role)).toEqual(['r-hawk', 'whip']);
    expect(() => scoreRole(c, s, 'nobody')).toThrow('there is no role "nobody"');
  });

  it("give a role's seat its own brief, and refuse a role of the other side", () => {
    const s = createGame(sc, 'roles');
    expect(seatView(c, s, 'britain').role).toBeUndefined();
    expect(seatView(c, s, 'britain', { role: 'whip' }).role?.secretAim).toBe('Keep the die-hards loud.');
    expect(() => seatView(c, s, 'ussr', { role: 'whip' })).toThrow('plays for britain, not ussr');
  });

  it('blank every secret aim in the copy of a scenario that may go to every device', () => {
    const open = withoutSecretAims(sc);
    expect(open.roles!.map(r => [r.briefing, r.secretAim, r.objectives])).toEqual([
      ['You are the hawk.', '', []],
      ['You count the back benches.', '', []],
    ]);
    expect(sc.roles![0]!.secretAim).toBe('Break with Moscow.');
  });

  const bad: [string, unknown[], string][] = [
    ['both a minister and a name', [{ ...hawk, name: 'X', office: 'Y' }], 'roles.json: roles[0].minister:'],
    ['neither a minister nor a name and office', [{ ...whip, name: undefined }], 'roles.json: roles[0].name: a role names a minister'],
    ['no secret objective', [{ ...hawk, objectives: [] }], 'roles.json: roles[0].objectives: a role needs at least one secret objective'],
    ['an unknown minister', [{ ...hawk, minister: 'nobody' }], 'roles.json: roles[0].minister: unknown minister "nobody"'],
    ['a minister of the other side', [{ ...hawk, minister: 'dc' }], 'roles.json: roles[0].minister: "dc" is not on the britain side'],
    ['two roles on one minister', [hawk, { ...hawk, id: 'r-hawk-2' }], 'roles.json: roles[1].minister: "hawk" is already played by role "r-hawk"'],
    ['an unknown group', [{ ...whip, group: 'nobody' }], 'roles.json: roles[0].group: unknown group "nobody"'],
    ['a group of the other side', [{ ...whip, group: 'opposition' }], 'roles.json: roles[0].group: "opposition" is not on the britain side'],
    [
      'an objective on an unknown figure',
      [{ ...whip, objectives: [{ id: 'x', label: 'X', weight: 1, measure: { fig: 'nope', zero: 0, full: 1 } }] }],
      'roles.json: roles[0].objectives[0].measure.fig: unknown figure "nope"',
    ],
    ['an objective on an unknown flag', [{ ...hawk, objectives: [{ id: 'x', label: 'X', weight: 1, when: { flag: 'nope' } }] }], 'roles.json: roles[0].objectives[0].when'],
    ['duplicate objective ids', [{ ...hawk, objectives: [...OBJ(), ...OBJ()] }], 'roles.json: roles[0].objectives[1].id: duplicate id "aim"'],
    ['duplicate role ids', [hawk, { ...whip, id: 'r-hawk' }], 'roles.json: roles[1].id: duplicate id "r-hawk"'],
  ];
  it.each(bad)('refuse a role with %s, naming the file and field', (_what, roles, want) => {
    expect(errorFor(roles)).toContain(want);
  });

  it('accept the fixture without roles (the field is optional)', () => {
    const raw = miniRaw();
    delete raw.roles;
    expect(must(validateScenario(raw, 'roles.json')).roles).toBeUndefined();
  });
});
