// History mode's watching side: a recorded game (history, or any save) replayed position by
// position, its turns as each side saw them, and the knowledge gap between the two.
export { cityOf, type GapCell, type GapKind, type GapModel, type GapRow, knowledgeGap } from './gap';
export { type BranchLink, branchLink, linkBranch } from './links';
export { type Origin, Recording } from './recording';
export { HistorySession, type Target } from './session';
export { type FigureLine, type Frame, frameOfDay, type HeardLine, type HeardShown, heardShown, type OwnMove, type SideFrame, timeline } from './timeline';
