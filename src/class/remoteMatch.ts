// The network transport for the game screen: a match held by the classroom server, seen from one
// seat. It answers the screen's questions (MatchPort) from the latest seat message, the only thing
// the server sends about the game, and sends the person's moves. The screen's loop runs unchanged:
// while the seat waits (the other side, the computer, the deadline, or a minister's seat that never
// proposes) `next` says so and `advance` resolves when the server sends something new.

import { type Affordances, affordances } from '../app/affordances';
import type { EndReport } from '../app/endReport';
import { Heard } from '../app/heard';
import type { BallotLine, MatchEvent, MatchPort, Next } from '../app/match';
import type { Controller } from '../app/saveFile';
import { type Compiled, err, type Move, type NewsItem, ok, other, type Result, type SeatView, type Side } from '../engine/index';
import type { Refusal, RoomInfo, SeatMessage } from './protocol';

/**
 * Where a seat's page keeps the news it has handed out, for the next page of the same seat (a
 * reload, a return from the title screen, a new tab on the device): it hands out only what came
 * since, not the last turn's reports and headlines again.
 */
export interface HeardStore {
  load(): string | null;
  save(text: string): void;
}

export interface RemoteLink {
  /** Sends the move; false (nothing sent) while the connection is down. */
  send(move: Move): boolean;
  leave(): void;
}

/** Why a seat's moves cannot go while the connection is down (connection.ts's NOT_CONNECTED, said at the desk). */
const LINK_DOWN = 'the connection to the classroom server is down (it reconnects by itself)';

export class RemoteMatch implements MatchPort {
  private msg: SeatMessage;
  private info: RoomInfo | null = null;
  /** A move sent and not yet answered (accepted or refused): the seat waits, even if the other side moves meanwhile. */
  private inFlight = false;
  private aff: Affordances | null = null;
  private readonly heard: Heard;
  private readonly listeners = new Set<(e: MatchEvent) => void>();
  private wake: (() => void) | null = null;
  /** Counts what the server has said; `next` notes the count it answered from, so nothing said in between is missed. */
  private said = 0;
  private answered = -1;
  private started = false;

  constructor(
    readonly c: Compiled,
    first: SeatMessage,
    private readonly link: RemoteLink,
    private readonly heardStore?: HeardStore,
  ) {
    this.msg = first;
    let kept: unknown = null;
    try {
      kept = JSON.parse(heardStore?.load() ?? 'null');
    } catch {
      // unreadable: everything in the view is news to this page
    }
    this.heard = Heard.from(kept);
  }

  get side(): Side {
    return this.msg.side;
  }
  get humans(): Side[] {
    return [this.side];
  }

  /** What the computer gave for this seat at the last deadline, said while the seat waits, until it next has a move to make. */
  private overtaken: string | null = null;

  /** A new seat message from the server. */
  update(m: SeatMessage): void {
    const was = this.msg;
    this.msg = m;
    // The deadline filled this side's move: an open desk closes, and the seat is told what was sent.
    if (m.standIn && m.standIn.moves !== was.standIn?.moves && this.started) {
      this.overtaken = m.standIn.text;
      this.emit({ type: 'overtaken', seat: this.side, text: m.standIn.text });
    }
    this.aff = null;
    if (this.started) this.publish();
    // The lead's open decision shows the ministers' votes as they come: say when they changed.
    if (this.started && m.proposes && JSON.stringify(m.cabinet?.tally ?? null) !== JSON.stringify(was.cabinet?.tally ?? null)) this.emit({ type: 'ballots', seat: this.side });
    this.poke();
  }

  ballots(seat: Side): readonly BallotLine[] | null {
    return seat === this.side && this.msg.proposes ? (this.msg.cabinet?.tally ?? null) : null;
  }

  /** The room's public info (phase, sides, deadline). */
  room(r: RoomInfo): void {
    const was = this.info?.phase;
    const held = this.held();
    this.info = r;
    // The teacher ended the game: a lead's open desk or decision is no longer theirs to send (it stayed, Send orders live).
    if (r.phase === 'ended' && was && was !== 'ended' && this.started && this.msg.proposes) this.emit({ type: 'overtaken', seat: this.side, text: 'The teacher has ended the game.' });
    if (this.held() !== held) this.emit({ type: 'held', reason: this.held() });
    if (r.phase !== was) this.poke();
  }

  /** The connection is down (until `reconnected`): the seat's moves wait, and its desk says why. */
  private linkDown = false;

  /** The connection dropped. */
  disconnected(): void {
    if (this.linkDown) return;
    this.linkDown = true;
    this.emit({ type: 'held', reason: this.held() });
  }

  /** The connection came back: an answer to a move in flight may have been lost, and the new seat message says where things stand. */
  reconnected(): void {
    this.inFlight = false;
    const was = this.linkDown;
    this.linkDown = false;
    if (was) this.emit({ type: 'held', reason: this.held() });
    this.poke();
  }

  /** Why the seat's moves cannot be sent now: the teacher's pause, or the connection down. */
  held(): string | null {
    if (this.linkDown) return LINK_DOWN;
    if (this.info?.phase === 'paused') return 'the teacher has paused the game';
    return null;
  }

  /** The server stored the seat's move. */
  accepted(): void {
    this.inFlight = false;
    this.poke();
  }

  /** The server refused a move: say why, and let the seat move again. */
  refused(r: Refusal): void {
    if (r.what !== 'move') return;
    this.inFlight = false;
    this.poke();
    // After the screen has cleared its waiting status.
    setTimeout(() => this.emit({ type: 'notice', text: `Not accepted: ${r.reason}.` }), 0);
  }

  private poke(): void {
    this.said++;
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** The server's list of every report the seat has had (MESSAGES.reports), until the screen has started. */
  private told: readonly NewsItem[] | null = null;

  /**
   * Every report the seat's side has heard this game, from the server (on joining and coming back):
   * the screen's Reports tab keeps the earlier turns' from it, as it does what it is given here. Not
   * news: nothing in it opens again, and what the view holds is handed out as ever (heard.ts).
   */
  reports(items: readonly NewsItem[]): void {
    if (!this.started) return void (this.told = items);
    this.emit({ type: 'reports', seat: this.side, items });
  }

  start(): void {
    this.started = true;
    if (this.told) this.emit({ type: 'reports', seat: this.side, items: this.told });
    this.told = null;
    this.publish();
  }

  private publish(): void {
    const fresh = this.heard.fresh(this.msg.view.news);
    if (fresh.length) {
      this.heardStore?.save(JSON.stringify(this.heard));
      this.emit({ type: 'news', seat: this.side, items: fresh });
    }
    if (this.msg.view.ended) this.emit({ type: 'ended', reason: this.msg.view.ended.reason });
  }

  private get playing(): boolean {
    return (this.info?.phase ?? 'playing') === 'playing';
  }

  next(): Next {
    this.answered = this.said;
    if (this.msg.view.ended && this.msg.end) return { kind: 'ended' };
    const d = this.msg.duty;
    if (this.msg.proposes && this.playing && !this.inFlight && (d === 'decide' || d === 'orders')) {
      this.overtaken = null;
      return { kind: d, seat: this.side };
    }
    return { kind: 'computer', seat: other(this.side) };
  }

  waitText(): string {
    const said = this.waitWhy();
    return this.overtaken ? `${this.overtaken} ${said}` : said;
  }

  private waitWhy(): string {
    const phase = this.info?.phase;
    if (phase === 'paused') return 'The teacher has paused the game.';
    if (phase === 'ended') return 'The teacher has ended the game.';
    if (phase === 'lobby') return 'Waiting for the teacher to start.';
    if (this.inFlight) return 'Sending…';
    const own = this.c.sc.sides[this.side].name;
    if (!this.msg.proposes && this.msg.duty !== 'wait')
      return this.msg.cabinet?.votes ? `${own}'s lead is deciding: cast your votes under “Your role”.` : `${own}'s lead is deciding; you advise as a minister.`;
    return `Waiting for ${this.c.sc.sides[other(this.side)].name}…`;
  }

  handOver(): void {}

  /** Resolves when the server next says something that may change what this seat does. */
  advance(): Promise<Result<number>> {
    const before = this.msg.moves;
    // Something came after the screen last asked what to do: let it ask again at once.
    if (this.said !== this.answered) return Promise.resolve(ok(0));
    return new Promise(resolve => {
      this.wake = () => resolve(ok(this.msg.moves - before));
    });
  }

  affordances(seat: Side): Affordances {
    if (seat !== this.side) throw new Error(`this screen holds ${this.side}'s seat, not ${seat}'s`);
    return (this.aff ??= affordances(this.c, this.msg.view, ev => this.msg.optionOrder[ev.i] ?? ev.decision!.options.map((_, j) => j)));
  }

  submit(seat: Side, move: Move): Result<void> {
    if (seat !== this.side || move.side !== seat) return err(`this seat plays ${this.c.sc.sides[this.side].name}`);
    if (!this.msg.proposes) return err('only the lead sends the orders (or the computer plays this side)');
    // Refused here, the desk kept: sent, it would be refused by the server (paused) or lost (no connection).
    const held = this.held();
    if (held) return err(held);
    if (!this.link.send(move)) return err(LINK_DOWN);
    this.inFlight = true;
    return ok(undefined);
  }

  view(seat: Side): SeatView {
    if (seat !== this.side) throw new Error(`this screen holds ${this.side}'s seat, not ${seat}'s`);
    return this.msg.view;
  }

  endReport(): EndReport | null {
    return this.msg.end;
  }

  opponentOf(seat: Side): Controller {
    return this.info?.sides?.[other(seat)] ?? 'human';
  }

  on(listener: (e: MatchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: MatchEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  dispose(): void {
    this.poke();
    this.link.leave();
  }
}
