// What the rooms of one server process share: the scenarios, the log store (with its ordered writes)
// and the way to open a group from its stored log. The server (server.ts) makes it; rooms use it.

import type { Result } from '../engine/index';
import type { Group } from './group';
import type { Stored } from './store';

export interface ClassServices {
  /** The group stored under `code`, restored and checked; refused with the reason. */
  openGroup(code: string): Promise<Result<Group>>;
  /**
   * Store a group's log, built by `log` (when its write starts: with Redis, changes made while a
   * write runs build one log, not one each): true once stored (the disk, at once), or a promise that
   * resolves once it is. Rejects (StoreFailure) if it cannot be stored; then every later write of the
   * group rejects unmade until `resume`.
   */
  store(code: string, log: () => string): Stored;
  /** True if every write asked for the group is stored, else a promise that resolves once it is (or rejects). */
  pending(code: string): Stored;
  /** The group as its log was last stored (read back from the text this process last stored or loaded); refused with the reason. */
  lastStored(code: string): Promise<Result<Group>>;
  /** Let the group's writes go on after a failure. */
  resume(code: string): void;
  /** The group's room has closed in this process. */
  closed(code: string): void;
}
