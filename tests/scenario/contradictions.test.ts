// Orders that undo one another are declared so in the data (`contradicts`), so that no side, person
// or computer, gives both in one turn (the engine refuses the pair with its reason; see
// tests/engine/presupposes.test.ts). The undo pattern found here: two orders of one side that move
// the same policy figure (credit, diversion of orders, Comintern militancy, war danger ...) by exactly
// opposite amounts. Pressure, stances, moods, standing, tension, alignments and trust are left out:
// many unrelated orders touch them in both directions without undoing each other.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const INCIDENTAL = new Set(['pressure', 'stance', 'mood', 'standing', 'tension', 'align', 'trust']);

describe.each(['1927', '1929', '1932'])('%s: orders that undo one another', year => {
  const sc = loadScenarioFile(year);
  const c = compile(sc);
  it('contradict each other in the data', () => {
    const missing: string[] = [];
    for (const a of sc.actions)
      for (const b of sc.actions) {
        if (a.side !== b.side || a.id >= b.id) continue;
        const adds = (x: typeof a) => new Map(x.effects.flatMap(e => ('fig' in e && 'add' in e && typeof e.add === 'number' ? [[e.fig, e.add] as const] : [])));
        const ea = adds(a),
          eb = adds(b);
        const undone = [...ea].filter(([f, v]) => !INCIDENTAL.has(f.split('.')[0]!) && eb.get(f) === -v).map(([f]) => f);
        const ka = c.actionIndex.get(a.id)!,
          kb = c.actionIndex.get(b.id)!;
        if (undone.length && !c.actions[ka]!.contradicts.includes(kb)) missing.push(`${a.id} / ${b.id} (${undone.join(', ')})`);
      }
    expect(missing).toEqual([]);
  });
  it('and some pair is declared, so the check bites', () => {
    expect(c.actions.some(a => a.contradicts.length > 0)).toBe(true);
  });
});
