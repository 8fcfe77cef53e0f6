// The teacher injects an event into a classroom group: refused before the start, for an unknown or
// already-happened event, after the end and to a student's connection; otherwise it fires at the start
// of the next turn, every seat of both sides reads that the teacher introduced it, and a group taken
// back up from its log after the injection plays on to the very same game.

import { afterAll, describe, expect, it } from 'vitest';
import { timelineOf } from '../../src/app/debrief';
import { readHandIn } from '../../src/app/handIn';
import type { GroupOverview, Refusal, SeatMessage } from '../../src/class/protocol';
import { compile, stateHash } from '../../src/engine/index';
import { Group } from '../../src/server/group';
import { loadScenarioFile } from '../loadScenario';
import { api, join, type TestServer, testServer } from './harness';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const EVENT = 'canada-breaks'; // its trigger (the missions gone, mid-June) cannot hold in the first turns
const LINE = 'Introduced by the teacher: Canada follows.';

function started(): { g: Group; tokens: Record<'britain' | 'ussr', string> } {
  const g = Group.create(sc, { code: 'INJ1', classId: 'c1', teacherKey: 'k', seed: 'inject-test', seating: 'assign', paceSeconds: 0 });
  if (!g.ok) throw new Error(g.error);
  const ada = g.value.join({ name: 'Ada' }); // Britain's lead
  const boris = g.value.join({ name: 'Boris' }); // the Soviet lead
  g.value.join({ name: 'Cecil' }); // a British minister's seat
  if (!ada.ok || !boris.ok) throw new Error('join');
  return { g: g.value, tokens: { britain: ada.value.seatToken, ussr: boris.value.seatToken } };
}

/** Both leads answer with the first option shown and give no orders, until the turn resolves. */
async function playTurn(g: Group, tokens: Record<'britain' | 'ussr', string>): Promise<void> {
  const turn = g.info().turn;
  for (let k = 0; k < 60 && g.info().turn === turn; k++) {
    for (const side of ['britain', 'ussr'] as const) {
      const m: SeatMessage = g.seatMessage({ side, role: 'lead' })!;
      const r =
        m.duty === 'decide'
          ? await g.move(tokens[side], {
              type: 'decide',
              side,
              event: c.events[m.view.pending[0]!]!.id,
              option: c.events[m.view.pending[0]!]!.decision!.options[m.optionOrder[m.view.pending[0]!]![0]!]!.id,
            })
          : m.duty === 'orders'
            ? await g.move(tokens[side], { type: 'orders', side, orders: [] })
            : null;
      if (r && !r.ok) throw new Error(r.error);
    }
  }
  if (g.info().turn === turn) throw new Error('the turn did not resolve');
}

const newsOf = (g: Group, side: 'britain' | 'ussr', role: string) => g.seatMessage({ side, role })!.view.news.map(n => n.text);
const injectable = (g: Group) => (g.overview() as GroupOverview).injectable.map(e => e.id);

describe("the teacher's injected event in a group", () => {
  it('is refused before the start, for an unknown or fired event and after the end; fires next turn for both sides; survives a restore', async () => {
    const { g, tokens } = started();
    expect(g.control({ do: 'inject', event: EVENT })).toEqual({ ok: false, error: 'the game has not started' });
    expect(g.control({ do: 'start' }).ok).toBe(true);
    expect(injectable(g)).toContain(EVENT);
    expect(g.control({ do: 'inject', event: 'no-such' })).toEqual({ ok: false, error: 'the scenario has no event "no-such"' });
    const opening = c.events[c.eventIndex.get('opening')!]!.title; // fired at the start
    expect(g.control({ do: 'inject', event: 'opening' })).toEqual({ ok: false, error: `"${opening}" has already happened in this game` });

    expect(g.control({ do: 'inject', event: EVENT }).ok).toBe(true);
    expect(g.info().announcements.at(-1)!.text).toBe('The teacher has introduced an event: “Canada follows” happens at the start of the next turn.');
    expect(g.toLog().game!.injected).toEqual([{ event: EVENT, at: g.toLog().game!.moves.length }]);

    // Taken up again from its log (a restart) before the turn resolves: both play on to the same game.
    const back = await Group.restore(sc, JSON.parse(JSON.stringify(g.toLog())));
    if (!back.ok) throw new Error(back.error);
    await playTurn(g, tokens);
    await playTurn(back.value, tokens);
    expect(back.value.toLog().game!.hash).toBe(g.toLog().game!.hash);
    expect(newsOf(back.value, 'ussr', 'lead')).toContain(LINE);
    // The stored game loaded as a hand-in on the console replays the injection and keeps it.
    const handIn = readHandIn(sc, JSON.parse(JSON.stringify(g.toLog().game)));
    if (!handIn.ok) throw new Error(handIn.error);
    expect(handIn.value.save.injected).toEqual(g.toLog().game!.injected);
    expect(stateHash(handIn.value.state)).toBe(g.toLog().game!.hash);
    // The debrief's timeline names the event as the teacher's, not the players'.
    const game = g.toLog().game!;
    expect(timelineOf(sc, game.seed, game.moves, game.injected).entries.map(e => e.text)).toContain('Canada follows (introduced by the teacher)');

    for (const [side, role] of [
      ['britain', 'lead'],
      ['ussr', 'lead'],
      ['britain', g.info().roster[2]!.role],
    ] as const)
      expect(newsOf(g, side, role)).toContain(LINE);
    expect(injectable(g)).not.toContain(EVENT);
    expect(g.control({ do: 'inject', event: EVENT })).toEqual({ ok: false, error: '"Canada follows" has already happened in this game' });

    expect(g.control({ do: 'end' }).ok).toBe(true);
    expect(g.control({ do: 'inject', event: 'hoarding' })).toEqual({ ok: false, error: 'the game has ended' });
    expect(g.overview()!.injectable).toEqual([]);
    g.dispose();
    back.value.dispose();
  });
});

describe('over the network', () => {
  let ts: TestServer | undefined;
  afterAll(async () => ts?.close());

  it("refuses the injection to a student's connection and gives the teacher the reason for a refused one", async () => {
    ts = await testServer();
    const made = await api<{ teacherKey: string; codes: string[] }>(ts.server.url, '/api/classes', { scenario: '1927', groups: 1, seating: 'assign' });
    const code = made.codes[0]!;
    const teacher = await join(ts.server.url, code, { teacherKey: made.teacherKey });
    const student = await join(ts.server.url, code, { name: 'Sly' });
    student.room.send('control', { do: 'inject', event: EVENT });
    expect((await student.wait<Refusal>('refused')).reason).toContain('only the teacher');
    teacher.room.send('control', { do: 'inject', event: EVENT });
    expect(await teacher.wait<Refusal>('refused')).toEqual({ what: 'control inject', reason: 'the game has not started' });
    await student.room.leave();
    await teacher.room.leave();
  });
});
