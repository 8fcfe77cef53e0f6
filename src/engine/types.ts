// The game state is plain data: arrays indexed by the compiled scenario, and a few scalars.
// Nothing here holds a function, a class instance or a clock.

import type { RngState } from './rng';
import type { BySide, Relations, Side } from './vocab';

/** One recorded change to a tracked figure, with its cause. A persistent (cons) list. */
export interface LedgerEntry {
  day: number;
  fig: number;
  delta: number;
  value: number;
  /** "action:ID", "event:ID", "option:EVENT.OPTION", "rule:NAME", "term:TERM.OPTION" */
  cause: string;
  why?: string;
  /** Set when the change was made inside a side's private business: the other side is not told its cause. */
  origin?: Side;
}
export interface Ledger {
  e: LedgerEntry;
  n: Ledger | null;
}

/**
 * A line in the turn report. `side` set means only that side sees it; `origin` set means it was
 * made inside that side's private business (a public consequence whose cause the other side is not told).
 */
export interface NewsItem {
  day: number;
  text: string;
  side?: Side;
  cause: string;
  origin?: Side;
  /** Set on the big moments a front end shows on their own (a dialog, a boxed line), not in a list. */
  headline?: HeadlineKind;
  /** A headline's explanation, for the same audience as its text (who refused, which terms). */
  detail?: string;
}

/**
 * The big moments: relations change, a minister resigns, a side changes hands, an item is forced
 * onto a cabinet's agenda, a note is ratified, refused at ratification or rejected, the game ends.
 */
export const HEADLINE_KINDS = ['relations', 'resignation', 'government', 'agenda', 'note-ratified', 'note-refused', 'note-rejected', 'game-end'] as const;
export type HeadlineKind = (typeof HEADLINE_KINDS)[number];
export interface NewsList {
  e: NewsItem;
  n: NewsList | null;
}

export type Terms = Record<string, string>;

export interface Offer {
  /** The note's number among its sender's notes (each side numbers its own: labels.ts, noteName). */
  n: number;
  from: Side;
  terms: Terms;
  sentDay: number;
  /** The day the note reaches the other side. */
  arrivesDay: number;
  status: 'sent' | 'delivered' | 'accepted' | 'rejected' | 'ratified' | 'failed' | 'lapsed';
  /** Set when the note lapsed on its way, before it arrived: the other side never learns of it. */
  unread?: true;
}

export interface TradeMonth {
  month: number;
  exports: number;
  reExports: number;
  imports: number;
  balance: number;
  orders: number;
}

/** A reply answers the other side's note numbered `offer` (each side numbers its own notes). */
export type Order = { kind: 'action'; id: string } | { kind: 'offer'; terms: Terms } | { kind: 'reply'; offer: number; accept: boolean };

/**
 * A student minister's vote on one item put to their side's cabinet (cabinet.ts, `votePull`, says how
 * it weighs). `role` is a scenario role that plays a minister of the moving side; `item` names the
 * item by its cause: "action:ID" (an order given, or an item a minister or group may force onto the
 * agenda), "option:EVENT.OPTION" (the option of a decision move), or "offer:SIDE:N" (the side's
 * ratification of SIDE's note N, when this move accepts it or it is the side's own note awaiting an answer). `vote` is 1 for, -1 against; a minister held by
 * a student who casts no ballot votes by stance alone, as a computer minister does.
 */
export interface Ballot {
  role: string;
  item: string;
  vote: 1 | -1;
}

/**
 * A move a player sends to the engine. `votes` (optional; absent in games without students'
 * ballots, and in every save made before them) carries the side's students' ballots on this move's items.
 */
export type Move = { type: 'decide'; side: Side; event: string; option: string; votes?: Ballot[] } | { type: 'orders'; side: Side; orders: Order[]; votes?: Ballot[] };

export interface GameState {
  scenario: string;
  version: number;
  seed: string;
  turn: number;
  /** The key of the game's dice (dice.ts): seeded from the seed, never changed by play, never in a seat's view. */
  rng: RngState;
  /**
   * How many times the dice have been rolled in this game. Play never reads it and the hash leaves it
   * out; it tells whether a move rolled any (an undo may not take back a roll), and no view holds it.
   */
  rolls: number;
  /** All tracked figures, indexed by the compiled figure table. */
  fig: number[];
  /** Day a flag was set, or -1. Indexed by the compiled flag table. */
  flags: number[];
  relations: Relations;
  /** The minister (index) who leads each side now: the lead can change hands with a government. */
  lead: BySide<number>;
  /** Day each event last fired, or -1. */
  fired: number[];
  /** Option index chosen at each event, or -1. */
  chosen: number[];
  /** Day each action was last carried out, or -1. */
  taken: number[];
  /** Day each action last failed a cabinet vote, or -1. */
  failed: number[];
  /** Events queued to fire on a day; `by: 'teacher'` marks one a teacher introduced (inject.ts), which fires whatever its trigger says. */
  scheduled: { ev: number; day: number; by?: 'teacher' }[];
  /** Event indices awaiting each side's decision. */
  pending: BySide<number[]>;
  /** Orders given this turn (secret until resolved); null = not yet given. */
  orders: BySide<Order[] | null>;
  offers: Offer[];
  /** Ratified terms, term id -> option id. */
  agreed: Terms;
  trade: TradeMonth[];
  /** Orders placed in Britain, oldest first, awaiting delivery. */
  pipeline: number[];
  /** Last month the trade system has run for. */
  month: number;
  /**
   * Keep the ledger of causes and the news. Games people play keep them; bulk simulations that
   * nobody reads (sim, bench, the what-if explorer) may turn them off. Play is identical either way.
   */
  record: boolean;
  ledger: Ledger | null;
  news: NewsList | null;
  ended: { reason: string; day: number } | null;
  /**
   * Students' ballots sealed with a side's orders until the turn resolves (absent when there are
   * none, so games without ballots, and their hashes, are as before): private like the orders.
   */
  ballots?: BySide<Ballot[] | null>;
  /**
   * Day each event last fired as a teacher's injection, or -1 (absent until one has, so every other
   * state, and every hash, is as before). The teacher gives it in front of the class, so that firing
   * is public even where the event is one side's private decision: the seat view shows it to both.
   * It explains what a side may know and changes no play, so the hash leaves it out, like the news.
   */
  introduced?: number[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });
