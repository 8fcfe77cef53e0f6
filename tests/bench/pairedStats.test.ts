import { describe, expect, it } from 'vitest';
import { bySeed, cellStats, describeCell, verdictLines, wilson } from '../../bench/pairedStats';

describe('a strength cell and its uncertainty', () => {
  it("gives Wilson's 95% interval for a share of trials", () => {
    // Six wins of eight: the textbook interval is 0.409 to 0.929.
    const w = wilson(0.75, 8);
    expect(w.lo).toBeCloseTo(0.409, 3);
    expect(w.hi).toBeCloseTo(0.929, 3);
    // Eight of eight still leaves room below: 0.676 to 1.
    expect(wilson(1, 8).lo).toBeCloseTo(0.676, 3);
    expect(wilson(1, 8).hi).toBe(1);
    // More games, a narrower interval about the same share.
    const wide = wilson(0.875, 8),
      narrow = wilson(0.875, 24);
    expect(narrow.hi - narrow.lo).toBeLessThan(wide.hi - wide.lo);
  });

  it('counts ties as half a win and gives the mean lead with its standard error', () => {
    const s = cellStats([2, 0, -1, 3]);
    expect(s.wins).toBeCloseTo(2.5 / 4, 12);
    expect(s.lead).toBeCloseTo(1, 12);
    // Sample standard deviation of 2, 0, -1, 3 about 1 is sqrt(10/3); over sqrt(4).
    expect(s.se).toBeCloseTo(Math.sqrt(10 / 3) / 2, 12);
    expect(cellStats([4]).se).toBe(Infinity);
  });

  it('tells a shortfall the games cannot tell from the target from one beyond their intervals', () => {
    // 1927 Britain against the Boulware baseline on eight seeds: six wins, a large mean lead.
    const eight = cellStats([-0.08, 0.08, 0.84, 26.58, 0.36, 17.59, 29.5, -0.07]);
    expect(eight.met).toBe(false);
    expect(eight.unsure).toBe(true);
    // The same lead won on every seed but one in ten meets it.
    const met = cellStats([6, 7, 8, 9, 6, 7, 8, 9, 6, -1]);
    expect(met.met).toBe(true);
    expect(met.unsure).toBe(false);
    // A small lead, tightly measured, is short beyond the noise whatever its win rate.
    const small = cellStats([1.1, 0.9, 1.0, 1.2, 0.8, 1.0, 1.1, 0.9]);
    expect(small.met).toBe(false);
    expect(small.unsure).toBe(false);
    const lines = verdictLines([
      { name: 'a', stats: met },
      { name: 'b', stats: eight },
      { name: 'c', stats: small },
    ]);
    expect(lines[0]).toMatch(/\(1 of 3\): a \(/);
    expect(lines[1]).toMatch(/\(1\): b \(/);
    expect(lines[2]).toMatch(/\(1\): c \(/);
    expect(describeCell(eight)).toMatch(/^\+9\.4 points \(s\.e\. 4\.6\), wins 75% \(95%: 41-93%\)$/);
  });
});

describe("each seed's difference", () => {
  it('is signed to a tenth, zero with a plus', () => {
    expect(bySeed([1.06, -0.08, 0, 25.4])).toBe('+1.1 -0.1 +0.0 +25.4');
  });
});
