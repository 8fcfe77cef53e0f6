// History mode in the browser, loaded on demand (its own chunk): the scenario picker, the watch
// screen with its knowledge-gap view, and the dialogs that start a branch.

export { HistoryMode, type ModeDeps } from './mode';
export { pickScenario } from './pick';
export { TreeScreen } from './tree';
export { type BranchRequest, type Pov, type WatchDeps, type WatchMode, type WatchOptions, WatchScreen } from './watch';
