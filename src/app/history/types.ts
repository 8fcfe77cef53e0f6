// The shapes of history mode, shared by the branch tree, the diff, the share codes, the explorer
// and the screens that show them. Types only: plain, serialisable data (a tree is stored and sent
// to workers as JSON), nothing that holds a function or a game state's secrets beyond what its
// owner already holds.

import type { PlayerKind } from '../../ai/index';
import type { BySide, Injection, Move, Side } from '../../engine/index';
import type { Controller } from '../saveFile';

/** A node of the branch tree. The trunk's id is TRUNK_ID. */
export type NodeId = string;

/**
 * One line of play in the branch tree. Its full path of moves is its parent's path up to `at`,
 * then its own `moves`; the state anywhere on it is rebuilt from scenario, seed and that path.
 */
export interface HistoryNode {
  id: NodeId;
  /** The node it branched off; null for the trunk. */
  parent: NodeId | null;
  /**
   * The divergence point: how many moves of the parent's path this node keeps (a move index on
   * the parent's path; 0 = the start of the game). Always 0 for the trunk.
   */
  at: number;
  /** The node's own moves, after the divergence point. */
  moves: Move[];
  /**
   * Set on a continuation the explorer played (or any branch asked to re-roll its future): from
   * the divergence point on, the game's seed and dice are this seed's, so the future differs while
   * the past is kept. Unset: the dice run on from the parent's stream, as the seed fixes them.
   */
  reseed?: string;
  /**
   * The events a teacher introduced on this node's own stretch, each with the path index it fell
   * at (node.at <= at <= its path's length; one at node.at belongs to this node, not its parent).
   * Absent when there were none.
   */
  injected?: Injection[];
  /** A name the user gave; empty for none (screens then show the divergence in words). */
  label: string;
  /** Who played each side on this branch's own moves, and plays when it is played on (see NodePlayers). */
  players: NodePlayers;
  /** Order of creation (0 for the trunk): a stable sort key that needs no clock. */
  serial: number;
  /**
   * Set only on a root other than the trunk: a game played on its own seed (game number), not on
   * history's. It has no parent; its branches keep its seed. Unset: the tree's (history's) seed.
   */
  seed?: string;
}

/**
 * Who plays each side of a branch: a person ('human') or a computer player by name; null where it
 * was not recorded (a branch taken in from a share code or file of a format that did not say who
 * played it), so that no screen names players nobody recorded.
 */
export type NodePlayers = BySide<Controller> | null;

/** From move `at` of a path on, who played each side (null: not recorded); a path's segments ascend by `at`. */
export interface Segment {
  at: number;
  players: NodePlayers;
}

/** A point on a node's path: after its first `at` moves (0 = the start of the game). */
export interface Point {
  node: NodeId;
  at: number;
}

/**
 * Everything needed to rebuild a path on any machine: scenario, version, seed, moves, and the
 * points where the seed was replaced (a continuation's re-roll). Serialisable; workers get this.
 */
export interface Line {
  scenario: string;
  scenarioVersion: number;
  seed: string;
  moves: Move[];
  /** Before move `at` is applied (at = moves kept), the seed and dice become `seed`'s. Ascending `at`. */
  reseeds: { at: number; seed: string }[];
  /**
   * The events a teacher introduced (engine inject.ts), each queued when `at` moves had been made,
   * before move `at`. Ascending `at`; absent or empty when there were none.
   */
  injected?: Injection[];
}

/** One move on a path, as a timeline shows it and a branch point is chosen from. */
export interface Step {
  /** Index of the move on the node's full path; branching "at" index i keeps moves 0..i-1. */
  index: number;
  move: Move;
  /** Turn and day (engine day number) on which the move was made. */
  turn: number;
  day: number;
  side: Side;
  /** A one-line description in words ("Britain: Approve the search", "USSR's orders: Protest ..."). */
  text: string;
  /** The option or orders the sources record for this moment (historical option, recorded orders). */
  historical: boolean;
  /** The move drew dice (a cabinet vote, the turn's resolution): it can never be undone. */
  drewDice: boolean;
  /** The move belongs to this node (false: inherited from an ancestor). */
  own: boolean;
}

/** Why the last move of a node can or cannot be taken back. */
export type UndoCheck =
  | { ok: true; move: Move }
  | {
      ok: false;
      /**
       * empty: no own move; dice: the move drew dice; turn: the move resolved its turn (the turn's
       * dice are rolled); ended: the game ended with it; child: a branch starts after it; teacher:
       * the teacher introduced an event after it.
       */
      reason: 'empty' | 'dice' | 'turn' | 'ended' | 'child' | 'teacher';
      message: string;
    };

/** How a node departs from its parent, in words from the scenario's own texts. */
export interface Divergence {
  node: NodeId;
  /** "The Cabinet chose \"Refuse: a police search ...\" where history took \"Approve the search\"". */
  text: string;
  /** Day (engine day number) and side of the first differing move; null when nothing differs yet. */
  day: number | null;
  side: Side | null;
  /** Index of the first differing move on the node's path (== node.at for an explicit branch). */
  index: number;
}

/** The stored form of a whole tree (storage port, JSON). */
export interface TreeData {
  format: typeof TREE_FORMAT;
  /**
   * 3: each side numbers its own notes (1 and 2, still read, numbered them in one series: their
   * moves are renumbered when read); from 2 a node's players may be null (not recorded); 1 always named them.
   */
  formatVersion: 1 | 2 | 3;
  scenario: string;
  scenarioVersion: number;
  /** The trunk's seed: the scenario's history seed (ai/baseline.ts). */
  seed: string;
  nodes: HistoryNode[];
  /** Hash of the end state of every node, by id: a stored tree must still replay to them. */
  hashes: Record<NodeId, string>;
}
export const TREE_FORMAT = 'anglo-soviet-diplomacy/history-tree';
/** The format version a tree is stored in now (see TreeData.formatVersion). */
export const TREE_VERSION = 3;

// ---- diff ----------------------------------------------------------------------------------

/** A date on the common axis of a diff: the union of both paths' turn dates. */
export interface AxisDate {
  day: number;
  /** ISO date, yyyy-mm-dd. */
  iso: string;
}

/** One tracked figure over time on both nodes: values at each axis date, null where a path has ended. */
export interface FigureSeries {
  id: string;
  label: string;
  side?: Side;
  a: (number | null)[];
  b: (number | null)[];
  /** Largest |a - b| on the axis. */
  gap: number;
}

/** A decision put to a side, and what each node chose (null: the event never put it to them there). */
export interface DecisionTaken {
  option: string;
  label: string;
  historical: boolean;
  /** The day of the turn it was taken on. */
  day: number;
  /** The date its players were shown for it: history's on the turn history took it, else the turn's (engine shownDay). */
  shown: number;
}

export interface DecisionDiff {
  event: string;
  title: string;
  side: Side;
  /** Each path's choice; `day` its turn's, `shown` the date its players read (shownDay). */
  a: DecisionTaken | null;
  b: DecisionTaken | null;
  same: boolean;
}

/** One side's orders on one turn, where they differ between the nodes. */
export interface OrdersDiff {
  day: number;
  side: Side;
  a: string[] | null;
  b: string[] | null;
}

/** An event the teacher introduced into a path, in words. */
export interface TeacherEvent {
  event: string;
  day: number;
  text: string;
}

export interface EventFiring {
  event: string;
  title: string;
  /** The day of the turn it fired on. */
  day: number;
  /** The date its players were shown for it: history's on the turn history fired it, else the turn's (engine shownDay). */
  shown: number;
}

/** How far a path got: the date of its last state, and whether its game has ended there. */
export interface PathEnd {
  day: number;
  finished: boolean;
}

export interface NodeDiff {
  a: NodeId;
  b: NodeId;
  /** Moves the two paths share from the start. */
  common: number;
  /** Day of the first differing move (null: one path is a prefix of the other). */
  divergeDay: number | null;
  axis: AxisDate[];
  figures: FigureSeries[];
  decisions: DecisionDiff[];
  orders: OrdersDiff[];
  /** Events that fired in one path and never in the other, and those both had on different days. */
  events: { onlyA: EventFiring[]; onlyB: EventFiring[]; moved: { event: string; title: string; aDay: number; bDay: number; aShown: number; bShown: number }[] };
  /**
   * Each scenario outcome, held or not at each path's end. `reached` is false for a path that
   * stopped (unfinished) before the outcome could be told: it does not hold there, and history
   * came to it only after that path's last date, or never. Its `a`/`b` is then false, read "not
   * reached", never "no".
   */
  outcomes: { id: string; label: string; historical: boolean; a: boolean; b: boolean; reached: { a: boolean; b: boolean } }[];
  /** Relations at each path's end (its last date: see `ends`). */
  relations: { a: string; b: string };
  /** How far each path got: the date of its last state, and whether the game there is over. */
  ends: { a: PathEnd; b: PathEnd };
  /**
   * The events the teacher introduced on each path (engine inject.ts), in words: "The teacher
   * introduced “…”". Day: the date it was given; in a seat's diff, the date it last fired as the
   * side saw it (the sides learn of it when it fires, from the news both read).
   */
  teacher: { a: TeacherEvent[]; b: TeacherEvent[] };
  /**
   * Set when the diff is as one side saw it (seatDiff): built from that side's seat views only, so
   * the other side's hidden figures are null, its private decisions and orders absent, `common` is
   * 0 (the moves themselves are not read), `orders` are the actions seen carried out, and
   * `outcomes` is empty (they are judged on the full state).
   */
  seat?: Side;
}

// ---- the explorer --------------------------------------------------------------------------

/** What to explore: N continuations from a line's end, with these players. */
export interface ExploreSpec {
  /** Continuations (1 .. MAX_GAMES; default DEFAULT_GAMES). */
  games: number;
  players: BySide<PlayerKind>;
  /**
   * Names the dice family. Continuation k's seed is derived from it and k only, so two starting
   * points explored with the same key meet the same future dice (common random numbers): their
   * difference is the choice, not the luck. Default: derived from the line (its seed, re-rolls and
   * length).
   */
  seedKey?: string;
  /**
   * A move every continuation plays first, on its own dice, before the players take over: "what if
   * this choice were made here", without making a branch. It must be legal at the line's end.
   */
  first?: Move;
}
export const DEFAULT_GAMES = 1000;
export const MAX_GAMES = 10000;

/** What one continuation came to: the numbers the distribution is built from (compact, cloneable). */
export interface GameSummary {
  /** Continuation index k. */
  k: number;
  /** 1/0 per scenario outcome, in the scenario's order. */
  outcomes: number[];
  /** Day relations were first broken off (the rupture), -1 if never. */
  ruptureDay: number;
  /** Highest and final war danger (tension, 0-100). */
  peakTension: number;
  finalTension: number;
  /** Sum of the monthly trade balances over the whole game (British exports less imports, £ thousand). */
  tradeBalance: number;
  /** Each objective's achievement 0..1, in the scenario's order, per side. */
  objectives: BySide<number[]>;
  score: BySide<number>;
  endReason: string;
  endDay: number;
}

export interface Histogram {
  /** Bin lower edges; bin i covers [edges[i], edges[i+1]) (the last bin includes its top). */
  edges: number[];
  counts: number[];
}

export interface Stat {
  mean: number;
  sd: number;
  min: number;
  max: number;
  /** 10th, 50th and 90th percentiles. */
  p10: number;
  p50: number;
  p90: number;
}

/** The outcome distribution of an exploration, ready for charts. */
export interface Distribution {
  scenario: string;
  scenarioVersion: number;
  games: number;
  players: BySide<PlayerKind>;
  /** Where the continuations start. */
  from: { turn: number; day: number; iso: string; moves: number };
  /** Each scenario outcome's rate; `history` says whether it held on the trunk (history's mark). */
  outcomes: { id: string; label: string; historical: boolean; history: boolean; count: number; rate: number }[];
  /** Rupture by date: the share of games with relations broken off by each turn date (cumulative). */
  rupture: { byDate: { day: number; iso: string; rate: number }[]; never: number; historyDay: number | null };
  /** War danger: peak and final, with histograms over 0-100 in steps of 10 and the share in each band. */
  warDanger: { peak: Stat; final: Stat; peakHistogram: Histogram; bands: { name: string; from: number; rate: number }[]; history: { peak: number; final: number } };
  /** Trade balance over the game (£ thousand), with a histogram. */
  tradeBalance: { stat: Stat; histogram: Histogram; history: number };
  /** Each objective's score per side: mean achievement 0..1, the share fully achieved, and history's. */
  objectives: BySide<{ id: string; label: string; weight: number; mean: number; full: number; history: number }[]>;
  scores: BySide<Stat & { history: number }>;
  endReasons: { reason: string; count: number; rate: number }[];
}

export type ExploreProgress = (done: number, total: number) => void;

// ---- plausibility and the decisions that mattered --------------------------------------------

/** A move whose dice fell an unlikely way. */
export interface UnlikelyDraw {
  index: number;
  day: number;
  /** What the dice decided, from the move's own news ("The Cabinet rejects: Break off relations."). */
  text: string;
  /** How often the same result came up when the move was re-rolled. */
  chance: number;
}

/** A choice the sources do not record: a side's, or (side null) an event the teacher introduced. */
export interface OffRecordChoice {
  index: number;
  day: number;
  side: Side | null;
  text: string;
}

export interface Plausibility {
  /** 0-100: 100 = history's own choices and ordinary luck. */
  score: number;
  /**
   * 0-100 from the dice alone; `bits`: the path's surprise beyond a typical path's through the same
   * moves (negative when luckier than typical); `rolls`: moves that drew dice.
   */
  dice: { score: number; bits: number; rolls: number; unlikely: UnlikelyDraw[] };
  /** 0-100 from the choices alone: the share of choices the sources record, and those they do not. */
  sources: { score: number; choices: number; offRecord: OffRecordChoice[] };
  /** The score explained in sentences: the first gives the score and its two parts, the rest the reasons. */
  explanation: string[];
}

/** One choice on a finished game's path and how much it moved the odds. */
export interface MatteredDecision {
  index: number;
  /** The day of the move's turn; a decision's, the date its players were shown (engine shownDay). */
  day: number;
  side: Side;
  text: string;
  historical: boolean;
  /** Total change in the outcome rates (sum over outcomes of |after - before|), 0..n. */
  shift: number;
  /** The outcomes it moved most, before -> after. */
  changes: { id: string; label: string; before: number; after: number }[];
  /**
   * In words: "Britain, at “A tip about Arcos”: Approve the search. Against the alternative that
   * moves the outcomes most, “Refuse”: Relations broken off by May 38% → 91%." (alternative → choice made).
   */
  summary: string;
}
