// Games that part by a move keep their luck for the rest (src/engine/dice.ts): the 1929 election,
// a ladder of chances by the Conservatives' prospects, reads one number in both games, so the game
// with the better prospects never loses office where the other keeps it.
import { describe, expect, it } from 'vitest';
import { makeSidePersona, type Player, randomPlayer, runGame } from '../../src/ai/index';
import { compile, createGame, type GameState, stateHash } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

describe('games that part keep their luck', () => {
  // 1929: the same seed played twice by the persona on both sides, except that in the second game
  // Britain gives random orders and decisions for the first six turns. The games part there; the
  // general election of 30 May is a ladder of chances by the Conservatives' prospects. With keyed
  // dice both games read one number for it, so a game with the better prospects never loses where
  // the other holds office. (With one stream drawn in turn, this failed on seed crn-5.)
  const sc = loadScenarioFile('1929');
  const election = (seed: string, wild: boolean) => {
    const persona = { britain: makeSidePersona(sc, 'britain'), ussr: makeSidePersona(sc, 'ussr') };
    let turns = 0;
    const p = persona.britain;
    const britain: Player = wild
      ? {
          kind: 'random at first',
          decide: (ctx, ev) => (turns <= 6 ? randomPlayer : p).decide(ctx, ev),
          orders: ctx => (++turns <= 6 ? randomPlayer : p).orders(ctx),
        }
      : p;
    let before: GameState | null = null;
    let after: GameState | null = null;
    const fired = (s: GameState) => s.fired[c.eventIndex.get('general-election')!]! >= 0;
    runGame(sc, createGame(sc, seed), { britain, ussr: persona.ussr }, false, s => {
      if (!fired(s)) before = s;
      else after ??= s;
    });
    if (!before || !after) throw new Error(`${seed}: the election was not held`);
    const b = before as GameState;
    const a = after as GameState;
    return { prospects: b.fig[c.figIndex.get('toryProspects')!]!, held: a.flags[c.flagIndex.get('toriesHold')!]! >= 0, eve: stateHash(b) };
  };
  const c = compile(sc);

  it('a game with the better Conservative prospects holds office whenever the other does', () => {
    let parted = 0,
      near = 0;
    for (let k = 0; k < 24; k++) {
      const a = election(`crn-${k}`, false);
      const b = election(`crn-${k}`, true);
      if (a.eve !== b.eve) parted++;
      if (Math.abs(a.prospects - b.prospects) < 8) near++;
      if (a.prospects === b.prospects) expect(b.held, `seed crn-${k}: the same prospects (${a.prospects}), another result`).toBe(a.held);
      else {
        const [lo, hi] = a.prospects < b.prospects ? [a, b] : [b, a];
        expect(!lo.held || hi.held, `seed crn-${k}: prospects ${lo.prospects} held office, ${hi.prospects} did not`).toBe(true);
      }
    }
    // The test means something only if the games had parted before polling day.
    expect(parted).toBeGreaterThan(20);
    expect(near).toBeGreaterThan(12);
  });
});
