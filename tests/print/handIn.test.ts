// Hand-ins: a group's game (finished or not) saved with its group name and who played which role,
// loaded back by replaying every move; a foreign, altered or nonsensical file is refused with the reason.
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { makeHandIn, readHandIn } from '../../src/app/handIn';
import { compile, createGame, type Move, replay, scoreRole, stateHash } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const game = runGame(sc, createGame(sc, 'hand-in'), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') });
const half = game.moves.slice(0, 31);
const state = (moves: readonly Move[]) => {
  const r = replay(sc, 'hand-in', moves);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const seats = [
  { role: 'chamberlain', player: 'Amira' },
  { role: 'trotsky', player: 'Chloé' },
];
const file = (moves: readonly Move[]) => JSON.parse(JSON.stringify(makeHandIn(sc, 'hand-in', moves, state(moves), { britain: 'human', ussr: 'human' }, 'Group 3', seats)));

describe('a hand-in', () => {
  it('loads back a finished game: the same state, its group and seats, and each role scored from the replay', () => {
    const r = readHandIn(sc, file(game.moves));
    if (!r.ok) throw new Error(r.error);
    expect(stateHash(r.value.state)).toBe(stateHash(game.state));
    expect(r.value.group).toBe('Group 3');
    expect(r.value.seats).toEqual(seats);
    expect(scoreRole(c, r.value.state, 'trotsky').total).toBe(scoreRole(c, game.state, 'trotsky').total);
  });

  it('loads back an unfinished game as it stood', () => {
    const r = readHandIn(sc, file(half));
    if (!r.ok) throw new Error(r.error);
    expect(r.value.state.ended).toBeNull();
    expect(r.value.save.moves).toHaveLength(31);
  });

  it('loads an ordinary save (no group, no seats)', () => {
    const f = file(half);
    delete f.app.group;
    delete f.app.seats;
    const r = readHandIn(sc, f);
    expect(r.ok && r.value.seats).toEqual([]);
  });

  // biome-ignore lint/suspicious/noExplicitAny: a parsed file under test, edited before it is checked
  const refused: [string, (f: Record<string, any>) => unknown, string][] = [
    ['a file that is not a save', () => ({ hello: 'world' }), 'not a save file of this game'],
    ['a list', () => [1, 2, 3], 'not a save file'],
    ['a save for another scenario', f => ({ ...f, scenario: '1929' }), 'the save is for scenario "1929", not "1927"'],
    ['a move taken out', f => ({ ...f, moves: f.moves.slice(0, -1) }), 'the file has been altered or damaged since it was saved: its moves do not lead to the game it records (state'],
    [
      'a move that is illegal',
      f => ({ ...f, moves: [{ type: 'orders', side: 'britain', orders: [{ kind: 'action', id: 'no-such-order' }] }, ...f.moves] }),
      'move 1 (orders by Britain) is illegal: there is no action "no-such-order"',
    ],
    ['an altered hash', f => ({ ...f, hash: '0000000000000000' }), 'the file has been altered or damaged'],
    ['a seat with a role the scenario lacks', f => ({ ...f, app: { ...f.app, seats: [{ role: 'nobody', player: 'X' }] } }), 'seat 1 names no role of scenario "1927"'],
    ['one role given twice', f => ({ ...f, app: { ...f.app, seats: [seats[0], { role: 'chamberlain', player: 'Z' }] } }), 'the role "chamberlain" is given to two players'],
    ['an empty player name', f => ({ ...f, app: { ...f.app, seats: [{ role: 'chamberlain', player: ' ' }] } }), 'the player at "chamberlain" is empty'],
    ['a control character in the group name', f => ({ ...f, app: { ...f.app, group: 'G\u001b[2J' } }), 'the group name holds a control character'],
    ['seats that are not a list', f => ({ ...f, app: { ...f.app, seats: 'everyone' } }), 'the seats must be a list'],
  ];
  it.each(refused)('refuses %s, with the reason', (_what, edit, reason) => {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const r = readHandIn(sc, edit(file(half) as Record<string, any>));
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toContain(reason);
  });
});
