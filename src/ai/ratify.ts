// What a seat believes the other cabinet would ratify, from its view alone. The rules are public:
// a minister accepts a package worth at least half his stance on his side's negotiation issue, and
// the cabinet ratifies by the influence-weighted share of those who accept (engine/negotiation.ts).
// What is hidden is the stances, so the model keeps a belief over one number, the threshold: the
// package value (by the other side's term table) at which half the other cabinet, by influence,
// would accept. The prior comes from the scenario's starting stances; intelligence that reads the
// other cabinet (the view's `seesOther`) pins it; every reply to a note moves it: a refusal makes
// packages worth as little to them less likely to pass, an acceptance or a note of their own more.
// The model is rebuilt from the seat view at every move and keeps nothing between moves.
import { logistic } from '../engine/cabinet';
import type { Compiled } from '../engine/compiled';
import { acceptance } from '../engine/negotiation';
import type { SeatState, SeatView } from '../engine/seat';
import { other, type Side } from '../engine/vocab';
import { indexOf, type PackageSpace, span, termsOf } from './packages';

/** Influence-weighted median of the half-stances of a side's ministers in office, on figures `fig`. */
export function cabinetThreshold(c: Compiled, fig: readonly number[], side: Side): number | null {
  const ms = c.side[side].ministers.filter(k => fig[c.ministers[k]!.iOffice] === 1);
  const hs = ms.map(k => ({ h: fig[c.ministers[k]!.iStance[c.negotiation.issue[side]]!]! / 2, w: c.ministers[k]!.influence })).sort((a, b) => a.h - b.h);
  if (hs.some(x => Number.isNaN(x.h)) || !hs.length) return null;
  const total = hs.reduce((a, x) => a + x.w, 0);
  // The package value at which the share of those content first reaches one half: the minister
  // whose hardness that share reaches, counted from the softest.
  let acc = 0;
  for (const x of hs) {
    acc += x.w;
    if (acc >= total / 2) return x.h;
  }
  return hs[hs.length - 1]!.h;
}

/** Spread of the prior over the threshold, in term-table points: stances drift during a game. */
const PRIOR_SD = 12;
/** Spread kept once intelligence has read the cabinet (it may move a little between readings). */
const SEEN_SD = 3;
/** How sharply a cabinet's content share rises around the threshold (points of package value). */
const SHARE_SCALE = 3;

export interface ReplyRecord {
  readonly n: number;
  readonly value: number;
  readonly accepted: boolean;
}

export class RatificationModel {
  readonly them: Side;
  private readonly grid: number[];
  /** The prior from the scenario's starting stances. */
  private readonly prior: number[];
  private belief: number[];
  /** Replies the other government gave to this seat's notes, and notes it sent (as "it would accept this"), by note number. */
  private answers: ReplyRecord[] = [];
  /** Refusals of notes its cabinet was read or reckoned to be content with: reluctance of the government, not the cabinet. */
  private refusedDespite = 0;
  private acceptedReplies = 0;
  private readonly memo = new Map<number, number>();
  private standing = 50;

  constructor(
    private readonly ps: PackageSpace,
    readonly side: Side,
  ) {
    const c = ps.c;
    this.them = other(side);
    const { min, max } = span(ps.table[this.them]);
    this.grid = [];
    for (let x = Math.floor(min) - 30; x <= Math.ceil(max) + 30; x += 1) this.grid.push(x);
    const t0 = cabinetThreshold(c, c.initialFig, this.them) ?? 0;
    this.prior = this.grid.map(x => Math.exp(-0.5 * ((x - t0) / PRIOR_SD) ** 2));
    this.belief = this.prior.slice();
    this.normalise();
  }

  private normalise(): void {
    const z = this.belief.reduce((a, b) => a + b, 0) || 1;
    this.belief = this.belief.map(b => b / z);
    this.memo.clear();
  }

  /** Bayes: a reply is the cabinet's view, with a little room for the government's own reasons. */
  private take(r: ReplyRecord): void {
    this.belief = this.belief.map((b, k) => {
      const pYes = 0.05 + 0.9 * logistic((r.value - this.grid[k]!) / SHARE_SCALE);
      return b * (r.accepted ? pYes : 1 - pYes);
    });
    this.normalise();
  }

  /** The answers the last view showed (see `answers`). */
  get replies(): readonly ReplyRecord[] {
    return this.answers;
  }

  /** The expected threshold (for reasons: "Moscow's cabinet, I reckon, wants at least ..."). */
  get threshold(): number {
    return this.grid.reduce((a, x, k) => a + x * this.belief[k]!, 0);
  }

  /**
   * Take in what the view shows: intelligence on the other cabinet, and the answers to notes. The
   * belief is worked out afresh from this view alone, remembering nothing from earlier views, so a
   * model made afresh for a move believes what one that has seen the whole game does. A reading of
   * the cabinet now replaces the prior, and only the answers to notes that reached the other side
   * since the last turn (given after the stances it reads, or close to it) move it further; with no
   * reading, every answer in the view moves the prior, oldest note first.
   */
  observe(view: SeatView, believed: SeatState): void {
    const c = this.ps.c;
    const st = believed.fig[c.side[this.them].iStanding]!;
    this.standing = Number.isNaN(st) ? 50 : st;
    const reading = view.seesOther ? cabinetThreshold(c, believed.fig, this.them) : null;
    this.belief = reading === null ? this.prior.slice() : this.grid.map(x => Math.exp(-0.5 * ((x - reading) / SEEN_SD) ** 2));
    this.normalise();
    const since = reading === null ? Number.NEGATIVE_INFINITY : c.days[Math.max(0, view.turn - 1)]!;
    this.answers = [];
    this.refusedDespite = 0;
    this.acceptedReplies = 0;
    // In the order sent (the view keeps the state's order); each side numbers its own notes, so a sort by number would mix them.
    for (const o of view.offers) {
      const i = indexOf(this.ps, o.terms);
      if (i < 0) continue;
      const v = this.ps.table[this.them][i]!;
      let accepted: boolean | null = null;
      if (o.from === this.side && o.status === 'rejected') accepted = false;
      else if (o.from === this.side && (o.status === 'ratified' || o.status === 'failed' || o.status === 'accepted')) accepted = true;
      else if (o.from === this.them && o.status !== 'sent') accepted = true; // they proposed it
      if (accepted === null) continue;
      const r = { n: o.n, value: v, accepted };
      this.answers.push(r);
      // A refusal of a package its cabinet was (read or reckoned, before this answer) content with is
      // the government's own reluctance: it lowers the willingness to answer yes, not the cabinet's
      // threshold alone.
      if (accepted) this.acceptedReplies++;
      else if (view.seesOther ? acceptance(c, believed, this.them, o.terms).share >= 0.5 : this.cabinetChance(v) >= 0.5) this.refusedDespite++;
      if (o.arrivesDay >= since) this.take(r);
    }
  }

  /** Chance the other cabinet ratifies a package worth `v` to it by its term table (the engine's vote rule, over the belief). */
  cabinetChance(v: number): number {
    let p = this.memo.get(v);
    if (p === undefined) {
      p = 0;
      const lean = (this.standing - 50) / 25;
      for (let k = 0; k < this.grid.length; k++) {
        const share = logistic((v - this.grid[k]!) / SHARE_SCALE);
        p += this.belief[k]! * logistic(8 * (share - 0.5) + lean);
      }
      this.memo.set(v, p);
    }
    return p;
  }

  /** Chance its government answers yes when its cabinet would be content: lower after refusals of packages it could have taken. */
  get willingness(): number {
    return (1 + this.acceptedReplies) / (1 + this.acceptedReplies + this.refusedDespite);
  }

  /** Chance a note with package i is accepted and then ratified by the other cabinet. */
  chance(i: number): number {
    return this.willingness * this.cabinetChance(this.ps.table[this.them][i]!);
  }
}

/** Chance this seat's own cabinet ratifies each package value (exact: a seat reads its own cabinet), memoised per turn. */
export function ownChances(ps: PackageSpace, believed: SeatState, side: Side): (i: number) => number {
  const memo = new Map<number, number>();
  return i => {
    const v = ps.table[side][i]!;
    let p = memo.get(v);
    if (p === undefined) {
      p = acceptance(ps.c, believed, side, termsOf(ps, i)).chance;
      memo.set(v, p);
    }
    return p;
  };
}
