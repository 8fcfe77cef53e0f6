// A minister's votes pressed while the connection was down: not sent (nor queued), kept on their
// items, marked not sent, for one press to send once the connection is back (cabinetPanel.ts shows
// them). Kept in the tab too (sessionStorage, as deskDraft.ts keeps a desk's unsent orders), so a
// reload gives them back: for one seat (the store's key names it) and one turn. Dropped once sent,
// once the server holds the same vote (another tab sent it), once its item is no longer before the
// cabinet, and once the turn has moved on: a vote is for its turn's cabinet, never a later one's.

import type { SeatMessage } from './protocol';

/** Where a seat's page keeps its unsent votes (null: nothing to keep). */
export interface VoteStore {
  load(): string | null;
  save(text: string | null): void;
}

interface Kept {
  turn: number;
  votes: [string, 1 | -1][];
}

export class UnsentVotes {
  private readonly votes = new Map<string, 1 | -1>();
  /** The turn of the seat message last seen (null before the first). */
  private turn: number | null = null;

  constructor(private readonly store?: VoteStore) {}

  get size(): number {
    return this.votes.size;
  }

  get(item: string): 1 | -1 | undefined {
    return this.votes.get(item);
  }

  /** A seat message came: the first gives back what the tab kept for its turn; any drops what is sent, moot or of a turn gone by. */
  update(m: SeatMessage): void {
    const turn = m.view.turn;
    if (this.turn === null) for (const [item, vote] of readKept(this.store?.load() ?? null, turn)) this.votes.set(item, vote);
    else if (turn !== this.turn) this.votes.clear();
    this.turn = turn;
    const cab = m.cabinet;
    for (const [item, vote] of this.votes) if (!cab?.votes || cab.mine[item] === vote || !cab.items.some(i => i.item === item)) this.votes.delete(item);
    this.keep();
  }

  /** A vote pressed: gone (`sent`), taken back (0), or kept on its item to send once it can go. */
  pressed(item: string, vote: 1 | -1 | 0, sent: boolean): void {
    if (sent || vote === 0) this.votes.delete(item);
    else this.votes.set(item, vote);
    this.keep();
  }

  private keep(): void {
    if (!this.store) return;
    const kept: Kept | null = this.votes.size && this.turn !== null ? { turn: this.turn, votes: [...this.votes] } : null;
    this.store.save(kept && JSON.stringify(kept));
  }
}

/** The votes kept for `turn`; none if they are of another turn or do not read back. */
function readKept(text: string | null, turn: number): [string, 1 | -1][] {
  if (!text) return [];
  let k: Partial<Kept> | null;
  try {
    k = JSON.parse(text) as Partial<Kept> | null;
  } catch {
    return [];
  }
  if (!k || k.turn !== turn || !Array.isArray(k.votes)) return [];
  return k.votes.filter((v): v is [string, 1 | -1] => Array.isArray(v) && typeof v[0] === 'string' && (v[1] === 1 || v[1] === -1));
}
