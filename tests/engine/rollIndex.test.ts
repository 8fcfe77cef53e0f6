// The dice key a roll by its kind and an index packed into one number (dice.ts: kinds 2^24 apart).
// The scenario compiler numbers the rolls (each cabinet vote and effect list in link order; a random
// incident by its place among the events) and refuses a scenario whose numbers would not fit,
// naming the field where the count runs over, rather than letting one roll read as another kind.
import { describe, expect, it } from 'vitest';
import { ROLL } from '../../src/engine/dice';
import { compile } from '../../src/engine/index';
import { linkVote } from '../../src/engine/link/actions';
import { CompileError, type LinkContext, ROLL_INDICES } from '../../src/engine/link/context';
import { linkEffectFns } from '../../src/engine/link/effects';
import { linkEvents } from '../../src/engine/link/events';
import type { ScenarioSetup } from '../../src/engine/setup';
import { loadScenarioFile } from '../loadScenario';

/** A linker's context that has numbered `rolls` votes and effect lists already. */
const counted = (rolls: number): LinkContext => ({ rolls, issueIndex: new Map([['conditions', 0]]) }) as unknown as LinkContext;

const thrown = (f: () => unknown): CompileError => {
  try {
    f();
  } catch (e) {
    if (e instanceof CompileError) return e;
    throw e;
  }
  throw new Error('nothing was refused');
};

describe('roll indices', () => {
  it('is the room between two kinds of roll', () => {
    expect(ROLL_INDICES).toBe(2 ** 24);
    expect(ROLL.linked % ROLL_INDICES).toBe(0);
  });

  it('numbers the last effect list that fits, and refuses the next, naming its field', () => {
    const cx = counted(ROLL_INDICES - 1);
    linkEffectFns(cx, [], 'events[3].effects');
    expect(cx.rolls).toBe(ROLL_INDICES);
    const e = thrown(() => linkEffectFns(cx, [], 'events[4].effects'));
    expect(e.path).toBe('events[4].effects');
    expect(e.message).toBe(`events[4].effects: too many cabinet votes and effect lists: this is number ${ROLL_INDICES + 1}, and the dice can tell apart only ${ROLL_INDICES} (dice.ts)`);
    expect(cx.rolls).toBe(ROLL_INDICES);
  });

  it('refuses a cabinet vote past the room, naming the issue field of the order', () => {
    const ok = linkVote(counted(ROLL_INDICES - 2), { issue: 'conditions' }, 'actions[7]');
    expect(ok!.roll).toBe(ROLL.linked | (ROLL_INDICES - 1));
    // The vote's own list of effects on failure is numbered first, and takes the last index.
    const e = thrown(() => linkVote(counted(ROLL_INDICES - 1), { issue: 'conditions' }, 'actions[8]'));
    expect(e.message).toMatch(/^actions\[8\]\.issue: too many cabinet votes and effect lists: this is number 16777217,/);
  });

  it('refuses a random event placed past the room in the events list', () => {
    const events: ScenarioSetup['events'] = [];
    // A sparse list: only the last place is filled, so the linker reaches it at once.
    events[ROLL_INDICES] = { id: 'late', title: 'Late', kind: 'incident', text: 'x', mtthDays: 100, sources: [] } as ScenarioSetup['events'][number];
    const e = thrown(() => linkEvents(counted(0), { events } as unknown as ScenarioSetup));
    expect(e.message).toBe(
      `events[${ROLL_INDICES}].mtthDays: too many events for a random one to roll by its place in the list: this is number ${ROLL_INDICES + 1}, and the dice can tell apart only ${ROLL_INDICES} (dice.ts)`,
    );
  });

  it('numbers every vote of the real scenarios apart, each keyed as a linked roll', () => {
    for (const id of ['1927', '1929', '1932']) {
      const c = compile(loadScenarioFile(id));
      const votes = [...c.actions.map(a => a.vote), ...c.events.flatMap(ev => ev.decision?.options.map(o => o.vote) ?? [])].flatMap(v => (v ? [v.roll] : []));
      expect(votes.length).toBeGreaterThan(10);
      expect(new Set(votes).size).toBe(votes.length);
      for (const r of votes) expect(Math.floor(r / ROLL_INDICES) * ROLL_INDICES).toBe(ROLL.linked);
    }
  });
});
