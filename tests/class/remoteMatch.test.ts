// The network match a student's screen drives (src/class/remoteMatch.ts): a classroom lead is
// given the ministers' ballots on their open items, and told each time they change, so the
// decision before them shows the votes as they come (session 20: the lead decided blind, the tally
// only in the role fold under the dialog). A minister's seat, and a pass-and-play match, have none.

import { describe, expect, it } from 'vitest';
import { ballotText } from '../../src/app/classroom';
import type { MatchEvent } from '../../src/app/match';
import type { CabinetPanel, RoomInfo, SeatMessage, TallyLine } from '../../src/class/protocol';
import { RemoteMatch } from '../../src/class/remoteMatch';
import { type Compiled, compile, createGame, seatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1929');
const c: Compiled = compile(sc);
const view = seatView(c, createGame(sc, '7'), 'britain');

function message(proposes: boolean, tally: TallyLine[] | null, moves = 0): SeatMessage {
  const cabinet: CabinetPanel = { votes: !proposes, note: '', items: [], mine: {}, tally, counted: [], score: null };
  return { side: 'britain', view, cabinet, optionOrder: {}, duty: 'decide', proposes, moves, end: null, standIn: null };
}

const line = (f: string[], a: string[] = []): TallyLine => ({ item: 'option:e.o', label: 'E: O', for: f, against: a });

describe('a classroom lead’s ballots', () => {
  it('gives the lead the ministers’ ballots and says when they change, not when they stay', () => {
    const m = new RemoteMatch(c, message(true, [line([])]), { send: () => true, leave: () => {} });
    const said: MatchEvent[] = [];
    m.on(e => said.push(e));
    m.start();
    expect(m.ballots('britain')).toEqual([line([])]);
    m.update(message(true, [line(['Baldwin'])], 0));
    expect(m.ballots('britain')).toEqual([line(['Baldwin'])]);
    expect(said.filter(e => e.type === 'ballots')).toEqual([{ type: 'ballots', seat: 'britain' }]);
    // The same ballots again (another seat's business changed): nothing to show afresh.
    m.update(message(true, [line(['Baldwin'])], 0));
    expect(said.filter(e => e.type === 'ballots')).toHaveLength(1);
    m.update(message(true, [line(['Baldwin'], ['Churchill'])], 0));
    expect(said.filter(e => e.type === 'ballots')).toHaveLength(2);
    // Another seat's question is not this one's to answer.
    expect(m.ballots('ussr')).toBeNull();
  });

  it('gives a minister none', () => {
    const m = new RemoteMatch(c, message(false, null), { send: () => true, leave: () => {} });
    m.start();
    expect(m.ballots('britain')).toBeNull();
  });
});

describe('what the lead reads under an option', () => {
  it('names those for and against, and the advice apart', () => {
    expect(ballotText(line([]))).toBe('No minister has voted on it yet.');
    expect(ballotText(line(['Baldwin', 'Churchill']))).toBe("Ministers' votes so far: for, Baldwin, Churchill; against, none.");
    expect(ballotText({ ...line([], ['Churchill']), advice: { for: ['Vansittart'], against: [] } })).toBe(
      "Ministers' votes so far: for, none; against, Churchill. Advice for, Vansittart; against, none.",
    );
  });
});

describe('the teacher’s end', () => {
  it('closes a lead’s open desk, which then waits saying why', () => {
    const m = new RemoteMatch(c, { ...message(true, null), duty: 'orders' }, { send: () => true, leave: () => {} });
    const said: MatchEvent[] = [];
    m.on(e => said.push(e));
    m.start();
    const room = (phase: RoomInfo['phase']) => ({ phase, sides: { britain: 'human', ussr: 'human' } }) as RoomInfo;
    m.room(room('playing'));
    expect(m.next()).toEqual({ kind: 'orders', seat: 'britain' });
    m.room(room('ended'));
    expect(said).toContainEqual({ type: 'overtaken', seat: 'britain', text: 'The teacher has ended the game.' });
    expect(m.next().kind).toBe('computer');
    expect(m.waitText()).toBe('The teacher has ended the game.');
  });
});
