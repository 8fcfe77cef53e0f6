// The orders desk and the negotiation table. Everything offered comes from the seat's affordances
// (legal orders, odds, acceptance), built from its view; the panel only keeps what the person has
// ticked until the orders are sent.

import {
  ACCEPTANCE_HELP,
  type Affordances,
  acceptanceWords,
  balkWarning,
  bindChance,
  closedTalksWords,
  commonsWords,
  keepDraftOpen,
  noteRecordWords,
  ownCabinetBalks,
  TERM_PULL_HELP,
  termPullWords,
} from '../../app/affordances';
import { expectedLine, previewNotes, sideInText } from '../../app/names';
import { pct, signed } from '../../app/numbers';
import { ordersOf, type Selection, selectionCost } from '../../app/selection';
import { CATEGORY_LABEL, type Category, type Compiled, type LegalAction, noteName, other, packageValue, type SeatView, type Side, seen, type Terms } from '../../engine/index';
import { h } from './h';
import { fullSelect } from './select';

export interface OrdersPanelHooks {
  changed(): void;
  send(): void;
  why(fig: number): void;
  /** Why the orders cannot be sent now (the desk and the ticks stay; Send waits): null, they can. */
  held?: string | null;
}

/** The orders desk: actions by category with cost, cabinet odds and the expected reaction at home. */
export function ordersPanel(c: Compiled, aff: Affordances, sel: Selection, hooks: OrdersPanelHooks): HTMLElement {
  const { view, legal } = aff;
  const side = view.side;
  const cs = c.side[side];
  const capital = seen(view, cs.iCapital)!;
  const left = capital - selectionCost(c, legal, sel);
  const cats = [...new Set(legal.map(a => a.category))];
  const n = ordersOf(legal, sel).length;
  return h(
    'div',
    { class: 'orders' },
    h(
      'div',
      { class: 'capital-line' },
      h('button', { type: 'button', class: 'link-btn', onclick: () => hooks.why(cs.iCapital) }, 'Political capital'),
      h('strong', null, ` ${Math.max(0, Math.floor(left))} left`),
      ` of ${Math.floor(capital)} (+${cs.capitalPerTurn} a turn, at most ${cs.capitalMax})`,
    ),
    // Only the list scrolls: the capital line above it and the send bar below stay in view and
    // never lie over its text.
    h(
      'div',
      { class: 'orders-list', 'data-scroll': true, tabindex: '-1' },
      legal.length ? null : h('p', { class: 'empty' }, 'No action is open to you this turn. Send empty orders to wait on events.'),
      cats.map(cat =>
        h(
          'section',
          { class: 'order-group' },
          h('h3', null, CATEGORY_LABEL[cat as Category] ?? cat),
          legal.filter(a => a.category === cat).map(a => actionRow(c, view, a, sel, left, hooks)),
        ),
      ),
    ),
    h(
      'div',
      { class: 'send-bar' },
      h('span', { class: 'summary' }, n ? `${n} order${n === 1 ? '' : 's'} ticked, not sent yet` : 'No orders: you will wait on events'),
      hooks.held ? h('span', { class: 'send-held', id: 'send-held', role: 'status' }, hooks.held) : null,
      h(
        'button',
        {
          type: 'button',
          class: 'btn primary',
          'data-action': 'send',
          'aria-keyshortcuts': 'Control+Enter',
          disabled: !!hooks.held,
          'aria-describedby': hooks.held ? 'send-held' : null,
          onclick: () => hooks.send(),
        },
        'Send orders',
      ),
    ),
  );
}

function actionRow(c: Compiled, view: SeatView, a: LegalAction, sel: Selection, left: number, hooks: OrdersPanelHooks): HTMLElement {
  const on = sel.actions.has(a.id);
  const ca = c.actions[c.actionIndex.get(a.id)!]!;
  // An order that undoes one already ticked cannot go with it (the engine would refuse the pair).
  const clash = on ? undefined : ca.contradicts.map(k => c.actions[k]!).find(b => sel.actions.has(b.id));
  const affordable = on || (a.cost <= left + 1e-9 && !clash);
  const id = `act-${a.id}`;
  const box = h('input', { type: 'checkbox', id, 'data-action-id': a.id, checked: on, disabled: !affordable, 'aria-describedby': `${id}-d` });
  box.addEventListener('change', () => {
    if (box.checked) sel.actions.add(a.id);
    else sel.actions.delete(a.id);
    hooks.changed();
  });
  return h(
    'div',
    { class: `action ${on ? 'on' : ''} ${affordable ? '' : 'unaffordable'}` },
    box,
    h(
      'label',
      { for: id },
      h('span', { class: 'action-label' }, a.label),
      h('span', { class: 'cost', title: 'political capital' }, `${a.cost}`),
      a.approval !== null ? h('span', { class: 'odds' }, `Cabinet ${pct(a.approval)}`) : null,
    ),
    h(
      'div',
      { class: 'action-detail', id: `${id}-d` },
      h('p', null, a.description),
      h('p', { class: 'effects' }, expectedLine(c, ca.linked, a.predicted, view, true)),
      previewNotes(c, a, view.side, view, ca.vote?.onFailLinked).map(n => h('p', { class: n.startsWith('risk:') ? 'effects warn' : 'effects' }, capitalise(n))),
      affordable ? null : h('p', { class: 'warn' }, clash ? `Contradicts "${clash.label}", already ticked: give one or the other.` : `Needs ${a.cost} capital; drop another order first.`),
    ),
  );
}

const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export interface NotesPanelHooks {
  changed(): void;
  why(fig: number): void;
}

/** The negotiation table: notes awaiting an answer, a note being drafted, and the record of notes. */
export function notesPanel(c: Compiled, aff: Affordances, sel: Selection, draft: Terms, hooks: NotesPanelHooks): HTMLElement {
  const { view, legal } = aff;
  const side = view.side;
  const om = other(side);
  const incoming = aff.answerable;
  const open = view.canOffer;
  const left = seen(view, c.side[side].iCapital)! - selectionCost(c, legal, sel);

  const termLabel = (t: string, o: string) => {
    const term = c.terms.find(x => x.id === t);
    return [term?.label ?? t, term?.options.find(x => x.id === o)?.label ?? o] as const;
  };
  const commons = aff.commons();
  const acceptLine = (terms: Terms) => {
    const mine = aff.acceptance(side, terms)!;
    const theirs = aff.acceptance(om, terms);
    const binds = bindChance(mine, theirs, commons);
    return h(
      'dl',
      { class: 'acceptance' },
      h('dt', null, 'Your cabinet'),
      h('dd', { class: mine.share >= 0.5 ? 'good' : 'bad', title: ACCEPTANCE_HELP }, acceptanceWords(mine)),
      h('dt', null, 'Their cabinet'),
      h('dd', theirs ? { title: ACCEPTANCE_HELP } : null, theirs ? `${acceptanceWords(theirs)} (from intelligence)` : `unknown: your intelligence is below ${view.sight}`),
      commons ? [h('dt', null, 'The Commons'), h('dd', { class: commons.chance >= 0.5 ? '' : 'bad' }, commonsWords(c, commons))] : null,
      binds === null ? null : [h('dt', null, 'Chance it binds'), h('dd', null, `${pct(binds)} if accepted: both cabinets${commons ? ' and the Commons' : ''} must approve`)],
      h('dt', null, 'Value of the package'),
      h('dd', null, `to you ${signed(packageValue(c, terms, side))}, to them ${signed(packageValue(c, terms, om))}`),
    );
  };

  const incomingBox = incoming.length
    ? h(
        'section',
        { class: 'incoming' },
        h('h3', null, 'Notes awaiting your answer'),
        incoming.map(o => {
          const ans = sel.replies.get(o.n);
          const radio = (value: 'accept' | 'reject' | 'none', label: string) => {
            const input = h('input', { type: 'radio', name: `reply-${o.n}`, value, checked: value === 'none' ? ans === undefined : ans === (value === 'accept') });
            input.addEventListener('change', () => {
              if (value === 'none') sel.replies.delete(o.n);
              else sel.replies.set(o.n, value === 'accept');
              hooks.changed();
            });
            return h('label', { class: 'radio' }, input, ` ${label}`);
          };
          return h(
            'article',
            { class: 'note' },
            h('h4', null, noteName(o.from, o.n)),
            h(
              'table',
              { class: 'terms' },
              h(
                'tbody',
                null,
                Object.entries(o.terms).map(([t, v]) => {
                  const [tl, ol] = termLabel(t, v);
                  return h('tr', null, h('th', { scope: 'row' }, tl), h('td', null, ol));
                }),
              ),
            ),
            acceptLine(o.terms),
            ans === true && ownCabinetBalks(aff.acceptance(side, o.terms)!) ? h('p', { class: 'warn' }, balkWarning(aff.acceptance(side, o.terms)!, 'accept')) : null,
            h(
              'fieldset',
              { class: 'reply' },
              h('legend', null, 'Your answer, sent with your orders'),
              radio('accept', commons ? 'Accept (both cabinets, then the Commons, must ratify)' : 'Accept (both cabinets must then ratify)'),
              radio('reject', 'Reject'),
              radio('none', 'Leave unanswered'),
            ),
          );
        }),
      )
    : null;

  let draftBox: HTMLElement;
  if (!open) {
    const mine = view.offers.find(o => o.from === side && (o.status === 'sent' || o.status === 'delivered'));
    draftBox = h(
      'section',
      { class: 'draft' },
      h('h3', null, 'Draft a note'),
      h('p', { class: 'empty' }, mine ? `Your note (${noteName(mine.from, mine.n)}) is still awaiting an answer; you may send another once it is answered or lapses.` : closedTalksWords(c, view)),
    );
  } else {
    const cost = c.negotiation.offerCost;
    // Events may have closed an option the draft held (relations restored, say): it takes an open one.
    keepDraftOpen(c, aff, side, draft);
    if (sel.offer) keepDraftOpen(c, aff, side, sel.offer);
    draftBox = h(
      'section',
      { class: 'draft' },
      h('h3', null, 'Draft a note'),
      h('p', { class: 'help' }, `A note costs ${cost} capital and reaches ${sideInText(c, om)} in ${c.negotiation.replyDays} days. Choose one option for every term.`),
      h(
        'div',
        { class: 'compose' },
        c.terms.map(t => {
          const term = aff.acceptance(side, draft)!.terms.find(x => x.term === t.id) ?? { pull: 0, value: 0 };
          const pull = term.pull;
          const id = `term-${t.id}`;
          const chosen = t.options.find(o => o.id === draft[t.id]) ?? t.options[0]!;
          const select = h(
            'select',
            { id, 'data-term': t.id },
            aff.termOptions(t).map(o => h('option', { value: o.id, selected: draft[t.id] === o.id }, o.label)),
          );
          select.addEventListener('change', () => {
            draft[t.id] = select.value;
            if (sel.offer) sel.offer = { ...draft };
            hooks.changed();
          });
          return h(
            'div',
            { class: 'term' },
            h('label', { for: id }, t.label),
            h('span', { class: `share ${pull > 0.005 ? 'good' : pull < -0.005 ? 'bad' : ''}`, title: TERM_PULL_HELP }, termPullWords(term)),
            fullSelect(select),
            h('span', { class: 'values' }, `Worth ${signed(chosen.value[side])} to you, ${signed(chosen.value[om])} to them`),
          );
        }),
      ),
      acceptLine(draft),
      ownCabinetBalks(aff.acceptance(side, draft)!) ? h('p', { class: 'warn' }, balkWarning(aff.acceptance(side, draft)!, 'send')) : null,
      sel.offer
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn',
              'data-action': 'drop-note',
              onclick: () => {
                sel.offer = null;
                hooks.changed();
              },
            },
            'Take the note out of your orders',
          )
        : h(
            'button',
            {
              type: 'button',
              class: 'btn primary',
              'data-action': 'add-note',
              disabled: cost > left + 1e-9,
              onclick: () => {
                sel.offer = { ...draft };
                hooks.changed();
              },
            },
            cost > left + 1e-9 ? `Needs ${cost} capital` : `Add this note to your orders (${cost} capital)`,
          ),
    );
  }

  const record = view.offers.length
    ? h(
        'section',
        { class: 'record' },
        h('h3', null, 'Notes so far'),
        h(
          'ul',
          null,
          [...view.offers].reverse().map(o => h('li', null, noteRecordWords(c, o))),
        ),
      )
    : null;
  const agreed = Object.entries(view.agreed);
  return h(
    'div',
    { class: 'notes' },
    agreed.length
      ? h(
          'section',
          { class: 'agreed' },
          h('h3', null, 'Agreed and ratified'),
          h(
            'ul',
            null,
            agreed.map(([t, o]) => {
              const [tl, ol] = termLabel(t, o);
              return h('li', null, `${tl}: ${ol}`);
            }),
          ),
        )
      : null,
    incomingBox,
    draftBox,
    record,
  );
}

/** A first draft: for each term, the option the side's own cabinet values most. */
export function defaultDraft(c: Compiled, side: Side): Terms {
  return Object.fromEntries(c.terms.map(t => [t.id, [...t.options].sort((a, b) => b.value[side] - a.value[side])[0]!.id]));
}
