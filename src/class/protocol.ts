// The classroom's wire vocabulary, shared by the server (src/server) and the browser pages
// (src/class): seats, what a seat is sent, what the room tells everyone, and the teacher's
// controls. A seat is (side, role): the role `lead` proposes the side's orders and notes (and holds
// the lead minister's role card); every other seat is one of the scenario's roles for that side, who
// reads the side's seat view with that role's own brief and secret aims, and, if the role is a
// minister in office, votes in its cabinet. Nothing here may carry the seed, the dice or another
// seat's business: a seat message is built from that seat's view alone (src/server/group.ts).

import type { EndReport } from '../app/endReport';
import type { Duty } from '../app/match';
import type { Controller } from '../app/saveFile';
import type { Move, RoleBrief, RoleScore, SeatView, Side } from '../engine/index';

export const LEAD = 'lead';

export interface Seat {
  side: Side;
  /** `lead`, or the id of one of the side's roles (scenario `roles`). */
  role: string;
}

export const seatKey = (s: Seat): string => `${s.side}:${s.role}`;

export function parseSeatKey(key: string): Seat | null {
  const m = /^(britain|ussr):([A-Za-z0-9_-]+)$/.exec(key);
  return m ? { side: m[1] as Side, role: m[2]! } : null;
}

export type Phase = 'lobby' | 'playing' | 'paused' | 'ended';

/** How seats are filled: students choose a free seat, or the server deals them out in order. */
export type Seating = 'pick' | 'assign';

export interface RosterEntry {
  seat: string;
  side: Side;
  role: string;
  /** The role as a person reads it: "Leads Britain (Chamberlain)" or a minister's name. */
  label: string;
  /** The students sitting there (two share a seat once every seat is taken); an empty lead is the computer's. */
  students: string[];
  /** Those of them connected now. */
  connected: string[];
}

/** What everyone in a group is told: the room's public business, never a seat's. */
export interface RoomInfo {
  code: string;
  scenario: string;
  title: string;
  phase: Phase;
  seating: Seating;
  roster: RosterEntry[];
  /** Who plays each side once the game runs (a side with no student lead is the computer's). */
  sides: Record<Side, Controller> | null;
  /** Seconds allowed for a turn; 0 means no deadline. */
  paceSeconds: number;
  /** When the current turn's orders are due (ms since the epoch), or null. */
  deadline: number | null;
  /** Time left on the turn while paused, in ms. */
  remainingMs: number | null;
  /** The stated policy for orders missing at the deadline. */
  policy: string;
  /** Public announcements, newest last (deadlines passed, pauses, the teacher's word). */
  announcements: Announcement[];
  turn: number;
  turns: number;
  /** What the teacher has locked: `action:ID` / `event:ID` with what a person reads. */
  locked: { target: string; label: string }[];
  /** Set when the stored game could not be loaded: the reason, and the game stays untouched. */
  refused: string | null;
}

/** An item that may come before a side's cabinet this turn, which its minister students vote on. */
export interface BallotItem {
  /** The ballot's item: `action:ID`, `option:EVENT.OPTION` or `offer:SIDE:N` (SIDE's note N, each side numbering its own). */
  item: string;
  label: string;
  /** When the vote counts: "if the lead orders it", "… forces it onto the agenda …". */
  when: string;
  /** Who forces it onto the agenda this turn (the cabinet votes on it even if the lead does not order it). */
  forcedBy?: string;
}

/** How a side's minister students have voted on one open item (the lead's screen). */
export interface TallyLine {
  item: string;
  label: string;
  /** The names of the ministers whose students voted for / against (members of the deciding body). */
  for: string[];
  against: string[];
  /** The names of those outside the body (member: false) whose students advised for / against; absent when none has. */
  advice?: { for: string[]; against: string[] };
}

/** A ballot that went into a sealed move (this turn or the last). */
export interface CountedBallot {
  /** The turn it was sealed on (0-based, as the view's `turn`). */
  turn: number;
  role: string;
  name: string;
  item: string;
  label: string;
  vote: 1 | -1;
  /** The ballot was advice: its minister is outside the deciding body. */
  advice?: true;
}

/** A seat's part in its cabinet: its role, its votes, and (for the lead) the tally. */
export interface CabinetPanel {
  /** Whether this seat votes now (a minister in office, not the lead, of a side a student leads). */
  votes: boolean;
  /** Its ballot is advice, not a vote: its minister is outside the body that decides (member: false). */
  advises?: boolean;
  /** What the seat does in the cabinet now, or why it does not vote. */
  note: string;
  /** The items open to a vote now (for the lead, those the ministers may vote on). */
  items: BallotItem[];
  /** This seat's own votes on open items. */
  mine: Record<string, 1 | -1>;
  /** The lead's view of the ministers' votes; null for a minister. */
  tally: TallyLine[] | null;
  /** Ballots counted in sealed moves this turn and the last: the seat's own (a minister), every one (the lead). */
  counted: CountedBallot[];
  /** The role's score on its secret objectives, once the game has ended. */
  score: RoleScore | null;
  /** For a seat whose roles succeed one another (a change of government): who holds it next and when, or that it has passed. */
  term?: string | null;
}

/** A minister student's vote on an open item: 1 for, -1 against, 0 to take it back. */
export interface VoteMessage {
  item: string;
  vote: 1 | -1 | 0;
}

/** Sent to one seat after every change: its view and what it may do. */
export interface SeatMessage {
  /** The seat's side. The seat itself (side, role) is in `joined`. */
  side: Side;
  /** The side's seat view, with this seat's role brief and secret aims (and no other role's). */
  view: SeatView;
  /** The seat's part in its cabinet; null in a scenario without roles. */
  cabinet: CabinetPanel | null;
  /** The order each pending decision's options are shown in (the authority's: it is keyed by the seed). */
  optionOrder: Record<number, number[]>;
  duty: Duty;
  /** Whether this seat proposes its side's moves (the lead of a side played by students). */
  proposes: boolean;
  moves: number;
  /** The end of the game against history, once it has ended. */
  end: EndReport | null;
  /**
   * The side's last move the computer made for it when a turn's time ran out (its own orders, so
   * its own business): the move count after it, to tell a new one, and what it gave.
   */
  standIn: { moves: number; text: string } | null;
}

/**
 * A seat message travels in two parts. What every seat of a side is sent alike (the side's view
 * without any role's brief, and the side's business) is built, diffed and encoded once per change
 * for all of them; what is the seat's own (its role's brief and secret aims, its part in the
 * cabinet, whether it proposes) is small and goes to that seat alone. `joinSeat` (delta.ts) puts
 * them back together into exactly the SeatMessage the seat is owed.
 */
export type SidePart = Omit<SeatMessage, 'cabinet' | 'proposes'>;

/** The seat's own part of its message: nothing in it belongs to another role. */
export interface RolePart {
  /** The seat's role brief with its secret aims (the lead's: the lead minister's); null without roles. */
  role: RoleBrief | null;
  cabinet: CabinetPanel | null;
  proposes: boolean;
}

export interface Joined {
  code: string;
  seat: Seat;
  name: string;
  /** Kept by the browser (sessionStorage) to take the same seat back after a reload or a server restart. */
  seatToken: string;
}

/** What a student or the teacher asked for and why it was refused. */
export interface Refusal {
  what: string;
  /** For a vote, the item it was on (a minister may have several votes on their way). */
  item?: string;
  reason: string;
}

export type Control =
  | { do: 'start' }
  | { do: 'pause' }
  | { do: 'resume' }
  | { do: 'end' }
  | { do: 'pace'; seconds: number }
  | { do: 'announce'; text: string }
  /**
   * Lock `action:ID` (no side may order it) or `event:ID` (its decision can only take history's
   * option); unlock lifts it. Moves that break a lock are refused with the reason.
   */
  | { do: 'lock' | 'unlock'; target: string }
  /**
   * Introduce one of the scenario's events (by id) that has not happened and whose date has not
   * passed: it fires at the start of the next turn, and both sides read that the teacher introduced it.
   */
  | { do: 'inject'; event: string }
  | { do: 'seat'; student: string; seat: string }
  /** Take a student's seat from whoever holds it now (they are disconnected); the next to join with the student's name takes it back. */
  | { do: 'release'; student: string };

/** Options a client passes when joining a group room. */
export interface JoinOptions {
  name?: string;
  /** The seat asked for when students pick. */
  seat?: string;
  /** A seat token from an earlier join: take that seat back. */
  seatToken?: string;
  /** The teacher's key: this connection is the console. */
  teacherKey?: string;
}

/** What the teacher's console is sent about a group, beyond the room info. */
export interface GroupOverview {
  code: string;
  moves: number;
  /** Figures against the historical path at the same turn. */
  figures: { id: string; label: string; now: number; history: number }[];
  /** Decisions taken so far and whether history took them. */
  decisions: { side: Side; event: string; chose: string; history: string; same: boolean }[];
  /** Historical events that have fired here / had fired by this turn in history. */
  historicalEvents: { here: number; history: number };
  /** A single figure of distance: 0 is the historical path. */
  distance: number;
  scores: Record<Side, number> | null;
  /** The events the teacher may introduce now (never sent to a seat: which have fired is not every side's to know). */
  injectable: { id: string; title: string; date: string | null }[];
}

/** Whether the server can store the group's game: told to every connection when storing fails, and when it works again. */
export interface StorageState {
  /** The store's reason while it fails, else null. */
  failing: string | null;
  /** What to show. */
  text: string;
}

export type ClientMove = Move;

export const MESSAGES = {
  move: 'move',
  vote: 'vote',
  control: 'control',
  joined: 'joined',
  room: 'room',
  /** A seat's message as its two parts, each whole or as the change since the version before (SeatParts, delta.ts). */
  seat: 'seat',
  refused: 'refused',
  accepted: 'accepted',
  overview: 'overview',
  /** A client asks for its seat's whole message (it missed a delta). */
  resync: 'resync',
  /** Storing the group's game has failed, or works again (StorageState). */
  storage: 'storage',
  /**
   * Every report the seat's side has heard this game (NewsItem[], oldest first), sent on joining and
   * on coming back, after the seat's message: the Reports tab's earlier turns, read from the game the
   * server holds, not from the device (a reload, a new tab, a seat taken back by name on another one).
   */
  reports: 'reports',
} as const;

/**
 * A line to every seat of a group: the server's notices (a pause, a deadline passed) and the teacher's
 * own words, marked `teacher`, which the student's bar keeps apart so a notice never replaces them.
 */
export interface Announcement {
  at: number;
  text: string;
  teacher?: true;
}

/** How many of the teacher's lines a student's bar keeps. */
export const TEACHER_LINES = 3;

/** What a student's bar shows: the teacher's last few lines, and apart from them the latest of the server's notices. */
export function barLines(all: readonly Announcement[]): { teacher: Announcement[]; notice: Announcement | null } {
  return { teacher: all.filter(a => a.teacher).slice(-TEACHER_LINES), notice: all.filter(a => !a.teacher).at(-1) ?? null };
}
