// Every figure a reason states as a worth measured by playouts carries its standard error, or says
// its noise cannot be read (one playout): the note's worth for us and for them, a note answered, a
// counter-offer, the search's expected scores and leads, the objectives a worth comes from, and each
// factor measured so; an error too small to show as under 0.01, not as nought. Over whole 1929 and 1932 games, both seats, as the terminal prints them.
import { describe, expect, it } from 'vitest';
import { type Player, playerFor, type Reasons, runGame } from '../../src/ai/index';
import type { PlayerName } from '../../src/ai/names';
import { stripAnsi } from '../../src/cli/format';
import { reasonsLines } from '../../src/cli/reasons';
import { createGame } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

/** A figure in points, signed, with nothing after it that gives its error or says its noise is unread. */
const FIG = '[−+]\\d+\\.\\d+(?!\\d)';
const BARE =
  '(?! ±| \\(give or take |(?: points)? \\(give or take | of 100 \\((?:give or take|from one future) | \\(one (?:playout|future)|(?: objective)? points \\(one playout|; one playout cannot tell)';
/** Where a reason states a worth from playouts: each must not match (a bare figure). */
const BARE_FIGURES = [
  `${FIG}${BARE}(?: objective)?(?: points)? for (?:us|them)`,
  `gains? us ${FIG}${BARE}`,
  `worth more: ${FIG}${BARE}`,
  `against ${FIG}${BARE}(?: and| at \\d+%)`,
  `and ${FIG}${BARE} at \\d+%`,
  `expected ${FIG}${BARE}`,
  `below ${FIG}${BARE}`,
  `Expected score \\d+\\.\\d+(?!\\d)${BARE}`,
  `(?<!± <?)(?<![\\d.])\\d+\\.\\d+(?!\\d)${BARE} expected,`,
  `${FIG}${BARE} (?:against the move made|better on)`,
  `looked ${FIG}${BARE}`,
  // The search's plain words: an average, a lead and an objective's share, each with its "give or take".
  `averaged? \\d+\\.\\d+(?!\\d)${BARE}`,
  `did ${FIG}${BARE} better`,
  `${FIG}${BARE} against the (?:move made|next best)`,
  `, by ${FIG}${BARE}`,
  `playouts?[,:] ${FIG}${BARE}`,
  `worth \\d+%${BARE} of the best`,
  `against (?!100%)\\d+%${BARE} for its next note`,
  // The search's differences in words: "0.3 points worse than the move made (give or take 0.1)".
  `(?<![\\d.])\\d+\\.\\d+ points (?:better|worse)(?!(?: than (?:the move made|it))? \\((?:give or take |from one future))`,
].map(p => new RegExp(p));
/** The same places with the error given: what the test must find, so it is not vacuous. */
const WITH_ERROR = new RegExp(
  `(?:${FIG}|\\d+\\.\\d|\\d+%) ± \\d+(?:\\.\\d+)?%? (?:objective points for us|for them|of 100|expected|against the move made|of the best)|(?:${FIG}|\\d+\\.\\d+)(?: of 100| points)? \\(give or take <?\\d+(?:\\.\\d+)?\\)|\\d+\\.\\d+ points (?:better|worse)(?: than the move made)? \\(give or take <?\\d+(?:\\.\\d+)?\\)`,
);

/** A factor measured by playouts (the negotiator's terms and risk, the search's objectives and final test). */
const fromPlayouts = /by \d+ playouts?\b|\(objective, weight |^Risk that |^How much better the best other move did |^Final check, on \d+ new futures: how much better /;

function reasonsOfGame(id: string, seed: string, names: { britain: PlayerName; ussr: PlayerName }): Reasons[] {
  const sc = loadScenarioFile(id);
  const said: Reasons[] = [];
  const keep = (p: Player): Player => ({
    kind: p.kind,
    decide(ctx, ev) {
      const o = p.decide(ctx, ev);
      const r = p.why?.();
      if (r) said.push(r);
      return o;
    },
    orders(ctx) {
      const os = p.orders(ctx);
      const r = p.why?.();
      if (r) said.push(r, ...(r.answers ? [r.answers] : []));
      return os;
    },
  });
  runGame(sc, createGame(sc, seed, { record: false }), { britain: keep(playerFor(names.britain, sc, 'britain')), ussr: keep(playerFor(names.ussr, sc, 'ussr')) }, false);
  return said;
}

describe('a figure from playouts carries its error', () => {
  for (const [id, names] of [
    ['1929', { britain: 'negotiator', ussr: 'search:1' }],
    ['1929', { britain: 'search:1', ussr: 'boulware' }],
    ['1932', { britain: 'search:1', ussr: 'negotiator' }],
    ['1932', { britain: 'negotiator', ussr: 'conceder' }],
  ] as const) {
    it(`${id}, ${names.britain} v ${names.ussr}: no figure from playouts without its error`, () => {
      const said = reasonsOfGame(id, 'errors', names);
      let withError = 0,
        measured = 0;
      for (const r of said) {
        // Wide enough that no summary wraps (a wrap inside "(give or take 0.01)" would hide the error).
        const text = reasonsLines(r, 4000, 10).map(stripAnsi).join('\n');
        for (const re of BARE_FIGURES) expect(re.exec(text)?.[0], text).toBeUndefined();
        // An error too small to show is "<0.01", never "± 0.00" (which reads as exactly known).
        expect(/± 0(?:\.0+)?%?(?![.\d])/.exec(text)?.[0], text).toBeUndefined();
        if (WITH_ERROR.test(text)) withError++;
        for (const f of r.factors)
          if (fromPlayouts.test(f.label)) {
            expect(f.se, f.label).toBeDefined();
            measured++;
          }
      }
      expect(withError, 'figures from playouts, with their errors').toBeGreaterThan(0);
      expect(measured, 'factors from playouts').toBeGreaterThan(0);
    }, 300_000);
  }
});
