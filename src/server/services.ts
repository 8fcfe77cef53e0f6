// What the rooms of one server process share: the scenarios, the log store (with its ordered writes)
// and the way to open a group from its stored log. The server (server.ts) makes it; rooms use it.

import type { Result } from '../engine/index';
import type { Group } from './group';

export interface ClassServices {
  /** The group stored under `code`, restored and checked; refused with the reason. */
  openGroup(code: string): Promise<Result<Group>>;
  /** Store the group's log (queued in order; an urgent one at once, any other within a moment, with whatever changes join it). */
  store(group: Group, urgent?: boolean): void;
  /** Resolves once every write asked for the group so far is stored. */
  flushed(code: string): Promise<void>;
  /** The group's room has closed in this process. */
  closed(code: string): void;
}
