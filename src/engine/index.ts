// The engine's public API, for the CLI, the computer players and the browser front end.
export { createGame, applyMove } from './game';
export { compile, CompileError, type Compiled, type CAction, type CEvent, type COption, type FigureMeta } from './compile';
export { legalActions, describeAction, describeOption, checkMove, actionAvailable, answerable, canOffer, predictEffects, type LegalAction, type Prediction } from './legal';
export { acceptance, packageValue, type Acceptance } from './negotiation';
export { approvalChance, support } from './cabinet';
export { playerView, type PlayerView, INTEL_SIGHT } from './view';
export { score, type Score, type ObjectiveResult } from './scoring';
export { stateHash } from './hash';
export { makeSave, loadSave, replay, SAVE_FORMAT, type Save } from './save';
export { explain, ledgerFor, type Explanation } from './ledger';
export { checkInvariants } from './invariants';
export { dayOf, isoOf, longDate, monthLabel } from './calendar';
export { incidentDeltas } from './incidents';
export type { Rng, RngState } from './rng';
export type { IncidentResp, Vote } from './compile';
export { RELATION_LABEL } from './draft';
export * from './types';
export * from './vocab';
