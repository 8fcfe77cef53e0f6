// History mode's public API: the branch tree, divergences in words, the diff of two nodes, share
// codes and files, the stored tree, the what-if explorer (in process, Node worker threads, Web
// Workers), plausibility and the decisions that mattered. Screens and the terminal import from
// here only. Everything is pure app code over the engine: no DOM (the Web Worker pool creates
// workers only when asked), no clock, no unseeded randomness.
//
// The model in one paragraph: history's path is the trunk (TRUNK_ID), the scenario played by the
// historical players on the scenario's history seed. A branch (HistoryNode) keeps its parent's
// path up to a move index `at` and adds its own moves; `tree.stateAt({node, at})` rebuilds any
// state. A `Line` (scenario, version, seed, moves, re-rolls) is the portable form of a path: share
// codes carry it, workers replay it. The explorer plays N continuations from a line's end, each
// with its own derived seed for the dice after that point (the past is kept, the future re-rolled).

/** A node's divergence from its parent in words from the scenario's texts. */
export { describeDivergence } from './divergence';
/** Rebuild a portable line (replayLine), its first state (lineStart), a state re-rolled from a seed (reseeded). */
export { lineStart, replayLine, reseeded } from './line';

/**
 * The branch tree. `HistoryTree.create(sc)` builds the trunk; `fromData(sc, json)` restores a
 * stored tree (refusing a corrupt or altered one with the reason). Reading: nodes(), node(id),
 * children(id), ancestry(id), length(id), moves(id), line(id, at?), steps(id) (every move with its
 * date, words, historical flag and whether it drew dice), turnStarts(id), pointAtDay(id, day),
 * stateAt(point), state(id). Changing: branch(point, {label, players, reseed, moves}),
 * play(id, move), playComputers(id), canUndo(id) / undo(id) (see tree.ts for the undo rule),
 * rename(id, label), setPlayers(id, players), remove(id). onChange(listener) after each change.
 */
export { type BranchOptions, drewDice, HistoryTree, TRUNK_ID } from './tree';
export type {
  AxisDate,
  DecisionDiff,
  Distribution,
  Divergence,
  EventFiring,
  ExploreProgress,
  ExploreSpec,
  FigureSeries,
  GameSummary,
  Histogram,
  HistoryNode,
  Line,
  MatteredDecision,
  NodeDiff,
  NodeId,
  OffRecordChoice,
  OrdersDiff,
  Plausibility,
  Point,
  Stat,
  Step,
  TreeData,
  UndoCheck,
  UnlikelyDraw,
} from './types';
export { DEFAULT_GAMES, MAX_GAMES, TREE_FORMAT } from './types';

/** Moves in words (the same wording everywhere), and whether a move is what the sources record. */
export { describeMove, isHistoricalMove, orderText, termsText } from './words';
