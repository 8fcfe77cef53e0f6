// When a turn's time runs out and the computer gives a lead's move, the lead's screen must not stay
// open on a desk whose orders are already sent: the seat message says what the computer gave, and
// the network match tells the screen its move was made (an `overtaken` event closes the desk), then
// keeps the words in what the seat is told while it waits.

import { describe, expect, it } from 'vitest';
import type { MatchEvent } from '../../src/app/match';
import { RemoteMatch } from '../../src/class/remoteMatch';
import { compile, type Move } from '../../src/engine/index';
import { type Clock, Group } from '../../src/server/group';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);

const clock: Clock = { now: () => 1_000_000, setTimeout: () => 0, clearTimeout: () => undefined };

describe('the deadline at an open desk', () => {
  it('tells the seat what the computer sent, and closes the desk on its screen', async () => {
    const g = Group.create(sc, { code: 'LATE1', classId: 'c', teacherKey: 'k', seed: 'late', seating: 'assign', paceSeconds: 60 }, clock);
    if (!g.ok) throw new Error(g.error);
    const lead = g.value.join({ name: 'Ada' });
    if (!lead.ok) throw new Error(lead.error);
    expect(g.value.control({ do: 'start' }).ok).toBe(true);
    await new Promise(r => setTimeout(r, 0));
    const before = g.value.seatMessage(lead.value.seat)!;
    expect(before.standIn).toBeNull();
    expect(['decide', 'orders']).toContain(before.duty);

    const sent: Move[] = [];
    const m = new RemoteMatch(c, before, { send: mv => sent.push(mv) > 0, leave: () => undefined });
    const events: MatchEvent[] = [];
    m.on(e => events.push(e));
    m.start();
    expect(m.next().kind).toBe(before.duty);

    await g.value.expireNow();
    const after = g.value.seatMessage(lead.value.seat)!;
    expect(after.standIn?.text).toMatch(/^Time ran out, so the computer (decided|sent)/);
    // The orders the computer gave are named (or that it gave none).
    const own = g.value
      .toLog()
      .game!.moves.filter(mv => mv.side === 'britain' && mv.type === 'orders')
      .at(-1)!;
    if (own.type === 'orders') for (const o of own.orders) if (o.kind === 'action') expect(after.standIn!.text).toContain(c.actions[c.actionIndex.get(o.id)!]!.label);

    m.update(after);
    expect(events.filter(e => e.type === 'overtaken')).toEqual([{ type: 'overtaken', seat: 'britain', text: after.standIn!.text }]);
    // The same message again is no news.
    m.update(after);
    expect(events.filter(e => e.type === 'overtaken')).toHaveLength(1);
    if (m.next().kind === 'computer') expect(m.waitText()).toContain('Time ran out');
    expect(sent).toEqual([]);
    g.value.dispose();
  });
});
