// Classroom roles as the engine knows them: a role's own brief for its seat view (its secret aims
// included, and no one else's), the public part of every role (who plays whom, the public
// briefings), a scenario with the secret parts removed (what may be sent to every player's device),
// the score of a role's secret objectives at the end (scoring.ts scores the lists), and the terms
// of office: which role a seat plays now when roles succeed one another in it.
import type { Compiled, CRole } from './compiled';
import type { ScenarioSetup, SetupRole } from './setup';
import type { GameState } from './types';
import type { Side } from './vocab';

/** What a role's own seat is told of it: the public briefing and its secret aims. */
export interface RoleBrief {
  id: string;
  side: Side;
  name: string;
  office: string;
  /** The minister it plays (index), -1 for a figure who is not a minister. */
  minister: number;
  /** Whether the role votes in its side's cabinet (a minister's role does). */
  votes: boolean;
  briefing: string;
  secretAim: string;
  objectives: { id: string; label: string; weight: number; description?: string }[];
}

/** The role with this id, or an error naming what is wrong. */
export function roleAt(c: Compiled, id: string): CRole {
  const k = c.roleIndex.get(id);
  if (k === undefined) throw new Error(`there is no role "${id}" in scenario "${c.sc.id}"`);
  return c.roles[k]!;
}

/** The brief of one role, secret aims and all: for that role's seat only (seat.ts). */
export function roleBrief(c: Compiled, id: string): RoleBrief {
  const r = roleAt(c, id);
  const src = c.sc.roles![r.i]!;
  return {
    id: r.id,
    side: r.side,
    name: r.name,
    office: r.office,
    minister: r.minister,
    votes: r.minister >= 0,
    briefing: src.briefing,
    secretAim: src.secretAim,
    objectives: src.objectives.map(o => (o.description === undefined ? { id: o.id, label: o.label, weight: o.weight } : { id: o.id, label: o.label, weight: o.weight, description: o.description })),
  };
}

/** A role as every player may know it: who it is and its public briefing. */
export interface PublicRole {
  id: string;
  side: Side;
  name: string;
  office: string;
  votes: boolean;
  briefing: string;
}

export const publicRoles = (c: Compiled): PublicRole[] => c.roles.map(r => ({ id: r.id, side: r.side, name: r.name, office: r.office, votes: r.minister >= 0, briefing: c.sc.roles![r.i]!.briefing }));

/**
 * The roles that head a seat: every role that succeeds no other. A role with `succeeds` is played
 * from the seat of the role it follows (its chain's head), so it has no seat of its own.
 */
export const seatHeads = (c: Compiled, side: Side): CRole[] => c.roles.filter(r => r.side === side && r.succeeds === null);

/** The roles a seat headed by `head` plays in turn: the head, its successor, and so on. */
export function termsOf(c: Compiled, head: string): CRole[] {
  const out = [roleAt(c, head)];
  for (;;) {
    const last = out[out.length - 1]!;
    const next = c.roles.find(r => r.succeeds?.role === last.i);
    if (!next) return out;
    out.push(next);
  }
}

/** The body that decides for a side, as the screens name it. */
export const bodyName = (side: Side): string => (side === 'britain' ? 'Cabinet' : 'Politburo');

/**
 * Whether a role's ballot is advice rather than a vote: its minister is outside the body that
 * decides for his side (member: false: an envoy, an official, a candidate member). It weighs in the
 * decision as a vote does (support() weighs every minister in office); only the words differ.
 */
export const advises = (c: Compiled, r: CRole): boolean => r.minister >= 0 && !c.ministers[r.minister]!.member;

/**
 * How a seat's next role follows the one before, for the words that name them: "then" when he takes
 * over the same office (Churchill, then Snowden, at the Exchequer); when he holds another office
 * (1929: War went to Shaw, who is not in the game, and Worthington-Evans's seat to J. H. Thomas, Lord
 * Privy Seal), it is the student's seat that passes to him, not an office.
 */
export const seatFollows = (before: CRole, next: CRole): string => (next.office === before.office ? 'then' : 'the seat then passes to');

/** The names of the roles a seat plays in turn ("Winston Churchill, then Philip Snowden"; "Sir Samuel Hoare; the seat then passes to George Lansbury"). */
export function seatNames(c: Compiled, head: string): string {
  const terms = termsOf(c, head);
  return terms.map((r, k) => (k === 0 ? r.name : `${r.office === terms[k - 1]!.office ? ',' : ';'} ${seatFollows(terms[k - 1]!, r)} ${r.name}`)).join('');
}

/** The head of the seat a role is played from (itself unless it succeeds another). */
export function seatHeadOf(c: Compiled, id: string): string {
  let r = roleAt(c, id);
  while (r.succeeds) r = c.roles[r.succeeds.role]!;
  return r.id;
}

/**
 * The role the seat headed by `head` plays on `s`: each successor takes over once its term's
 * condition holds (the conditions a scenario gives, a flag set or an event fired, do not come
 * undone, so a seat never passes back). Deciding by the condition rather than by who is in office
 * keeps a seat with its new holder even if he later resigns.
 */
export function roleNow(c: Compiled, s: GameState, head: string): CRole {
  const terms = termsOf(c, head);
  let now = terms[0]!;
  for (const r of terms.slice(1)) if (r.succeeds!.when(s)) now = r;
  return now;
}

/** Roles a side's players can take, in scenario order. */
export const rolesOf = (c: Compiled, side: Side): CRole[] => c.roles.filter(r => r.side === side);

/**
 * The scenario with every role's secret aim and objectives blanked: what a server may send to all
 * devices alongside the seat views (a role's own aims reach it only in its view). The result is
 * for display, not for play: it is not revalidated, and the engine must be given the full scenario.
 */
export function withoutSecretAims(sc: ScenarioSetup): ScenarioSetup {
  if (!sc.roles) return sc;
  const roles: SetupRole[] = sc.roles.map(r => ({ ...r, secretAim: '', objectives: [] }));
  return { ...sc, roles };
}
