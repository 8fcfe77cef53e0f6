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

/** A branch's outcomes against history, read with the sight its rule allows (a game in play: its person's seat). */
export { type AgainstHistory, againstHistory, type OutcomeAgainst } from './against';
export { createBrowserPool } from './browserPool';
/** The diff of two nodes: figures over a common date axis, decisions, orders, events, outcomes. */
export { diffNodes } from './diff';
/** A node's divergence from its parent in words from the scenario's texts. */
export { describeDivergence, titleSight } from './divergence';
export { checkSpec, continuationSeed, defaultSeedKey, distribution, historySummary, runContinuations } from './explore';
/** Rebuild a portable line (replayLine), its first state (lineStart), a state re-rolled from a seed (reseeded). */
export { lineStart, replayLine, reseeded } from './line';
/** The decisions that mattered most in a game, measured by the explorer on common futures. */
export { choicesOf, MATTERED_GAMES, matteredDecisions } from './mattered';
/** A branch's plausibility (dice re-rolled, choices against the record), explained in words. */
export { DEFAULT_ROLLS, plausibility } from './plausibility';
/**
 * The explorer: `explore(sc, line, spec, {pool, onProgress, signal, start})` resolves with the
 * Distribution (or a refusal; EXPLORE_CANCELLED once the signal aborts). Without a pool it runs in
 * this process, chunk by chunk, yielding between chunks. `createBrowserPool(n)` makes a pool of Web
 * Workers (one per core by default) to pass as `pool`; dispose() it when the screen closes. Node's
 * pool is in nodePool.ts (not exported here: it imports node: modules).
 */
export { EXPLORE_CANCELLED, type ExploreOptions, ExplorePool, explore, type WorkerPort } from './pool';
/** The same diff as one side saw it, from its seat views only (no private figure of the other side). */
export { seatDiff } from './seatDiff';
/**
 * Share codes and branch files. Encode: await encodeShareCode(sc, tree.line(id), shareSegments(tree,
 * id)) (the segments let the code carry only the people's moves, with the computer players'
 * versions), await branchFile(sc, line, label, divergence, segments); both carry the line's
 * teacher's events. Read in two steps: parseShared(text) (a code or a file; refuses format and
 * corrupt) names the scenario; load it, then await checkShared(sc, parsed) (refuses another
 * version, computer players of other versions, an illegal move, an altered end state; makes the
 * computer's moves again). Then tree.adopt(checked.line, {label, segments}) adds it as branches
 * cut where its players change, each naming who played it (null where the code did not say).
 * Every refusal is a ShareError with `kind` (ShareRefusal) and a message naming what is wrong.
 */
export {
  BRANCH_FILE_FORMAT,
  type BranchFile,
  branchFile,
  branchFileCheck,
  type CheckedBranch,
  CODE_PREFIX,
  checkShared,
  encodeShareCode,
  type HeldStretch,
  holdLine,
  parseBranchFile,
  parseShareCode,
  parseShared,
  type Segment,
  type SharedBranch,
  ShareError,
  type ShareRefusal,
  type ShareResult,
  shareSegments,
} from './shareCode';
export { compareSights, nodeSight, type Sight, type SightRule, shownMoves, shownPoint, sightRule, WHOLE_POSITION } from './sight';
/**
 * The branch tree. `HistoryTree.create(sc)` builds the trunk; `fromData(sc, json)` restores a
 * stored tree (refusing a corrupt or altered one with the reason). Reading: nodes(), node(id),
 * children(id), ancestry(id), length(id), moves(id), line(id, at?), steps(id) (every move with its
 * date, words, historical flag and whether it drew dice), turnStarts(id), pointAtDay(id, day),
 * stateAt(point), state(id), injections(id) (the teacher's events on the path, dated and in
 * words). Changing: branch(point, {label, players, reseed, moves, injected}), play(id, move),
 * inject(id, event) (a teacher's event at the node's end), playComputers(id), canUndo(id) /
 * undo(id) (see tree.ts for the undo rule), rename(id, label), setPlayers(id, players),
 * remove(id). onChange(listener) after each change.
 */
export { type BranchOptions, drewDice, HistoryTree, historyLine, type Injected, playersOn, TRUNK_ID, undoRule } from './tree';
/**
 * The stored tree: `new TreeStore(browserKV())` (app/storage.ts); load(sc) gives the tree, null if
 * none, or a refusal if the stored one is damaged; save(tree) refuses to overwrite a damaged tree
 * unless asked to set it aside ({setAsideDamaged: true}). Node's file store: fileKV.ts.
 */
export { damagedSlot, TreeStore, type TreeStoreRefusal, treeSlot } from './treeStore';
export type {
  AxisDate,
  DecisionDiff,
  DecisionTaken,
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
  PathEnd,
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
export { describeMove, isHistoricalMove, orderText, PLAYER_WORDS, playersText, playerText, termsText } from './words';
