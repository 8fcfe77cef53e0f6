// The classroom roles in the three shipped scenarios: every minister can be a student (one role
// each, with secret objectives and sources), each year has roles that are not ministers, and every
// role has something at stake: over a few computer games of different kinds, at least one of its
// objectives is met in some and missed in others, and no measured objective is stuck.
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { achieved, compile, createGame, type GameState } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

describe.each(['1927', '1929', '1932'])('roles in %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);

  it('give every minister exactly one role, with secret objectives and sources', () => {
    for (const m of c.ministers) {
      const roles = c.roles.filter(r => r.minister === m.i);
      expect(roles, m.id).toHaveLength(1);
      expect(roles[0]!.objectives.length, m.id).toBeGreaterThan(0);
      expect(sc.roles![roles[0]!.i]!.sources.length, m.id).toBeGreaterThan(0);
    }
  });

  it('include figures who are not ministers, speaking for a group of their side', () => {
    const others = c.roles.filter(r => r.minister < 0);
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect(c.groups[r.group]?.side).toBe(r.side);
  });

  it('give every role an objective that play decides, and no measure stuck at one value', () => {
    const kinds = [
      ['historical', 'historical'],
      ['persona', 'persona'],
      ['random', 'random'],
      ['persona', 'random'],
      ['random', 'persona'],
      ['historical', 'random'],
    ] as const;
    const ends: GameState[] = [];
    for (let k = 0; k < 18; k++) {
      const [b, u] = kinds[k % kinds.length]!;
      const players = { britain: makePlayer(b, sc, 'britain'), ussr: makePlayer(u, sc, 'ussr') };
      ends.push(runGame(sc, createGame(sc, `roles-${k}`, { record: false }), players, false).state);
    }
    const varies = (o: (typeof c.roles)[number]['objectives'][number]) => {
      const xs = ends.map(s => achieved(o, s));
      return Math.min(...xs) !== Math.max(...xs);
    };
    // A condition such as "no war" may hold in every computer game and still be a student's to lose;
    // but each role must have something play decides, and a measured figure that never moves measures nothing.
    expect(c.roles.filter(r => !r.objectives.some(varies)).map(r => r.id)).toEqual([]);
    expect(c.roles.flatMap(r => r.objectives.filter(o => o.measure && !varies(o)).map(o => `${r.id}.${o.id}`))).toEqual([]);
  }, 120_000);
});
