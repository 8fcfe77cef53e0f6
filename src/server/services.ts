// What the rooms of one server process share: the scenarios, the log store (with its ordered writes)
// and the way to open a group from its stored log. The server (server.ts) makes it; rooms use it.

import type { Result } from '../engine/index';
import type { Group } from './group';
import type { Stored } from './store';

export interface ClassServices {
  /** The group stored under `code`, restored and checked; refused with the reason. */
  openGroup(code: string): Promise<Result<Group>>;
  /** Store the group's log as it is now: true once stored (the disk, at once), or a promise that resolves once it is. */
  store(group: Group): Stored;
  /** True if every write asked for the group is stored, else a promise that resolves once it is. */
  pending(code: string): Stored;
  /** The group's room has closed in this process. */
  closed(code: string): void;
}
