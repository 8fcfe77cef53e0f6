// Random incidents do not repeat beyond what the sources support (issue 10, item 5). The scenario
// format has no `maxFires`, and none is added: a random event that may come more than once caps
// itself in its own data, with counting flags in its `when` and effects (chinaNewsFired1,
// chinaNewsFired2 ...) and a spacing test on their age. MAX_FIRES states each such cap; every
// other random event must be `once`. Persona and random players, many seeds.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, nextMove, type PlayerKind, toMove } from '../../src/ai/index';
import { compile } from '../../src/engine/compile';
import { applyMove, createGame } from '../../src/engine/index';
import { seatView } from '../../src/engine/seat';
import type { Side } from '../../src/engine/vocab';
import type { Scenario } from '../../src/scenario/schema';
import { loadScenarioFile } from '../loadScenario';

const SCENARIOS = ['1927', '1929', '1932'];
const SIDES: Side[] = ['britain', 'ussr'];

/**
 * The most times each repeatable random event may fire in one game, as its data caps it (counting
 * flags in its `when`). Every other random event is `once`.
 */
const MAX_FIRES: Record<string, Record<string, number>> = {
  '1927': { 'china-news': 2, 'comintern-appeal': 2, 'intercepted-telegram': 2, 'frontier-incident': 2, 'business-lobby': 2 },
  '1929': {
    'unemployment-figures': 3,
    'comintern-outburst': 3,
    'business-lobby': 3,
    'afghan-alarm': 2,
    'ilp-deputation': 2,
    'leak-to-moscow': 3,
    'grain-trouble': 2,
    'conservative-attack': 2,
    'dumping-questions': 2,
    'tory-drift': 2,
  },
  '1932': {
    'comintern-appeal': 3,
    'dumping-story': 3,
    'atholl-campaign': 2,
    'exporters-lobby': 3,
    'default-scare': 2,
    'peasant-resistance': 3,
    'far-east-alarm': 2,
    'german-credit-offer': 2,
  },
};
const INCIDENT_GAMES = 80;

/** How often each random event fired in each of `games` games of the given players. */
function fireCounts(sc: Scenario, kind: PlayerKind, games: number): Map<string, number[]> {
  const c = compile(sc);
  const random = c.events.filter(e => e.mtthDays !== null);
  const out = new Map(random.map(e => [e.id, [] as number[]]));
  for (let g = 0; g < games; g++) {
    let s = createGame(sc, `incidents-${g}`, { record: false });
    const players = { britain: makePlayer(kind, sc, 'britain'), ussr: makePlayer(kind, sc, 'ussr') };
    const rngs = { britain: aiRng(s.seed, 'britain'), ussr: aiRng(s.seed, 'ussr') };
    const n = random.map(() => 0);
    while (!s.ended) {
      const side = SIDES.find(x => toMove(s, x))!;
      const m = nextMove(c, seatView(c, s, side, AI_VIEW), players[side], rngs[side])!;
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(r.error);
      random.forEach((e, j) => {
        if (r.value.fired[e.i] !== s.fired[e.i]) n[j]!++;
      });
      s = r.value;
    }
    random.forEach((e, j) => out.get(e.id)!.push(n[j]!));
  }
  return out;
}

describe('random incidents do not repeat beyond what the data allows', () => {
  for (const id of SCENARIOS) {
    it(`${id}: every repeatable random event is capped, and no random event fires more often than its cap`, () => {
      const sc = loadScenarioFile(id);
      const caps = MAX_FIRES[id]!;
      const repeatable = sc.events
        .filter(e => e.mtthDays !== undefined && e.once === false)
        .map(e => e.id)
        .sort();
      expect(repeatable).toEqual(Object.keys(caps).sort());
      const over: string[] = [];
      for (const kind of ['persona', 'random'] as const) {
        for (const [ev, counts] of fireCounts(sc, kind, INCIDENT_GAMES)) {
          const most = Math.max(...counts),
            cap = caps[ev] ?? 1;
          if (most > cap) over.push(`${ev}: ${most} times in one ${kind} game (cap ${cap})`);
        }
      }
      expect(over).toEqual([]);
    });
  }
});
