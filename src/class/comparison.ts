// The teacher's debrief of a class: every group's game as a branch off history's trunk, side by
// side. The server builds it (src/server/compare.ts) with history mode's branch tree and diff, from
// each group's stored game; this is the shape the console is sent. It carries no seed: what each
// group decided, which events fired, its divergence from history in words, and the tracked figures
// of every group and of history over the scenario's dates, ready for one chart.

import type { Side } from '../engine/index';

/** A decision put to a side, as history took it and as the group did (null: not put to it there). */
export interface ComparedDecision {
  event: string;
  title: string;
  side: Side;
  history: { label: string; day: number } | null;
  group: { label: string; day: number; historical: boolean } | null;
}

/** An event that fired, and when (engine day number). */
export interface Fired {
  event: string;
  title: string;
  day: number;
}

/** One group's game as a branch of the tree. */
export interface GroupBranch {
  code: string;
  /** "not started", "turn 3 of 12", or how the game ended. */
  status: string;
  /** Moves played. */
  moves: number;
  /** The day (engine day number) the group's game has reached. */
  reached: number;
  /** Where the group's game first parts from history, in words from the scenario's texts. */
  divergence: string;
  /** The day (engine day number) of that first difference, or null if none yet. */
  divergeDay: number | null;
  decisions: ComparedDecision[];
  /** Every event that fired in the group's game, by date. */
  fired: Fired[];
  /** Events that fired here and not in history, fired in history (by the group's last date) and not here, or on another date. */
  events: { onlyGroup: Fired[]; onlyHistory: Fired[]; moved: { event: string; title: string; groupDay: number; historyDay: number }[] };
  /** Each scenario outcome: whether it holds at the end of the group's game and of history's. */
  outcomes: { label: string; group: boolean; history: boolean }[];
  /** The events the teacher introduced into the group's game, with the day each was given (the turn's date). */
  injected: Fired[];
}

/** A tracked figure over the common dates: history's values and each group's (null where a path has not got to). */
export interface ComparedFigure {
  id: string;
  label: string;
  history: (number | null)[];
  groups: Record<string, (number | null)[]>;
}

export interface ClassComparison {
  scenario: string;
  title: string;
  /** The common date axis (engine day numbers): the turn dates of history and of every group. */
  days: number[];
  figures: ComparedFigure[];
  /** Every event that fired in history's game. */
  historyFired: Fired[];
  groups: GroupBranch[];
  /** Groups whose game could not be placed on the tree, with the reason. */
  refused: { code: string; reason: string }[];
}
