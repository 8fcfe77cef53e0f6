// The network match a student's screen drives (src/class/remoteMatch.ts): a classroom lead is
// given the ministers' ballots on their open items, and told each time they change, so the
// decision before them shows the votes as they come (session 20: the lead decided blind, the tally
// only in the role fold under the dialog). A minister's seat, and a pass-and-play match, have none.
// A page of a seat opened mid-game hands out only news it has not heard, and gives the screen's
// Reports tab every earlier turn the server tells it (session 22), none of it opened again.

import { describe, expect, it } from 'vitest';
import { ballotText } from '../../src/app/classroom';
import { Heard } from '../../src/app/heard';
import { Match, type MatchEvent } from '../../src/app/match';
import { ReportBook } from '../../src/app/reportBook';
import type { CabinetPanel, RoomInfo, SeatMessage, TallyLine } from '../../src/class/protocol';
import { RemoteMatch } from '../../src/class/remoteMatch';
import { type Compiled, compile, createGame, type NewsItem, type SeatView, seatReports, seatView } from '../../src/engine/index';
import { personMove } from '../app/matchDriver';
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

describe('a seat’s news in a new page of the same seat', () => {
  /** Britain's view of a 1929 game on its second turn, which still carries the first turn's news (the break's headline). */
  async function secondTurn(): Promise<SeatView> {
    const r = Match.create(sc, { scenario: '1929', seed: '7', sides: { britain: 'human', ussr: 'human' } });
    if (!r.ok) throw new Error(r.error);
    const m = r.value;
    for (let guard = 0; guard < 50 && m.view('britain').turn < 1; guard++) {
      const n = m.next();
      if (n.kind === 'handover') m.handOver(n.seat);
      else if (n.kind === 'decide' || n.kind === 'orders') expect(m.submit(n.seat, personMove(m, n.seat)).ok).toBe(true);
      else throw new Error(`unexpected ${n.kind}`);
    }
    return m.view('britain');
  }
  const news = (said: MatchEvent[]) => said.flatMap(e => (e.type === 'news' ? e.items : []));
  const at = (v: SeatView): SeatMessage => ({ ...message(false, null), view: v, duty: 'wait' });

  it('hands out only what came since the last page, so turn 1’s “Relations broken” is not opened again on turn 2', async () => {
    const v = await secondTurn();
    expect(v.news.some(n => n.headline === 'relations' && n.day === c.days[0])).toBe(true);
    let kept: string | null = null;
    const store = { load: () => kept, save: (t: string) => void (kept = t) };
    const first = new RemoteMatch(c, at(v), { send: () => true, leave: () => {} }, store);
    const said1: MatchEvent[] = [];
    first.on(e => said1.push(e));
    first.start();
    expect(news(said1)).toEqual(v.news);
    // A reload, a return from the title screen, "Continue as" in a new tab: a new match on the same store.
    const again = new RemoteMatch(c, at(v), { send: () => true, leave: () => {} }, store);
    const said2: MatchEvent[] = [];
    again.on(e => said2.push(e));
    again.start();
    expect(news(said2)).toEqual([]);
    // What comes next is handed out as ever.
    const more = { ...v, news: [...v.news, { day: v.news.at(-1)!.day, text: 'A later line.', cause: 'rule:test' }] };
    again.update(at(more));
    expect(news(said2).map(n => n.text)).toEqual(['A later line.']);
  });

  it('hands everything out on a device that has kept nothing (or kept it unreadably)', async () => {
    const v = await secondTurn();
    for (const kept of [null, '{not json']) {
      const m = new RemoteMatch(c, at(v), { send: () => true, leave: () => {} }, { load: () => kept, save: () => {} });
      const said: MatchEvent[] = [];
      m.on(e => said.push(e));
      m.start();
      expect(news(said)).toEqual(v.news);
    }
  });
});

describe('a seat’s earlier reports in a new page of the same seat', () => {
  /** A 1929 game played by hand to its third turn, and Britain's view there (turn 1's news no longer in it). */
  function thirdTurn(): { v: SeatView; all: NewsItem[] } {
    const r = Match.create(sc, { scenario: '1929', seed: '7', sides: { britain: 'human', ussr: 'human' } });
    if (!r.ok) throw new Error(r.error);
    const m = r.value;
    for (let guard = 0; guard < 80 && m.view('britain').turn < 2; guard++) {
      const n = m.next();
      if (n.kind === 'handover') m.handOver(n.seat);
      else if (n.kind === 'decide' || n.kind === 'orders') expect(m.submit(n.seat, personMove(m, n.seat)).ok).toBe(true);
      else throw new Error(`unexpected ${n.kind}`);
    }
    return { v: m.view('britain'), all: m.inspect(s => seatReports(s, 'britain')) };
  }

  it('gives the screen’s report book every turn the server tells, turn 1 included, without opening any of it again', () => {
    const { v, all } = thirdTurn();
    expect(v.turn).toBe(2);
    expect(v.news.some(n => n.day === c.days[0])).toBe(false);
    const msg: SeatMessage = { ...message(false, null), view: v, duty: 'wait' };
    // A reload: the page has heard the view's news before (its heard store), and the server's list comes before the screen starts.
    const heard = new Heard();
    heard.fresh(v.news);
    const m = new RemoteMatch(c, msg, { send: () => true, leave: () => {} }, { load: () => JSON.stringify(heard), save: () => {} });
    m.reports(all);
    // The screen as game.ts keeps its book: the view's news from the first, then what the match gives.
    const book = new ReportBook();
    book.add(m.view('britain').news);
    const said: MatchEvent[] = [];
    m.on(e => {
      said.push(e);
      if (e.type === 'news' || e.type === 'reports') book.add(e.items);
    });
    m.start();
    expect(said.filter(e => e.type === 'news')).toEqual([]);
    const earlier = book.earlier(c, v.news);
    expect(earlier.map(t => t.turn)).toEqual([0]);
    expect(earlier[0]!.items).toEqual(all.filter(n => n.day === c.days[0]));
    expect(earlier[0]!.items.some(n => n.headline === 'relations')).toBe(true);
    // Told again after the screen has started (the connection came back): nothing is held twice.
    m.reports(all);
    expect(book.earlier(c, v.news)[0]!.items).toHaveLength(earlier[0]!.items.length);
  });
});
