// Cabinets: ministers' stances, influence and moods; decisions that can fail; hawks who force an
// item onto the agenda; resignations; and the drift of uncommitted ministers under pressure.
import type { Compiled, Vote } from './compiled';
import { dexp, dexpRange } from './detmath';
import { addFig, type Draft, news, resign, roll } from './draft';
import type { GameState } from './types';
import { ofSide, type Side } from './vocab';

export const logistic = (x: number): number => 1 / (1 + dexp(-x));

/** logisticRange's bounds on e^-x (one list for every call, read at once). */
const E_RANGE = new Float64Array(2);

/**
 * Bounds on logistic(x) without working out its exp (dexpRange): the least into out[0], the most
 * into out[1]. logistic rounds monotonically in e^-x, so the bounds on e^-x bound the very number
 * it gives (tests/engine/cabinet.test.ts).
 */
export function logisticRange(x: number, out: Float64Array): void {
  dexpRange(-x, E_RANGE);
  out[0] = 1 / (1 + E_RANGE[1]!);
  out[1] = 1 / (1 + E_RANGE[0]!);
}

/**
 * Students' votes on one item: minister (index) -> 1 for, -1 against (ballots.ts builds it from a
 * move's ballots). A minister not in it votes by stance alone, as every computer minister does.
 */
export type Votes = ReadonlyMap<number, 1 | -1>;

/** The least and most share of the way a student's vote moves their minister from stance toward the vote. */
export const VOTE_PULL_MIN = 0.25;
export const VOTE_PULL_MAX = 0.5;

/**
 * How far a student's vote moves their minister's lean on an item from the minister's stance toward
 * the vote: a quarter of the way when it goes against the minister's loyalty, half when it goes with
 * it, in between in proportion. Loyalty is the minister's mood (0-100, content with the lead): a
 * vote for the lead's item has loyalty mood/100 behind it, a vote against has 1 - mood/100. So a
 * content minister's support counts fully and his opposition half-heartedly; a sore one's the reverse.
 */
export function votePull(mood: number, vote: 1 | -1): number {
  const m = mood < 0 ? 0 : mood > 100 ? 100 : mood;
  const loyal = vote === 1 ? m / 100 : 1 - m / 100;
  return VOTE_PULL_MIN + (VOTE_PULL_MAX - VOTE_PULL_MIN) * loyal;
}

/** A minister's lean on an item (-1 against .. 1 for) once his student has voted. */
export const votedLean = (lean: number, mood: number, vote: 1 | -1): number => lean + votePull(mood, vote) * (vote - lean);

/**
 * Influence-weighted support, -1..1, of the side's ministers in office for moving `issue` in
 * `direction`: each minister leans by his stance (-100..100 as -1..1), moved by his student's
 * vote where `votes` has one (votedLean).
 */
export function support(c: Compiled, s: GameState, side: Side, issue: number, direction: 1 | -1, votes?: Votes): number {
  // Over the side's flat tables (CabinetTable), minister by minister in the side's order.
  const t = ofSide(c.side, side).table,
    fig = s.fig,
    n = t.office.length,
    at = issue * n;
  let sum = 0,
    weight = 0;
  for (let j = 0; j < n; j++) {
    if (fig[t.office[j]!] === 0) continue;
    const vote = votes?.get(ofSide(c.side, side).ministers[j]!);
    const lean = (fig[t.stance[at + j]!]! / 100) * direction;
    const influence = t.influence[j]!;
    sum += influence * (vote === undefined ? lean : votedLean(lean, fig[t.mood[j]!]!, vote));
    weight += influence;
  }
  return weight === 0 ? 0 : sum / weight;
}

/**
 * Chance that the cabinet approves: support (with the students' votes, if any), lifted by the lead's
 * standing above 50 and lowered by the item's difficulty, through a logistic curve (support 0 with
 * standing 50 is a coin toss).
 */
export function approvalChance(c: Compiled, s: GameState, side: Side, v: Vote, votes?: Votes): number {
  return logistic(approvalOdds(c, s, side, v, votes));
}

/** What approvalChance puts through the logistic curve (for a caller that may not need the curve itself: logisticRange). */
export function approvalOdds(c: Compiled, s: GameState, side: Side, v: Vote, votes?: Votes): number {
  const standing = s.fig[ofSide(c.side, side).iStanding]!;
  return 5 * (support(c, s, side, v.issue, v.direction, votes) + (standing - 50) / 200 - v.difficulty / 100);
}

/**
 * "ministers' votes 2 for, 1 against; advice 1 for, 0 against": the students' ballots on an item,
 * for the side's own news. A student playing a minister outside the deciding body (member: false:
 * an envoy, an official, a candidate member) advises; his ballot weighs as any other in support(),
 * but it is not a vote, so it is counted apart.
 */
export function tally(c: Compiled, votes: Votes): string {
  // Votes for, against; advice for, against.
  const n = [0, 0, 0, 0];
  for (const [k, v] of votes) n[(c.ministers[k]!.member ? 0 : 2) + (v === 1 ? 0 : 1)]!++;
  const parts: string[] = [];
  if (n[0]! + n[1]!) parts.push(`ministers' votes ${n[0]} for, ${n[1]} against`);
  if (n[2]! + n[3]!) parts.push(`advice ${n[2]} for, ${n[3]} against`);
  return parts.join('; ');
}

/** Put an item to the cabinet, with the students' votes on it if any. Returns whether it passed; a failure costs the lead standing. */
export function cabinetDecision(d: Draft, side: Side, v: Vote, label: string, cause: string, votes?: Votes): boolean {
  const p = approvalChance(d.c, d.s, side, v, votes);
  const passed = roll(d, v.roll) < p;
  const body = side === 'britain' ? 'The Cabinet' : 'The Politburo';
  // Deliberations are private: the side's own news.
  if (d.rec) news(d, `${body} ${passed ? 'approves' : 'rejects'}: ${label}${votes?.size ? ` (${tally(d.c, votes)})` : ''}.`, cause, side);
  if (!passed) {
    addFig(d, ofSide(d.c.side, side).iStanding, -4, 'rule:cabinet-defeat', d.rec ? `${body} rejected ${label}` : undefined);
    for (const f of v.onFail) f(d, cause);
  }
  return passed;
}

/** Ministers whose stance the decision went with grow content; those it went against, sore. */
export function moodAfterDecision(d: Draft, side: Side, issue: number, direction: 1 | -1, cause: string, label: string): void {
  const t = ofSide(d.c.side, side).table,
    n = t.office.length,
    at = issue * n;
  for (let j = 0; j < n; j++) {
    // d.s.fig is read afresh each time: a draft not made in place copies it at its first change.
    if (d.s.fig[t.office[j]!] === 0) continue;
    const agree = (d.s.fig[t.stance[at + j]!]! / 100) * direction;
    if (agree !== 0) addFig(d, t.mood[j]!, 10 * agree, 'rule:cabinet-mood', d.rec ? `"${label}" went ${agree > 0 ? 'his way' : 'against him'}` : undefined);
  }
  checkResignations(d, side, cause);
}

export function checkResignations(d: Draft, side: Side, cause: string): void {
  for (const k of ofSide(d.c.side, side).resigners) {
    const m = d.c.ministers[k]!;
    if (m.canResign && d.s.fig[m.iOffice] === 1 && d.s.fig[m.iMood]! < m.resignBelow) resign(d, k, cause);
  }
}

/** Whether an item is on the agenda already (a plain loop, not some() with a callback made per demand, every turn). */
function listed(items: readonly { action: number }[], action: number): boolean {
  for (let j = 0; j < items.length; j++) if (items[j]!.action === action) return true;
  return false;
}

/** Actions forced onto the agenda by ministers in office or groups whose demand holds. */
export function forcedItems(c: Compiled, s: GameState, side: Side, available: (action: number) => boolean): { action: number; by: string; demand: number }[] {
  const out: { action: number; by: string; demand: number }[] = [];
  const demanders = ofSide(c.demanders, side);
  for (let j = 0; j < demanders.length; j++) {
    const x = demanders[j]!;
    if (x.minister >= 0 && s.fig[c.ministers[x.minister]!.iOffice] === 0) continue;
    if (listed(out, x.action) || !x.when(s) || !available(x.action)) continue;
    out.push({ action: x.action, by: x.by, demand: j });
  }
  return out;
}

/** The ministers in office that stanceDrift lists (by their place in the side's table): one list for every call, written from its start. */
const IN_OFFICE: number[] = [];

/**
 * Uncommitted ministers (|stance| < 50) drift toward what their side's groups press for, in
 * proportion to how hard the groups press: the thesis's finding that back-bench dissent moved
 * the Cabinet majority (thesis L3800-3824).
 */
export function stanceDrift(d: Draft, side: Side, days: number): void {
  const c = d.c,
    s = d.s,
    t = ofSide(c.side, side).table;
  const nm = t.office.length,
    ng = t.pressure.length;
  if (ng === 0) return;
  // The groups' total weight, summed in the same order as before for every issue, so the same number.
  let w = 0;
  for (let j = 0; j < ng; j++) w += t.weight[j]!;
  if (w === 0) return;
  // Only a minister in office drifts. Drifting changes stances only, so who is in office is found
  // once here, not on every issue (a loop run for every minister on every issue, every month of
  // every playout), into a list kept for every call; the ministers are visited in the same order.
  const inOffice = IN_OFFICE;
  let no = 0;
  for (let j = 0; j < nm; j++) if (s.fig[t.office[j]!] !== 0) inOffice[no++] = j;
  // Only the issues some group pulls on (CabinetTable.driftIssues): on the others the pull worked
  // out below is 0 (each group's weight or stance is), which moves nobody.
  const issues = t.driftIssues;
  for (let x = 0; x < issues.length; x++) {
    const issue = issues[x]!,
      at = issue * nm;
    // Only an uncommitted minister drifts. The groups' pull is worked out at the first one (none on
    // this issue: not at all); drifting changes stances only, so it stays the same.
    let target = Number.NaN;
    for (let y = 0; y < no; y++) {
      const i = t.stance[at + inOffice[y]!]!;
      const v = s.fig[i]!;
      if (!(v > -50 && v < 50)) continue;
      if (Number.isNaN(target)) {
        let pull = 0;
        const gat = issue * ng;
        for (let g = 0; g < ng; g++) {
          const p = s.fig[t.pressure[g]!]! / 100;
          pull += t.weight[g]! * p * t.groupStance[gat + g]!;
        }
        if (pull === 0) break;
        target = pull / w;
      }
      const delta = (target - v) * 0.01 * days;
      if (Math.abs(delta) >= 0.05) addFig(d, i, delta, 'rule:pressure-drift', 'uncommitted ministers drift with party pressure');
    }
  }
}
