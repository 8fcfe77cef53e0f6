// A student's role and cabinet, in a fold at the head of the desk, beside the board (a drawer below
// the game on a phone): the role's public brief and its secret aims (sent only to this seat, in its
// view), the items before the side's cabinet with a For and an Against button each (a minister in
// office), the ministers' votes so far (the lead, who sends them in with the move), the ballots that
// counted, the role's score once the game ends, and for a seat whose roles succeed one another, its
// term of office (who takes it over, or that it has).
// It shows what the seat message says and sends the student's votes; the server judges them. A vote
// pressed while the connection is down is not sent (nor queued): it is kept on its item, marked not
// sent (in the tab too, so a reload keeps it: keptVotes.ts), and once the connection is back one
// press of "Send my vote" sends it.

import { aimsView } from '../ui/dom/classroom';
import { h } from '../ui/dom/h';
import { UnsentVotes, type VoteStore } from './keptVotes';
import type { SeatMessage, TallyLine, VoteMessage } from './protocol';

export class CabinetPanel {
  readonly el: HTMLDetailsElement;
  private readonly summary = h('summary', { class: 'cp-summary' });
  private readonly body = h('div', { class: 'cp-body' });
  /** Items already shown, so the first look opens on them (and a student who closed it keeps it closed otherwise). */
  private readonly seen = new Set<string>();
  /** The turn shown last (null before the first look): a new turn folds the panel. */
  private turn: number | null = null;
  /** The role shown last, to notice a handover. */
  private role: string | null = null;
  private scored = false;
  /** Votes pressed while they could not go, by item: kept to send in one press once the connection is back. */
  private readonly unsent: UnsentVotes;
  /** Whether votes can go now. */
  private up = true;
  private last: SeatMessage | null = null;

  constructor(
    private readonly player: string,
    /** Sends a vote; false if it could not go (the connection down), nothing sent. */
    private readonly send: (v: VoteMessage) => boolean,
    /** Where the tab keeps this seat's unsent votes across a reload. */
    store?: VoteStore,
  ) {
    this.unsent = new UnsentVotes(store);
    this.el = h('details', { class: 'cabinet-panel' }, this.summary, this.body) as HTMLDetailsElement;
  }

  /** The connection went down or came back: a vote kept unsent says whether it can go now. */
  connection(up: boolean): void {
    if (up === this.up) return;
    this.up = up;
    if (!this.last || !this.unsent.size) return;
    this.update(this.last);
    // Back: the fold opens on the vote that waits for its one press.
    if (up) this.el.open = true;
  }

  /** A vote pressed: sent, or kept on its item to send once it can go. */
  private cast(item: string, vote: 1 | -1 | 0): void {
    this.unsent.pressed(item, vote, this.send({ item, vote }));
    if (this.last) this.update(this.last);
  }

  update(m: SeatMessage): void {
    this.last = m;
    const cab = m.cabinet;
    // A kept vote the server now holds has gone (another tab sent it), and one on an item no longer before the cabinet, or of a turn gone by, is moot.
    this.unsent.update(m);
    const role = m.view.role;
    this.el.hidden = !cab && !role;
    if (this.el.hidden) return;
    this.el.className = `cabinet-panel side-${m.side}`;
    const items = cab?.items ?? [];
    const open = cab?.votes ? items.filter(i => cab.mine[i.item] === undefined).length : 0;
    const fresh = cab?.votes ? items.some(i => !this.seen.has(i.item)) : false;
    for (const i of items) this.seen.add(i.item);
    // A seat that has just passed to another role opens on its new brief.
    const handedOver = this.role !== null && role !== undefined && role !== null && role.id !== this.role;
    this.role = role?.id ?? null;
    // The score opens the fold once, whether the game or the teacher ended it.
    const scored = !!cab?.score && !this.scored;
    if (cab?.score) this.scored = true;
    // The first look opens on the items to vote on; from the next turn the fold is closed (its summary
    // counts what is to vote on, and the desk points to it), so on a laptop the board has the room its
    // text needs (under the open fold at 1280x720 it was drawn at some 8 px). A handover or the score opens it.
    const first = this.turn === null;
    const newTurn = !first && m.view.turn !== this.turn;
    this.turn = m.view.turn;
    if ((first && fresh) || handedOver || scored) this.el.open = true;
    else if (newTurn) this.el.open = false;
    const who = role ? `${role.name}, ${role.office}` : 'Your cabinet';
    const tail = cab?.score
      ? `your score ${Math.round(cab.score.total)}/100`
      : cab?.votes
        ? open
          ? `${open} to ${cab.advises ? 'advise' : 'vote'} on`
          : items.length
            ? cab.advises
              ? 'advice given'
              : 'votes cast'
            : `nothing to ${cab.advises ? 'advise' : 'vote'} on`
        : cab?.tally?.length
          ? ballotsIn(cab.tally)
          : '';
    this.summary.replaceChildren(h('span', { class: 'cp-who' }, `Your role: ${who}`));
    if (tail) this.summary.append(h('span', { class: open ? 'cp-count due' : 'cp-count' }, tail));
    // Said on the fold's summary too: on a phone the fold is a drawer, often closed.
    if (this.unsent.size) this.summary.append(' ', h('span', { class: 'cp-count due' }, `${this.unsent.size} not sent`));
    this.body.replaceChildren(
      ...(cab?.score
        ? [
            h(
              'section',
              { class: 'cp-score', 'aria-label': 'Your role’s score' },
              h('h3', null, `Your role’s score: ${Math.round(cab.score.total)} out of 100`),
              h(
                'ul',
                null,
                cab.score.objectives.map(o =>
                  h('li', null, `${o.label}: `, h('strong', null, o.achieved >= 1 ? 'achieved' : o.achieved <= 0 ? 'not achieved' : `${Math.round(o.achieved * 100)}% of the way`)),
                ),
              ),
            ),
          ]
        : []),
      ...(cab?.term ? [h('p', { class: 'cp-term', role: 'note' }, cab.term)] : []),
      ...(cab ? [this.cabinet(m)] : []),
      ...(role ? [h('section', { class: 'cp-brief', 'aria-label': 'Your brief' }, h('h3', null, 'Your brief'), h('p', null, role.briefing)), aimsView(role, this.player)] : []),
    );
  }

  /** A vote pressed while it could not go: said not sent, with the one press that sends it once the connection is back. */
  private keptLine(item: string, vote: 1 | -1, advises: boolean): HTMLElement {
    const what = `Your ${advises ? 'advice' : 'vote'} ${vote === 1 ? 'For' : 'Against'} is not sent`;
    return h(
      'p',
      { class: 'cp-unsent', role: 'status' },
      this.up ? `${what}: the connection is back. ` : `${what}: the connection is down. It is kept here; send it once the connection is back. `,
      this.up
        ? h('button', { type: 'button', class: 'btn primary', 'data-action': 'send-vote', 'data-item': item, onclick: () => this.cast(item, vote) }, `Send my ${advises ? 'advice' : 'vote'}`)
        : null,
    );
  }

  private cabinet(m: SeatMessage): HTMLElement {
    const cab = m.cabinet!;
    const body = m.side === 'britain' ? 'Cabinet' : 'Politburo';
    const out = h('section', { class: 'cp-cabinet', 'aria-label': `The ${body}` }, h('h3', null, `Before the ${body}`), h('p', { class: 'help' }, cab.note));
    if (cab.votes) {
      for (const it of cab.items) {
        const mine = cab.mine[it.item];
        const kept = this.unsent.get(it.item);
        const button = (vote: 1 | -1, text: string) =>
          h(
            'button',
            {
              type: 'button',
              class: `btn vote-${vote === 1 ? 'for' : 'against'}`,
              'aria-pressed': String(mine === vote),
              'data-vote': vote === 1 ? 'for' : 'against',
              'data-item': it.item,
              onclick: () => this.cast(it.item, mine === vote && kept === undefined ? 0 : vote),
            },
            text,
          );
        out.append(
          h(
            'div',
            { class: 'cp-item', role: 'group', 'aria-label': it.label },
            h('p', { class: 'cp-label' }, h('strong', null, it.label), h('span', { class: 'help' }, ` (counts ${it.when})`)),
            h(
              'div',
              { class: 'cp-buttons' },
              button(1, 'For'),
              button(-1, 'Against'),
              h(
                'span',
                { class: 'cp-mine' },
                mine === undefined
                  ? `${cab.advises ? 'No advice given' : 'Not voted'}: your minister weighs in by his own stance`
                  : `You ${cab.advises ? 'advise' : 'vote'} ${mine === 1 ? 'For' : 'Against'}`,
              ),
            ),
            kept === undefined ? null : this.keptLine(it.item, kept, !!cab.advises),
          ),
        );
      }
    }
    // No items, no tally: the note above already says nothing is before the body (it said so twice).
    if (cab.tally?.length) {
      out.append(
        h(
          'ul',
          { class: 'cp-tally' },
          cab.tally.map(t =>
            h(
              'li',
              null,
              h('strong', null, t.label),
              ` (counts ${cab.items.find(i => i.item === t.item)?.when ?? ''}): `,
              t.for.length || t.against.length ? `For: ${t.for.join(', ') || 'none'}. Against: ${t.against.join(', ') || 'none'}.` : 'no votes yet.',
              // Those outside the body advise: their ballots are listed apart from the votes.
              t.advice ? ` Advice for: ${t.advice.for.join(', ') || 'none'}; against: ${t.advice.against.join(', ') || 'none'}.` : '',
            ),
          ),
        ),
      );
    }
    if (cab.counted.length) {
      out.append(
        h('h4', null, 'Counted'),
        h(
          'ul',
          { class: 'cp-counted' },
          cab.counted.map(b =>
            h('li', null, `${b.turn === m.view.turn ? 'This turn' : 'Last turn'}: ${cab.tally ? b.name : 'you'} ${b.advice ? 'advised' : 'voted'} ${b.vote === 1 ? 'For' : 'Against'} “${b.label}”.`),
          ),
        ),
      );
    }
    return out;
  }
}

const votesIn = (n: number): string => (n === 0 ? 'no ministers’ votes yet' : n === 1 ? '1 minister’s vote in' : `${n} ministers’ votes in`);

/** The lead's count of ballots in: the votes, and the advice apart from them when any has come. */
function ballotsIn(tally: readonly TallyLine[]): string {
  let votes = 0,
    advice = 0;
  for (const t of tally) {
    votes += t.for.length + t.against.length;
    advice += (t.advice?.for.length ?? 0) + (t.advice?.against.length ?? 0);
  }
  return advice ? `${votesIn(votes)}, ${advice === 1 ? '1 piece' : `${advice} pieces`} of advice` : votesIn(votes);
}
