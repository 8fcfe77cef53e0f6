// The computer players' reasons use typographic quotes throughout (’ “ ”), as every text a player
// reads does: the sentences the code writes round a title with ’ ("the Soviet Union’s objective
// “…”"), and the titles the reasons quote from the scenarios, which write straight quotes ("The
// Trade Delegation's status"), made typographic where the reasons are shown (shownReasons), never
// in the data (a game's ledger holds some of its text, and the game's fingerprint with it).
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, nextMove, type PlayerName, playerFor, type Reasons, toMove } from '../../src/ai/index';
import { shownReasons } from '../../src/ai/reasons';
import { reasonsLines } from '../../src/cli/reasons';
import { applyMove, compile, createGame, type GameState, seatView } from '../../src/engine/index';
import { typographic } from '../../src/engine/labels';
import { SIDES } from '../../src/engine/vocab';
import type { Scenario } from '../../src/scenario/schema';
import { loadScenarioFile } from '../loadScenario';

/** A straight quote beside a letter or digit: an apostrophe or a quotation mark that is not typographic. */
const STRAIGHT = /[\p{L}\p{N}]'|'[\p{L}\p{N}]/u;

/** Every text of a set of reasons, the answers' and the note's included. */
const texts = (r: Reasons): string[] => [
  r.summary,
  ...r.factors.map(f => f.label),
  ...r.rejected.flatMap(a => [a.label, a.why]),
  ...(r.answers ? texts(r.answers) : []),
  ...(r.note ? texts(r.note) : []),
];

/** A scenario with every text in it typographic: what is left straight in a reason was written by the code. */
const typographicData = (x: unknown): unknown =>
  typeof x === 'string' ? typographic(x) : Array.isArray(x) ? x.map(typographicData) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, typographicData(v)])) : x;

/** Every reason two computer players give over a whole game (seed "quotes"). */
function reasonsOfGame(sc: Scenario, britain: PlayerName, ussr: PlayerName): Reasons[] {
  const c = compile(sc);
  const players = { britain: playerFor(britain, sc, 'britain'), ussr: playerFor(ussr, sc, 'ussr') };
  const rngs = { britain: aiRng('quotes', 'britain'), ussr: aiRng('quotes', 'ussr') };
  const said: Reasons[] = [];
  let s: GameState = createGame(sc, 'quotes', { record: false });
  while (!s.ended) {
    const side = SIDES.find(x => toMove(s, x))!;
    const move = nextMove(c, seatView(c, s, side, AI_VIEW), players[side], rngs[side])!;
    const why = players[side].why?.();
    if (why) said.push(why);
    const r = applyMove(sc, s, move);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  }
  return said;
}

// Each kind of player whose reasons build sentences, at each seat: the search (with the fidelity dial), the persona, the negotiator, the bargainers, the historical player.
const PAIRS: readonly [PlayerName, PlayerName][] = [
  ['search:1@0.5', 'negotiator'],
  ['boulware', 'search:1'],
  ['persona', 'historical'],
  ['historical', 'titfortat'],
];

describe('typographic', () => {
  it('makes an apostrophe and a closing quote ’, an opening quote ‘, and leaves typographic quotes as they are', () => {
    const cases: [string, string][] = [
      ["The Trade Delegation's status", 'The Trade Delegation’s status'],
      ["Receive a deputation of industrialists' representatives", 'Receive a deputation of industrialists’ representatives'],
      ["the industrialists'", 'the industrialists’'],
      ["relations at chargé d'affaires level", 'relations at chargé d’affaires level'],
      ["he called it 'a formidable menace' in (1929's) debate", 'he called it ‘a formidable menace’ in (1929’s) debate'],
      ["'fair picture'", '‘fair picture’'],
      ['“Debts” beside claims, the Soviet Union’s objective', '“Debts” beside claims, the Soviet Union’s objective'],
    ];
    for (const [from, to] of cases) expect(typographic(from), from).toBe(to);
  });
});

describe("the computer players' reasons use ’, never a straight apostrophe", () => {
  for (const id of ['1927', '1929', '1932'])
    it(`${id}: the sentences the players write round the scenario's text have none`, () => {
      const sc = typographicData(loadScenarioFile(id)) as Scenario;
      for (const [britain, ussr] of PAIRS) {
        const said = reasonsOfGame(sc, britain, ussr).flatMap(texts);
        expect(said.length, `${britain} v ${ussr}`).toBeGreaterThan(20);
        for (const t of said) expect(t, `${britain} v ${ussr}`).not.toMatch(STRAIGHT);
      }
    }, 180_000);

  it("1929: the reasons as shown quote the scenario's titles with ’ (“The Trade Delegation’s status”), in the terminal too", () => {
    const said = reasonsOfGame(loadScenarioFile('1929'), 'search:1@0.5', 'boulware');
    const raw = said.flatMap(texts);
    // The scenario writes straight apostrophes, and the players quote its titles as written…
    expect(raw.some(t => STRAIGHT.test(t))).toBe(true);
    // …which every front end shows typographic.
    const shown = said.map(shownReasons);
    expect(shown.flatMap(texts).some(t => t.includes('The Trade Delegation’s status'))).toBe(true);
    for (const t of shown.flatMap(texts)) expect(t).not.toMatch(STRAIGHT);
    for (const r of said) for (const line of reasonsLines(r, 100, 10)) expect(line).not.toMatch(STRAIGHT);
  }, 120_000);

  it('shownReasons changes only the words: every figure, weight, score and source is as it was', () => {
    const r: Reasons = {
      summary: "The Soviet Union's orders: Receive the industrialists' deputation.",
      factors: [{ label: "Keep Stalin's confidence (objective, weight 3 of 10)", weight: 3, value: 1.25, se: 0.5, sources: ['thesis L10-12'] }],
      rejected: [{ label: "Dropping “The Trade Delegation's status”", score: 48.5, why: "0.2 points worse than the move made on Moscow's order of business" }],
      answers: { summary: "Moscow's answer", factors: [], rejected: [] },
    };
    const s = shownReasons(r);
    expect(s.summary).toBe('The Soviet Union’s orders: Receive the industrialists’ deputation.');
    expect(s.factors).toEqual([{ ...r.factors[0], label: 'Keep Stalin’s confidence (objective, weight 3 of 10)' }]);
    expect(s.rejected).toEqual([{ label: 'Dropping “The Trade Delegation’s status”', score: 48.5, why: '0.2 points worse than the move made on Moscow’s order of business' }]);
    expect(s.answers?.summary).toBe('Moscow’s answer');
    expect(s.note).toBeUndefined();
  });
});
