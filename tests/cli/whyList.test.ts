// The terminal's `why` list names every figure whole: a long name ("the standing of the Deputy
// Commissar for Foreign Affairs") takes a line of its own instead of being cut with "…" to fit a column.
import { describe, expect, it } from 'vitest';
import { Match } from '../../src/app/match';
import { keyFigures } from '../../src/app/names';
import { stripAnsi, vlen } from '../../src/cli/format';
import { whyListLines } from '../../src/cli/screens';
import type { SeatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

describe.each(['1927', '1932'])('the why list in %s', id => {
  const r = Match.create(loadScenarioFile(id), { scenario: id, seed: '3', sides: { britain: 'human', ussr: 'human' } });
  if (!r.ok) throw new Error(r.error);
  const m = r.value;
  for (const side of ['britain', 'ussr'] as const) {
    for (const w of [80, 100]) {
      it(`${side} at ${w} columns: every figure numbered once, its name whole, no line too wide`, () => {
        const view: SeatView = m.affordances(side).view;
        const lines = whyListLines(m.c, view, w).map(stripAnsi);
        for (const l of lines) expect(vlen(l), l).toBeLessThanOrEqual(w);
        const text = lines.join('\n');
        expect(text).toContain(`the standing of the ${m.c.sc.sides[side === 'britain' ? 'ussr' : 'britain'].leadTitle}`);
        expect(text).not.toContain('…');
        const n = keyFigures(m.c, view, side).length;
        for (let k = 1; k <= n; k++) expect(text.match(new RegExp(`(^|\\s)${k} \\S`, 'gm'))?.length ?? 0, `figure ${k}`).toBeGreaterThanOrEqual(1);
      });
    }
  }
});
