// 1927's statement of 24 May: where Britain has broken off relations and published the telegrams,
// Baldwin announces the break and reads them (baldwin-statement), as history had it. Where the
// telegrams were published without a break (the Cabinet's "Publish the evidence but do not break"),
// he reads them and announces nothing (baldwin-telegrams-only): no side reads of a break while
// relations stay full.
import { describe, expect, it } from 'vitest';
import { historicalBaseline } from '../../src/ai/baseline';
import { makePlayer, type Player, runGame } from '../../src/ai/index';
import { compile, createGame, type GameState, isoOf } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const ev = (id: string) => c.events[c.eventIndex.get(id)!]!;
const BREAK = ev('baldwin-statement');
const NO_BREAK = ev('baldwin-telegrams-only');

/** The historical players, Britain's Cabinet choosing `option` on 23 May. */
function play(option: string): GameState {
  const p = makePlayer('historical', sc, 'britain');
  const britain: Player = { kind: 'historical-but', decide: (ctx, e) => (e.id === 'rupture-vote' ? option : p.decide(ctx, e)), orders: ctx => p.orders(ctx) };
  return runGame(sc, createGame(sc, historicalBaseline(sc).seed, { record: true }), { britain, ussr: makePlayer('historical', sc, 'ussr') }, true).state;
}

/** Relations changes announced on or before `day`. */
function relationsChanged(s: GameState, day: number): string[] {
  const out: string[] = [];
  for (let x = s.news; x; x = x.n) if (x.e.day <= day && x.e.headline === 'relations') out.push(x.e.text);
  return out;
}
const raw = (id: string) => sc.events.find(e => e.id === id)!.effects!.map(e => ({ ...e, why: undefined }));

describe('1927: Baldwin reads the telegrams', () => {
  it('announces the break where Britain has broken off relations, as in history', () => {
    const s = play('break-publish');
    expect(isoOf(s.fired[BREAK.i]!)).toBe('1927-05-24');
    expect(s.fired[NO_BREAK.i]).toBe(-1);
    expect(relationsChanged(s, s.fired[BREAK.i]!)).toHaveLength(1);
    expect(BREAK.text).toContain('announces the break');
  });

  it('announces no break where the Cabinet publishes the evidence and does not break', () => {
    const s = play('publish-only');
    expect(s.fired[BREAK.i]).toBe(-1);
    expect(isoOf(s.fired[NO_BREAK.i]!)).toBe('1927-05-24');
    expect(relationsChanged(s, s.fired[NO_BREAK.i]!)).toEqual([]);
    expect(`${NO_BREAK.title} ${NO_BREAK.text}`).not.toMatch(/break|rupture/i);
    // The same consequences as the statement it stands in for: play is as before.
    expect(raw(NO_BREAK.id)).toEqual(raw(BREAK.id));
  });
});
