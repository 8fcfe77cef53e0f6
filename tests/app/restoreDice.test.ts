// A save keeps each computer seat's dice (`app.dice`), so a restore sets them instead of asking the
// computer for every one of its moves again (slow against a search player): a game saved mid-way and
// restored plays on to the same end as the unbroken game, asking nothing on the way in (the bargaining
// players too: they read the talks off their views); a save without the dice (an older one) still loads
// and plays on the same; a malformed dice field is refused naming it; and the dice reach no view.
import { describe, expect, it } from 'vitest';
import type { PlayerName } from '../../src/ai/index';
import { Match } from '../../src/app/match';
import type { AppSave } from '../../src/app/saveFile';
import { type AiTransportFactory, inProcessAi } from '../../src/app/transport';
import { err, type SeatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { drive } from './matchDriver';

const sc = loadScenarioFile('1927');
const SAVED_AT = 40;

/** The computer's asks, counted (with the views it was shown), in front of the in-process players. */
function counting() {
  const views: SeatView[] = [];
  const ai: AiTransportFactory = (s, seats) => {
    const inner = inProcessAi(s, seats);
    return {
      ask: (view, rng) => {
        views.push(view);
        return inner.ask(view, rng);
      },
      dispose: () => inner.dispose(),
    };
  };
  return { views, ai };
}

function newMatch(ussr: PlayerName, seed: string): Match {
  const r = Match.create(sc, { scenario: '1927', seed, sides: { britain: 'human', ussr } });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** The unbroken game, and the same game's save after SAVED_AT moves, as it would be written to a file. */
async function games(ussr: PlayerName, seed: string) {
  const straight = newMatch(ussr, seed);
  await drive(straight);
  const first = newMatch(ussr, seed);
  await drive(first, SAVED_AT);
  const saved = JSON.parse(JSON.stringify(first.save())) as AppSave;
  first.dispose();
  return { straight, saved, computerMoves: saved.moves.filter(m => m.side === 'ussr').length };
}

/** Restore `data` asking through a counter, play it to the end, and say how many asks the restore itself made. */
async function restoreAndPlay(data: unknown) {
  const spy = counting();
  const r = await Match.restore(sc, data, { ai: spy.ai });
  if (!r.ok) throw new Error(r.error);
  const asksOnRestore = spy.views.length;
  await drive(r.value);
  return { m: r.value, asksOnRestore, views: spy.views };
}

describe("a save keeps the computer's dice", () => {
  it.each(['search:1', 'persona', 'random', 'historical', 'negotiator'])(
    'against %s: the restore asks nothing and plays on to the same end as the unbroken game',
    async ussr => {
      const { straight, saved, computerMoves } = await games(ussr, '5');
      expect(computerMoves).toBeGreaterThan(5);
      expect(saved.app.dice?.ussr?.player).toBe(ussr);
      expect(saved.app.dice?.britain).toBeUndefined();
      const { m, asksOnRestore, views } = await restoreAndPlay(saved);
      expect(asksOnRestore).toBe(0);
      expect(m.moves).toEqual(straight.moves);
      expect(m.save()).toEqual(straight.save());
      // The dice stay with the authority: not in any view it handed out, to the computer or the person.
      // (Their three fractions, long enough never to turn up by chance; the carry is a small whole number.)
      const { s0, s1, s2 } = saved.app.dice!.ussr!.rng;
      const dice = [s0, s1, s2].map(String);
      for (const v of [...views, m.view('britain'), m.view('ussr')]) for (const x of dice) expect(JSON.stringify(v)).not.toContain(x);
    },
    120_000,
  );

  it('an older save without the dice still loads: the computer is asked again for its moves, and the game plays on the same', async () => {
    const { straight, saved, computerMoves } = await games('search:1', '5');
    const { dice: _dice, ...app } = saved.app;
    const { m, asksOnRestore } = await restoreAndPlay({ ...saved, app });
    expect(asksOnRestore).toBe(computerMoves);
    expect(m.save()).toEqual(straight.save());
  }, 120_000);

  it.each([
    ['boulware', 'negotiator'],
    ['conceder', 'titfortat'],
    ['hardliner', 'boulware'],
  ] as const)(
    '1929, %s against %s, saved in the middle of the talks: the bargainers read the talks off their views, so the restore asks nothing and plays on to the same end',
    async (britain, ussr) => {
      const sc29 = loadScenarioFile('1929');
      const make = (ai: AiTransportFactory = inProcessAi) => {
        const r = Match.create(sc29, { scenario: '1929', seed: 'memory/1', sides: { britain, ussr } }, { ai });
        if (!r.ok) throw new Error(r.error);
        return r.value;
      };
      const straight = make();
      await drive(straight);
      // The same game stopped (the computer refuses to answer) six questions after notes have gone
      // both ways and one has been answered, the game still to run, and saved there.
      let after = -1;
      const stopping: AiTransportFactory = (s, seats) => {
        const inner = inProcessAi(s, seats);
        return {
          ask: (view, rng) => {
            const answered = new Set(view.offers.map(o => o.from)).size === 2 && view.offers.some(o => o.status !== 'sent' && o.status !== 'delivered');
            if (after < 0 && answered) after = 0;
            if (after >= 0 && after++ >= 6) return Promise.resolve(err('stopped here to save the game'));
            return inner.ask(view, rng);
          },
          dispose: () => inner.dispose(),
        };
      };
      const first = make(stopping);
      expect((await first.advance()).ok).toBe(false);
      expect(first.next().kind).toBe('computer');
      expect(first.moveCount).toBeLessThan(straight.moveCount - 10);
      const saved = JSON.parse(JSON.stringify(first.save())) as AppSave;
      first.dispose();
      expect(saved.app.dice?.britain?.player).toBe(britain);
      expect(saved.app.dice?.ussr?.player).toBe(ussr);
      const spy = counting();
      const r = await Match.restore(sc29, saved, { ai: spy.ai });
      if (!r.ok) throw new Error(r.error);
      expect(spy.views).toHaveLength(0);
      await drive(r.value);
      expect(r.value.save()).toEqual(straight.save());
      // An older save, without the dice, still loads: each computer move is asked again, to the same end.
      const { dice: _dice, ...app } = saved.app;
      const old = counting();
      const o = await Match.restore(sc29, { ...saved, app }, { ai: old.ai });
      if (!o.ok) throw new Error(o.error);
      expect(old.views).toHaveLength(saved.moves.length);
      await drive(o.value);
      expect(o.value.save()).toEqual(straight.save());
    },
    300_000,
  );

  it('dice recorded for another player than the one at the seat now are not used: that player is asked again', async () => {
    const { saved, computerMoves } = await games('persona', '6');
    const spy = counting();
    const r = await Match.restore(sc, { ...saved, app: { ...saved.app, sides: { britain: 'human', ussr: 'random' } } }, { ai: spy.ai });
    if (!r.ok) throw new Error(r.error);
    expect(spy.views).toHaveLength(computerMoves);
  }, 120_000);

  it('refuses a save whose dice field is malformed, naming the field', async () => {
    const { saved } = await games('persona', '7');
    const rng = saved.app.dice!.ussr!.rng;
    const refused = async (dice: unknown) => {
      const r = await Match.restore(sc, { ...saved, app: { ...saved.app, dice } });
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error;
    };
    expect(await refused('lucky')).toMatch(/the save's app\.dice is not the computer players' dice by side \(it holds "lucky"\)/);
    expect(await refused({ france: { player: 'persona', rng } })).toMatch(/app\.dice\.france names no side/);
    expect(await refused({ ussr: null })).toMatch(/app\.dice\.ussr is not a computer player's dice/);
    expect(await refused({ ussr: { player: 'wizard', rng } })).toMatch(/app\.dice\.ussr\.player is not a computer player \(it holds "wizard"\)/);
    expect(await refused({ ussr: { player: 'persona' } })).toMatch(/app\.dice\.ussr\.rng is not a dice state/);
    expect(await refused({ ussr: { player: 'persona', rng: { ...rng, s1: 2 } } })).toMatch(/app\.dice\.ussr\.rng\.s1 is not a number from 0 up to 1 \(it holds 2\)/);
    expect(await refused({ ussr: { player: 'persona', rng: { ...rng, c: 0.5 } } })).toMatch(/app\.dice\.ussr\.rng\.c is not a whole number/);
    // The same save with its dice as written loads.
    expect((await Match.restore(sc, saved)).ok).toBe(true);
  }, 120_000);
});
