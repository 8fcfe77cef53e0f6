// The students' ballot box of one classroom group. Minister students vote For or Against on the
// items that may come before their side's cabinet this turn, before their lead seals the side's
// move: the decisions pending (each option that goes to a cabinet vote), the orders that would go
// to one (whether the lead orders them or a minister or group forces them onto the agenda), and the
// ratification of a note (one the lead may accept, or the side's own note awaiting the other side's
// answer). When the lead's move is sealed (or the computer stands in at the deadline) the ballots
// on that move's items go into its `votes`; the engine (checkBallots) is the judge of which count,
// one ballot at a time, so the box holds no rule of its own about items beyond listing them.

import type { BallotItem, CountedBallot, TallyLine } from '../class/protocol';
import { forcedItems } from '../engine/cabinet';
import { advises, type Ballot, type Compiled, checkBallots, type GameState, type Move, noteCause, noteName, other, SIDES, type Side, seatView } from '../engine/index';

type Vote = 1 | -1;

/** What the box keeps in the group's log: each side's ballots cast and not yet sealed, and those counted this turn. */
export interface BallotBoxLog {
  turn: number;
  cast: Record<Side, Ballot[]>;
  counted: Record<Side, CountedBallot[]>;
}

/** The role ids of `side` whose students vote now: ministers in office, not the side's lead. */
export function voterRoles(c: Compiled, s: GameState, side: Side): string[] {
  return c.roles.filter(r => r.side === side && r.minister >= 0 && r.minister !== s.lead[side] && s.fig[c.ministers[r.minister]!.iOffice] === 1).map(r => r.id);
}

/** The role played by a side's lead now (the role of its lead minister), or null if the scenario gives him none. */
export function leadRole(c: Compiled, s: GameState, side: Side): string | null {
  return c.roles.find(r => r.side === side && r.minister === s.lead[side])?.id ?? null;
}

/** The items students of `side` may vote on now: empty once the side has nothing more to seal this turn. */
export function openItems(c: Compiled, s: GameState, side: Side): BallotItem[] {
  const out: BallotItem[] = [];
  for (const k of s.pending[side]) {
    const e = c.events[k]!;
    for (const o of e.decision!.options) if (o.vote?.cabinet) out.push({ item: o.cause, label: `${e.title}: ${o.label}`, when: 'if the lead chooses it' });
  }
  if (s.orders[side] !== null) return out;
  const view = seatView(c, s, side, { ledger: false });
  const forced = forcedItems(c, s, side, k => view.available.includes(k));
  for (const k of view.available) {
    const a = c.actions[k]!;
    if (!a.vote?.cabinet) continue;
    const by = forced.find(f => f.action === k)?.by;
    if (by) out.push({ item: a.cause, label: a.label, when: `${by} forces it onto the agenda: the cabinet votes on it even if the lead does not order it`, forcedBy: by });
    else out.push({ item: a.cause, label: a.label, when: 'if the lead orders it' });
  }
  const names = c.sc.sides;
  for (const o of s.offers) {
    const terms = c.terms.map(t => `${t.label}: ${t.options.find(x => x.id === o.terms[t.id])?.label ?? o.terms[t.id]}`).join('; ');
    if (o.from === other(side) && o.status === 'delivered') out.push({ item: noteCause(o.from, o.n), label: `Ratify ${noteName(o.from, o.n)} (${terms})`, when: 'if the lead accepts it' });
    else if (o.from === side && (o.status === 'sent' || o.status === 'delivered'))
      out.push({ item: noteCause(o.from, o.n), label: `Ratify our note, ${noteName(o.from, o.n)} (${terms})`, when: `if ${names[other(side)].name} accepts it this turn` });
  }
  return out;
}

export class BallotBox {
  private turn = 0;
  /** Each side's ballots: role -> item -> vote. */
  private readonly cast: Record<Side, Map<string, Map<string, Vote>>> = { britain: new Map(), ussr: new Map() };
  private readonly counted: Record<Side, CountedBallot[]> = { britain: [], ussr: [] };

  /** A new turn: last turn's open ballots are done with; what was counted is kept a turn, so the students see it after the turn resolves. */
  newTurn(turn: number): void {
    if (turn === this.turn) return;
    this.turn = turn;
    for (const side of SIDES) {
      this.cast[side].clear();
      this.counted[side] = this.counted[side].filter(b => b.turn >= turn - 1);
    }
  }

  /** A student's vote (0 withdraws it). The caller has checked the role votes and the item is open. */
  cast1(side: Side, role: string, item: string, vote: Vote | 0): void {
    const mine = this.cast[side].get(role) ?? new Map<string, Vote>();
    if (vote === 0) mine.delete(item);
    else mine.set(item, vote);
    if (mine.size) this.cast[side].set(role, mine);
    else this.cast[side].delete(role);
  }

  mine(side: Side, role: string): Record<string, Vote> {
    return Object.fromEntries(this.cast[side].get(role) ?? []);
  }

  /** Every open item with the roles for and against it (for the lead's screen). */
  tally(c: Compiled, side: Side, items: readonly BallotItem[]): TallyLine[] {
    return items.map(x => {
      const line: TallyLine = { item: x.item, label: x.label, for: [], against: [] };
      for (const [role, votes] of this.cast[side]) {
        const v = votes.get(x.item);
        if (!v) continue;
        const r = c.roles[c.roleIndex.get(role)!]!;
        // A minister outside the deciding body advises: his ballot is listed apart from the votes.
        const to = advises(c, r) ? (line.advice ??= { for: [], against: [] }) : line;
        to[v === 1 ? 'for' : 'against'].push(r.name);
      }
      return line;
    });
  }

  counts(side: Side, role: string | null): CountedBallot[] {
    return role === null ? [...this.counted[side]] : this.counted[side].filter(b => b.role === role);
  }

  /**
   * The ballots cast on the items `move` puts to the cabinet (an order it gives, an item forced onto
   * the agenda, the option it takes, a note it ratifies), as the engine accepts them: each checked
   * alone, so one that no longer applies (its minister has left office, say) drops out and the rest count.
   */
  ballotsFor(c: Compiled, s: GameState, move: Move, open: readonly BallotItem[]): Ballot[] {
    const out: Ballot[] = [];
    const ordered = move.type === 'orders' ? new Set(move.orders.flatMap(o => (o.kind === 'action' ? [`action:${o.id}`] : []))) : null;
    for (const [role, mine] of this.cast[move.side]) {
      for (const [item, vote] of mine) {
        // The engine also takes a ballot on an item that could be forced but is not this turn: it would not be voted on.
        if (ordered && item.startsWith('action:') && !ordered.has(item) && !open.find(x => x.item === item)?.forcedBy) continue;
        const b: Ballot = { role, item, vote };
        if (checkBallots(c, s, { ...move, votes: [b] }) === null) out.push(b);
      }
    }
    return out;
  }

  /** The ballots of a move that has been sealed: out of the box, and counted. */
  sealed(c: Compiled, side: Side, votes: readonly Ballot[], labels: readonly BallotItem[]): void {
    if (!votes.length) return;
    for (const b of votes) {
      this.cast[side].get(b.role)?.delete(b.item);
      if (this.cast[side].get(b.role)?.size === 0) this.cast[side].delete(b.role);
      const label = labels.find(x => x.item === b.item)?.label ?? b.item;
      const r = c.roles[c.roleIndex.get(b.role)!]!;
      this.counted[side].push({ turn: this.turn, role: b.role, name: r.name, item: b.item, label, vote: b.vote, ...(advises(c, r) ? { advice: true as const } : {}) });
    }
  }

  /** Drop ballots on items no longer open (a decision taken, orders sealed, a minister gone). */
  prune(side: Side, open: readonly BallotItem[], voters: readonly string[]): void {
    for (const [role, mine] of this.cast[side]) {
      for (const item of [...mine.keys()]) if (!voters.includes(role) || !open.some(x => x.item === item)) mine.delete(item);
      if (!mine.size) this.cast[side].delete(role);
    }
  }

  toLog(): BallotBoxLog {
    const cast = (side: Side): Ballot[] => [...this.cast[side]].flatMap(([role, mine]) => [...mine].map(([item, vote]) => ({ role, item, vote })));
    return { turn: this.turn, cast: { britain: cast('britain'), ussr: cast('ussr') }, counted: { britain: [...this.counted.britain], ussr: [...this.counted.ussr] } };
  }

  /**
   * The box as a log left it; a malformed entry is dropped (the ballots are advice, the game is checked on its own).
   * `item` renames an item (a log written before each side numbered its own notes); null drops the ballot.
   */
  static fromLog(l: unknown, item: (x: string) => string | null = x => x): BallotBox {
    const box = new BallotBox();
    if (typeof l !== 'object' || l === null) return box;
    const x = l as Partial<BallotBoxLog>;
    if (typeof x.turn === 'number') box.turn = x.turn;
    for (const side of SIDES) {
      for (const b of x.cast?.[side] ?? []) {
        const it = typeof b?.item === 'string' ? item(b.item) : null;
        if (typeof b?.role === 'string' && it !== null && (b.vote === 1 || b.vote === -1)) box.cast1(side, b.role, it, b.vote);
      }
      for (const b of x.counted?.[side] ?? [])
        if (typeof b?.role === 'string' && typeof b.label === 'string' && (b.vote === 1 || b.vote === -1) && typeof b.turn === 'number') box.counted[side].push(b);
    }
    return box;
  }
}
