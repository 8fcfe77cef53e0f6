// A minister's vote pressed while the connection is down is kept on its item, marked not sent
// (session 21); session 22: it is kept in the tab too, so a reload of his page on the same turn gives
// it back, to send in one press, and it is dropped once sent, once the server holds it, and once
// the turn has moved on (in the page and in the tab).

import { describe, expect, it } from 'vitest';
import { UnsentVotes, type VoteStore } from '../../src/class/keptVotes';
import type { CabinetPanel, SeatMessage } from '../../src/class/protocol';
import { compile, createGame, seatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1929');
const c = compile(sc);
const view = seatView(c, createGame(sc, '7'), 'britain');
const ITEM = 'option:e.o';

/** A minister's seat message on `turn`, the item before the cabinet unless `open` is false, with the votes the server holds. */
function message(turn: number, mine: CabinetPanel['mine'] = {}, open = true): SeatMessage {
  const cabinet: CabinetPanel = { votes: true, note: '', items: open ? [{ item: ITEM, label: 'E: O', when: 'if the lead takes it' }] : [], mine, tally: null, counted: [], score: null };
  return { side: 'britain', view: { ...view, turn }, cabinet, optionOrder: {}, duty: 'wait', proposes: false, moves: 0, end: null, standIn: null };
}

/** The tab's sessionStorage for one seat's votes. */
function tab(): VoteStore & { text: string | null } {
  const s = {
    text: null as string | null,
    load: () => s.text,
    save: (t: string | null) => void (s.text = t),
  };
  return s;
}

describe('a vote not sent, across a reload', () => {
  it('comes back on its item in a new page of the same seat on the same turn', () => {
    const store = tab();
    const page = new UnsentVotes(store);
    page.update(message(0));
    page.pressed(ITEM, 1, false);
    expect(page.get(ITEM)).toBe(1);
    // The reload: a new page, the same turn, the server holding no vote of his.
    const again = new UnsentVotes(store);
    again.update(message(0));
    expect(again.get(ITEM)).toBe(1);
    expect(again.size).toBe(1);
  });

  it('is dropped once sent, once the server holds it, or when taken back', () => {
    const store = tab();
    const page = new UnsentVotes(store);
    page.update(message(0));
    page.pressed(ITEM, -1, false);
    page.pressed(ITEM, -1, true);
    expect(page.size).toBe(0);
    expect(store.text).toBeNull();
    page.pressed(ITEM, 1, false);
    page.pressed(ITEM, 0, false);
    expect(store.text).toBeNull();
    // Sent from another tab: the server holds it.
    page.pressed(ITEM, 1, false);
    page.update(message(0, { [ITEM]: 1 }));
    expect(page.size).toBe(0);
    expect(new UnsentVotes(store).size).toBe(0);
    expect(store.text).toBeNull();
  });

  it('is dropped once the turn has moved on, in the page and in the tab', () => {
    const store = tab();
    const page = new UnsentVotes(store);
    page.update(message(0));
    page.pressed(ITEM, 1, false);
    // The same item before the cabinet again next turn: the vote was for last turn's.
    page.update(message(1));
    expect(page.get(ITEM)).toBeUndefined();
    expect(store.text).toBeNull();
    // Kept from turn 1, reloaded on turn 2: nothing comes back.
    page.pressed(ITEM, -1, false);
    const later = new UnsentVotes(store);
    later.update(message(2));
    expect(later.size).toBe(0);
    expect(store.text).toBeNull();
  });

  it('is dropped when its item is no longer before the cabinet, and comes back from nothing unreadable', () => {
    const store = tab();
    const page = new UnsentVotes(store);
    page.update(message(0));
    page.pressed(ITEM, 1, false);
    page.update(message(0, {}, false));
    expect(page.size).toBe(0);
    for (const text of ['{not json', 'null', JSON.stringify({ turn: 0, votes: [[ITEM, 7]] })]) {
      store.text = text;
      const p = new UnsentVotes(store);
      p.update(message(0));
      expect(p.size).toBe(0);
    }
  });
});
