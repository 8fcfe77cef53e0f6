// The engine's public API, for the CLI, the computer players and the browser front end.

export { checkBallots, votesOn } from './ballots';
export { approvalChance, support, VOTE_PULL_MAX, VOTE_PULL_MIN, type Votes, votedLean, votePull } from './cabinet';
export { dayDate, dayOf, isoOf, longDate, monthLabel } from './calendar';
export { CompileError, compile } from './compile';
export type { CAction, CEvent, CGroup, CMinister, CObjective, COption, Compiled, Cond, CRole, CSide, CTerm, Eff, FigureKind, FigureMeta, IncidentResp, Vote } from './compiled';
export { applyMove, closedBy, createGame, playInPlace, playMove, unopenedGame } from './game';
export { stateHash } from './hash';
export { incidentDeltas } from './incidents';
export { checkInjection, type Injection, injectableEvents, injectEvent } from './inject';
export { checkInvariants } from './invariants';
export {
  CATEGORY_LABEL,
  categoryWords,
  NOTE_OF,
  noteCause,
  noteName,
  noteOfCause,
  officeNow,
  RELATION_LABEL,
  RELATION_LABELS,
  type RelationLabels,
  SIDE_LABEL,
  sideInSentence,
  sideLabel,
  standingOf,
  WAR_DANGER_BANDS,
  type WarDangerBand,
  type WarDangerBandName,
  warDangerBand,
} from './labels';
export { type Explanation, explain, ledgerFor } from './ledger';
export { actionAvailable, answerable, canOffer, checkMove, describeAction, describeOption, type LegalAction, legalActions, type Prediction, type Preview, predictEffects, type Risk } from './legal';
export { type PressureLine, pressureLines } from './lines';
export type { LinkedCondition, LinkedEffect } from './linked';
export { type Acceptance, acceptance, openOptions, optionOpen, packageValue, REFUSAL_COST } from './negotiation';
export { measureFraction, type ObjectiveOutlook, ON_COURSE_FRACTION, type OutlookFacts, type OutlookStatus, objectiveOutlook, outcomeSettled, outcomeStays, outlookFacts, seenTruth } from './outlook';
export { type CommonsOdds, PRESSURE_LINE } from './parliament';
export { legacyHash, namesNote, renumberItem, renumberMove } from './renumber';
export type { Rng, RngState } from './rng';
export {
  advises,
  bodyName,
  type PublicRole,
  publicRoles,
  type RoleBrief,
  roleAt,
  roleBrief,
  roleNow,
  rolesOf,
  seatFollows,
  seatHeadOf,
  seatHeads,
  seatNames,
  termsOf,
  withoutSecretAims,
} from './roles';
export { sampleState } from './sample';
export { type Loaded, type LoadOptions, loadSave, makeSave, parseSaveText, replay, replayRenumbered, SAVE_FORMAT, SAVE_VERSION, type Save, upgradeSave, versionWords } from './save';
export { achieved, type ObjectiveResult, type RoleScore, type Score, score, scoreRole, scoreRoles } from './scoring';
export {
  hiddenCause,
  INTEL_SIGHT,
  type SeatState,
  type SeatView,
  type SeatViewOptions,
  seatAcceptance,
  seatAnswerable,
  seatCommons,
  seatLegal,
  seatOption,
  seatReports,
  seatState,
  seatView,
  seen,
  withRole,
} from './seat';
export type * from './setup';
export { decisionDay, eventOfCause, newsDay, shownDay } from './shownDates';
export * from './types';
export * from './vocab';
