// The classroom's wire vocabulary, shared by the server (src/server) and the browser pages
// (src/class): seats, what a seat is sent, what the room tells everyone, and the teacher's
// controls. A seat is (side, role): the role `lead` proposes the side's orders and notes; every
// other role is a minister of that side, who reads the side's seat view and, once the engine holds
// students' votes, votes in its cabinet. Nothing here may carry the seed, the dice or another
// seat's business: a seat message is built from that seat's view alone (src/server/group.ts).

import type { EndReport } from '../app/endReport';
import type { Duty } from '../app/match';
import type { Controller } from '../app/saveFile';
import type { Move, SeatView, Side } from '../engine/index';

export const LEAD = 'lead';

export interface Seat {
  side: Side;
  /** `lead`, or the id of one of the side's ministers. */
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
  announcements: { at: number; text: string }[];
  turn: number;
  turns: number;
  /** What the teacher has locked: `action:ID` / `event:ID` with what a person reads. */
  locked: { target: string; label: string }[];
  /** Set when the stored game could not be loaded: the reason, and the game stays untouched. */
  refused: string | null;
}

/** Sent to one seat after every change: its view and what it may do. */
export interface SeatMessage {
  /**
   * The seat's side. The seat itself (side, role) is in `joined`: this message is the same for every
   * minister's seat of a side, so the server encodes it once for all of them.
   */
  side: Side;
  view: SeatView;
  /** The order each pending decision's options are shown in (the authority's: it is keyed by the seed). */
  optionOrder: Record<number, number[]>;
  duty: Duty;
  /** Whether this seat proposes its side's moves (the lead of a side played by students). */
  proposes: boolean;
  moves: number;
  /** The end of the game against history, once it has ended. */
  end: EndReport | null;
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
  | { do: 'seat'; student: string; seat: string };

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
}

export type ClientMove = Move;

export const MESSAGES = {
  move: 'move',
  control: 'control',
  joined: 'joined',
  room: 'room',
  seat: 'seat',
  refused: 'refused',
  accepted: 'accepted',
  overview: 'overview',
  /** A seat message as the change since the version before (src/class/delta.ts); `seat` carries a full one. */
  seatDelta: 'seatDelta',
  /** A client asks for its seat's full message (it missed a delta). */
  resync: 'resync',
} as const;
