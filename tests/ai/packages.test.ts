// The package space: every package the terms allow, numbered one to one with its terms; the
// Pareto frontier and the Nash point found by enumeration agree with their definitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describePackage, distanceToFrontier, distanceToNash, indexOf, nashPoint, packageSpace, paretoFrontier, termsOf, type Utilities } from '../../src/ai/packages';
import { compile, packageValue } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

describe.each(['1927', '1929', '1932'])('the package space of %s', id => {
  const c = compile(loadScenarioFile(id));
  const ps = packageSpace(c);

  it('has one package for every combination of options, each numbered one to one with its terms', () => {
    expect(ps.size).toBe(c.terms.reduce((a, t) => a * t.options.length, 1));
    const seen = new Set<string>();
    for (let i = 0; i < ps.size; i++) {
      const t = termsOf(ps, i);
      expect(indexOf(ps, t)).toBe(i);
      seen.add(JSON.stringify(t));
    }
    expect(seen.size).toBe(ps.size);
  });

  it("keeps each side's term-table value as the engine computes it", () => {
    for (let i = 0; i < ps.size; i += 97) {
      expect(ps.table.britain[i]).toBe(packageValue(c, termsOf(ps, i), 'britain'));
      expect(ps.table.ussr[i]).toBe(packageValue(c, termsOf(ps, i), 'ussr'));
    }
    expect(describePackage(ps, 0)).toContain(c.terms[0]!.label);
  });

  it('refuses terms that are not a whole package', () => {
    const t = termsOf(ps, 0);
    expect(indexOf(ps, { ...t, [c.terms[0]!.id]: 'no-such-option' })).toBe(-1);
  });
});

const utilities = fc
  .array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 })), { minLength: 1, maxLength: 40 })
  .map((xs): Utilities => ({ britain: Float64Array.from(xs.map(x => x[0])), ussr: Float64Array.from(xs.map(x => x[1])) }));
const dominated = (u: Utilities, i: number) =>
  [...u.britain.keys()].some(j => u.britain[j]! >= u.britain[i]! && u.ussr[j]! >= u.ussr[i]! && (u.britain[j]! > u.britain[i]! || u.ussr[j]! > u.ussr[i]!));

describe('the Pareto frontier and the Nash point', () => {
  it('the frontier holds no dominated package, and every undominated point is on it', () => {
    fc.assert(
      fc.property(utilities, u => {
        const f = paretoFrontier(u);
        for (const i of f) expect(dominated(u, i)).toBe(false);
        for (let i = 0; i < u.britain.length; i++) if (!dominated(u, i)) expect(distanceToFrontier(u, f, i)).toBe(0);
      }),
    );
  });

  it('the Nash point maximises the product of gains, lies on the frontier, and no agreement is nearer to it than to the frontier', () => {
    fc.assert(
      fc.property(utilities, u => {
        const n = nashPoint(u);
        const f = paretoFrontier(u);
        const both = [...u.britain.keys()].filter(i => u.britain[i]! > 0 && u.ussr[i]! > 0);
        if (!both.length) {
          expect(n).toBeNull();
          return;
        }
        const best = Math.max(...both.map(i => u.britain[i]! * u.ussr[i]!));
        expect(u.britain[n!]! * u.ussr[n!]!).toBe(best);
        expect(distanceToFrontier(u, f, n!)).toBe(0);
        expect(distanceToNash(u, n, n!)).toBe(0);
        for (let i = 0; i < u.britain.length; i++) expect(distanceToFrontier(u, f, i)).toBeLessThanOrEqual(distanceToNash(u, n, i)!);
      }),
    );
  });
});
