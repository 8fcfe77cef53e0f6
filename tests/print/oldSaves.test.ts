// Saves made before students' ballots and roles' secret objectives existed (written by the engine
// at main 9e9db69 and recorded again, with the same seeds and players, once contradictory orders and options' conditions changed the rules: 70 moves of persona against random in each year) still load: they replay to
// their recorded hash, as a save and as a hand-in, and the debrief and every role's score come from them.
// When the scenarios became version 3 for those rule changes, only their version and hash were
// written again: the same moves reach the same state but for its version number. For version 4 (the
// keyed dice, which change every game; in 1932 also the Simon-Litvinov meeting moved to the eve of
// Ottawa) they were recorded again, with the same seeds and players. For version 5 (one side's
// private asides in events of their own) only their version and hash were written again: the same
// moves reach the same state but for the version and the added events; so again for version 6 of
// 1927 and 1929 (Baldwin's statement without a break, Henderson's word to Wise), and for version 7
// of 1927 (the break announced the day after the Cabinet: the 1927 game never comes to that Cabinet,
// so its moves and figures are the same) and of 1929 (Wise's overstepping in London's own event, Moscow's
// answer to the invitation a turn earlier, the Home Office letter on its day: the 1929 game invites no
// envoy in July, and its Home Office letter, after Rykov's speech of the same turn, came on 24 September in both),
// and for version 6 of 1932 (three private events of their own taking effects out of shared ones: the same
// moves and figures). Version 7 of 1929 changed again before its release (events no longer repeating the
// effects of orders history gives): the same 70 moves replay, to other figures, so only the hash was
// written again.
// Version 8 of 1927 (events no longer repeat history's orders): the same moves, other figures.
// Version 9 of 1927 (the talks close once an agreement is ratified; private asides in events of their own):
// persona and random make the same 70 moves from the same seed, to other figures: the version and hash written again.
// Version 6 of 1932 changed again before its release (events no longer repeating history's orders): the
// persona and random players make the same 70 moves from the same seed, which reach other figures, so
// only the hash was written again.
// Version 8 of 1929 and 7 of 1932 (notes lapse once the talks close; the talks' events need no settlement
// yet): the same 70 moves reach the same figures, so only the version and hash were written again.
// Version 9 of 1929 and 8 of 1932 (Bukharin's fall on its own turn, asides in Britain's prompts; Strang's
// reading of Moscow in an event of its own): the same 70 moves reach the same figures (the 1929 game ends in
// September, before Bukharin's fall), so only the version and hash were written again.
// Version 9 of 1932 (a new agreement's credit term holds; Sokolnikov's farewell and Litvinov's weighing of
// the hints only while no new agreement is binding): the game makes no agreement, and the same 70 moves reach
// the same figures, so only the version and hash were written again.
// Version 10 of 1929 (the government changes on the turn of 6 June, not on polling day; Chamberlain is a
// caretaker in the turn of 30 May): recorded again with the same seed and players. The first 32 moves are
// the same; the 33rd, Britain's orders in the turn of 30 May, gave Henderson's orders (use-go-betweens,
// address-plp) while he was not yet in office, so the game goes on from there with other moves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { debrief } from '../../src/app/debrief';
import { readHandIn } from '../../src/app/handIn';
import { compile, loadSave, scoreRoles, stateHash } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

describe.each(['1927', '1929', '1932'])('a save of %s from before the classroom', id => {
  const sc = loadScenarioFile(id);
  const data = JSON.parse(readFileSync(`tests/fixtures/saves/before-ballots-${id}.json`, 'utf8'));

  it('replays to its recorded hash, and loads as a hand-in with no group or seats', () => {
    const r = loadSave(sc, data);
    if (!r.ok) throw new Error(r.error);
    expect(stateHash(r.value.state)).toBe(data.hash);
    expect(r.value.save.moves.some(m => m.votes !== undefined)).toBe(false);
    const h = readHandIn(sc, data);
    expect(h.ok && h.value.seats).toEqual([]);
  });

  it('gives every role a score and a debrief', () => {
    const r = loadSave(sc, data);
    if (!r.ok) throw new Error(r.error);
    const scores = scoreRoles(compile(sc), r.value.state);
    expect(scores).toHaveLength(sc.roles!.length);
    for (const s of scores) expect(s.total).toBeGreaterThanOrEqual(0);
    const d = debrief(sc, data.seed, data.moves);
    expect(d.finished).toBe(false);
    expect(d.timeline.length).toBeGreaterThan(0);
  });
});
