// Dialogs that explain: the "why" ledger of a figure, the list of every figure a side watches, a
// minister's card, the help page and the end of the game against history.

import { leanOf } from '../../app/board';
import { citations, citeInText, sourcesLine, THESIS_NAME } from '../../app/citations';
import { BEFORE_BRANCH_NOTE, type DecidedBy, decisionSaid, type EndReport, OWN_DECISION } from '../../app/endReport';
import { goalsHelp } from '../../app/goals';
import { figName, keyFigures, resignLine, riseIsGood } from '../../app/names';
import { num, pct, signed } from '../../app/numbers';
import { whyEntries } from '../../app/why';
import { type Compiled, longDate, officeNow, other, RELATION_LABEL, type SeatView, type Side, seen } from '../../engine/index';
import { type Dialog, openDialog } from './dialog';
import { h } from './h';

const shortDate = (day: number) => longDate(day).replace(/^\w+day /, '');

export function whyDialog(c: Compiled, view: SeatView, fig: number): Dialog {
  const side = view.side;
  const r = whyEntries(c, view, fig);
  const name = figName(c, fig, side);
  const title = `Why: ${name}`;
  if (r.hidden) return openDialog({ title, className: 'why' }, h('p', null, `${capital(name)} is hidden from you: ${r.reason}.`));
  const good = riseIsGood(c, fig, side);
  return openDialog(
    { title, className: 'why' },
    h('p', { class: 'now' }, `Now ${num(r.now)}.`),
    r.entries.length
      ? h(
          'table',
          { class: 'ledger' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Change'), h('th', { scope: 'col' }, 'To'), h('th', { scope: 'col' }, 'Cause'))),
          h(
            'tbody',
            null,
            r.entries.map(e => {
              const tone = good === null || Math.abs(e.delta) < 0.05 ? '' : e.delta > 0 === good ? 'good' : 'bad';
              const d = Math.abs(e.delta) < 0.05 ? (e.delta < 0 ? '−' : '+') + Math.abs(e.delta).toFixed(2) : signed(e.delta);
              return h(
                'tr',
                null,
                h('td', null, shortDate(e.day)),
                h('td', { class: `num ${tone}` }, d),
                h('td', { class: 'num' }, num(e.value)),
                h(
                  'td',
                  null,
                  e.label,
                  e.why.length ? h('span', { class: 'because' }, ` — ${e.why.join('; ')}`) : null,
                  e.sources.length ? h('span', { class: 'sources', title: `The thesis: ${THESIS_NAME}` }, sourcesLine(e.sources)) : null,
                ),
              );
            }),
          ),
        )
      : h('p', null, `No change recorded: it stands at its starting value, ${num(c.initialFig[fig]!)}.`),
    r.more ? h('p', { class: 'help' }, '… and earlier changes.') : null,
    h('p', { class: 'about' }, r.about.label, r.about.estimate ? ` — estimate: ${citeInText(r.about.estimate)}` : '', r.about.sources.length ? ` — sources: ${citations(r.about.sources)}` : ''),
  );
}

const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** Every figure the side watches, each a button to its ledger: keyboard access to every "why". */
export function figuresDialog(c: Compiled, view: SeatView, why: (fig: number) => void): Dialog {
  const side = view.side;
  const d = openDialog(
    { title: 'Your figures: why each moved', className: 'figures' },
    h('p', { class: 'help' }, 'Choose a figure to see every recorded change, its cause and the sources it rests on.'),
    // The top bar's button answers "why did my figures move"; a newcomer may be asking why the computer moved.
    h('p', { class: 'help' }, 'Why the computer moved as it did is in the Reports tab, under the news of the turn.'),
    h(
      'ul',
      { class: 'figure-list' },
      keyFigures(c, view, side).map(i =>
        h(
          'li',
          null,
          h(
            'button',
            {
              type: 'button',
              class: 'link-btn',
              'data-fig': c.figs[i]!.id,
              onclick: () => {
                d.close();
                why(i);
              },
            },
            capital(figName(c, i, side)),
          ),
          h('span', { class: 'num' }, seen(view, i) === null ? ' hidden' : ` ${num(seen(view, i)!)}`),
        ),
      ),
    ),
  );
  return d;
}

export function ministerDialog(c: Compiled, view: SeatView, id: string, why: (fig: number) => void): Dialog {
  const m = c.ministers.find(x => x.id === id)!;
  // The issues the scenario gives him a view on (the others are figures at 0 that no event moves).
  const declared = c.sc.ministers.find(x => x.id === id)!.stances;
  const hidden = m.side !== view.side && !view.seesOther;
  const figBtn = (i: number, label: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'link-btn',
        onclick: () => {
          d.close();
          why(i);
        },
      },
      label,
    );
  const d = openDialog(
    { title: `${m.name}`, className: 'minister' },
    h('p', { class: 'office' }, `${officeNow(m, view.fired)} · ${c.sc.sides[m.side].name} · influence ${m.influence}`),
    hidden ? h('p', { class: 'help' }, `Your intelligence is below ${view.sight}: his stances, mood and motives are hidden from you.`) : h('p', null, m.motives),
    h(
      'table',
      { class: 'stances' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Issue'), h('th', { scope: 'col' }, 'Stance'), h('th', { scope: 'col' }, 'Leans to'))),
      h(
        'tbody',
        null,
        m.iStance.flatMap((f, k) => {
          if (f < 0 || !(c.sc.issues[k]!.id in declared)) return [];
          const is = c.sc.issues[k]!;
          const v = seen(view, f) ?? null;
          return [
            h('tr', null, h('th', { scope: 'row' }, figBtn(f, is.label)), h('td', { class: 'num' }, v === null ? '?' : num(v!)), h('td', null, v === null ? 'hidden' : (leanOf(v, is) ?? 'undecided'))),
          ];
        }),
      ),
    ),
    // His resign line, where the seat may read his mood: the number the rules use, not a hint.
    h(
      'p',
      null,
      'Mood: ',
      seen(view, m.iMood) === null ? 'hidden' : figBtn(m.iMood, num(seen(view, m.iMood)!)),
      seen(view, m.iMood) === null ? (m.canResign ? ' · may resign if pushed too far' : '') : resignLine(c, m.i) ? ` · ${resignLine(c, m.i)}` : '',
    ),
  );
  return d;
}

export const KEYS: [string, string][] = [
  ['O', 'the orders desk'],
  ['N', 'the negotiation table (notes)'],
  ['R', 'the reports of this turn'],
  ['G', 'your goals: objectives, weights and how each stands'],
  ['W', 'your figures: why each moved, with its ledger'],
  ['C', 'switch the cabinet table between yours and theirs'],
  ['Ctrl+Enter', 'send your orders'],
  ['1, 2, 3 …', 'choose an option in a decision'],
  ['S', 'save the game to a file'],
  ['M', 'mute or unmute the sound'],
  ['?', 'this help'],
  ['Escape', 'close a dialog'],
  ['← →', "on the desk's tabs: the tab before or after"],
  ['Home, End', "on the desk's tabs: the first or the last"],
];

/** Under the keys in Help: the single letters can be turned off. */
export const LETTER_KEYS_NOTE =
  'The single-key shortcuts (the letters above, and the digits in a decision) can be turned off in Sound and display (the Sound button), so that speech input or a stray key press sets nothing off; every button and tab still works.';

export function helpDialog(): Dialog {
  return openDialog(
    { title: 'How to play', className: 'help-dialog' },
    h(
      'p',
      null,
      'Each turn has two steps. First, decide any matter put to you: events arrive as newspaper front pages or telegrams, and some ask a decision. Then give your orders for the turn — notes, lobbying, press, trade, intelligence — within your political capital. Orders stay sealed until both sides have given theirs; then the turn resolves in a fixed order: cabinet votes, party reaction, incidents, trade, third powers, standing.',
    ),
    h(
      'p',
      null,
      'Every move abroad must survive at home. A major action goes to your cabinet, which may refuse it; the back benches, the press and the party push on you, and above 60 their pressure costs you standing every turn. At standing 0 you fall.',
    ),
    h(
      'p',
      null,
      'To negotiate, draft a note on the negotiation table: one option for every term. You see how your own cabinet would take it, and theirs only if your intelligence is good. An agreement binds only once both cabinets ratify it.',
    ),
    h(
      'p',
      null,
      'Every number can tell you why it moved: click it on the board, or press W (the Figures button) for the list. Each change names its cause and the sources it rests on. Why the computer moved as it did is in the Reports tab.',
    ),
    h('h3', null, 'Reading the board'),
    h(
      'p',
      null,
      'On the map, each third power carries a small scale with London at its left end and Moscow at its right: the bar points to the side it leans to, and the number says how far, from −100 (all the way to Moscow) to +100 (all the way to London). The dial in the corner is the war danger. On a minister’s card the marker is where he stands on the issue named above the cards, and the bar below it his mood.',
    ),
    h(
      'p',
      null,
      'A ⚠ is a warning, never a direction: a pressure group above 60 (it costs you standing every turn), your standing below 25, the war danger at 60 or more. A ! beside the war danger means it is 35 or more.',
    ),
    h('h3', null, 'Sources'),
    h(
      'p',
      { id: 'help-sources' },
      `Every event, order, minister and figure cites what it rests on. “The thesis” is ${THESIS_NAME}; “the thesis, lines 3636–3654” points into it. Anything the sources do not give is marked as an estimate.`,
    ),
    h('h3', null, 'Objectives and the score'),
    ...goalsHelp('browser').map(t => h('p', null, t)),
    h('h3', null, 'Keys'),
    h(
      'table',
      { class: 'keys' },
      h(
        'tbody',
        null,
        KEYS.map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, h('kbd', null, k)), h('td', null, v))),
      ),
    ),
    h('p', { class: 'help' }, LETTER_KEYS_NOTE),
  );
}

/**
 * The end of the game: each objective against history, the outcomes, and the decisions beside
 * history's. `by`: who took each decision, where not all were the person's own in this game (a
 * branch: those before it began were history's or the game it left); absent, all were.
 */
export function endView(c: Compiled, me: Side, r: EndReport, opponent: string, by?: ReadonlyMap<string, DecidedBy> | null): HTMLElement {
  const verdictClass = (v: string) => (v.startsWith('better') ? 'good' : v.startsWith('worse') ? 'bad' : 'same');
  const sideTable = (side: Side) => {
    const x = r.sides[side];
    const show = (k: number, v: number) => (x.kinds[k] === 'met' ? (v >= 1 ? '✓ met' : '✗ not met') : pct(v));
    return h(
      'section',
      { class: `end-side side-${side}` },
      // The computer's kind is a phrase that may carry its own brackets ("as history (…)"): set off by a dash, never nested.
      h('h2', null, side === me ? `${c.sc.sides[side].name} (you)` : `${c.sc.sides[side].name} — ${opponent}`),
      h(
        'table',
        { class: 'objectives' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Objective'),
            h('th', { scope: 'col' }, 'Weight'),
            h('th', { scope: 'col' }, 'This game'),
            h('th', { scope: 'col' }, 'History'),
            h('th', { scope: 'col' }, 'Verdict'),
          ),
        ),
        h(
          'tbody',
          null,
          x.objectives.map((o, k) =>
            h(
              'tr',
              null,
              h('th', { scope: 'row' }, o.label, x.notes[k] ? h('span', { class: 'history-note' }, citeInText(x.notes[k])) : null),
              h('td', { class: 'num' }, String(o.weight)),
              h('td', null, show(k, o.yours)),
              h('td', null, show(k, o.history)),
              h('td', { class: verdictClass(o.verdict) }, o.verdict),
            ),
          ),
        ),
        h(
          'tfoot',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, 'Score (out of 100)'),
            h('td', null),
            h('td', { class: 'num' }, x.total.yours.toFixed(1)),
            h('td', { class: 'num' }, x.total.history.toFixed(1)),
            h('td', { class: verdictClass(x.total.verdict) }, x.total.verdict),
          ),
        ),
      ),
    );
  };
  const mine = r.decisions[me];
  return h(
    'div',
    { class: 'end-report' },
    h('p', { class: 'end-reason', tabindex: '-1' }, `${capital(r.reason)}: ${longDate(r.day)}. Relations at the end: ${RELATION_LABEL[r.relations]}.`),
    h('div', { class: 'end-sides' }, sideTable(me), sideTable(other(me))),
    h(
      'p',
      { class: 'help' },
      `History is scored by the same rules: the recorded choices and orders replayed on both sides${r.baseline.reproduced ? ', in the first replay in which every recorded outcome came about' : ''}.`,
    ),
    r.outcomes.length
      ? h(
          'section',
          { class: 'outcomes' },
          h('h2', null, 'What happened, against history'),
          h(
            'table',
            null,
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Outcome'), h('th', { scope: 'col' }, 'This game'), h('th', { scope: 'col' }, 'History'))),
            h(
              'tbody',
              null,
              r.outcomes.map(o => h('tr', null, h('th', { scope: 'row' }, o.historical ? '★ ' : '', o.label), h('td', null, o.thisGame ? 'yes' : 'no'), h('td', null, o.history ? 'yes' : 'no'))),
            ),
          ),
          h('p', { class: 'help' }, '★ what happened in history.'),
        )
      : null,
    mine.length
      ? h(
          'section',
          { class: 'path' },
          h('h2', null, 'Your path beside history'),
          h(
            'ol',
            null,
            mine.map(d => decisionItem(d, by?.get(d.id) ?? OWN_DECISION)),
          ),
          mine.some(d => by?.get(d.id)?.before) ? h('p', { class: 'help' }, BEFORE_BRANCH_NOTE) : null,
        )
      : null,
  );
}

/** One decision of "Your path beside history", said as whoever took it (decisionSaid). */
function decisionItem(d: EndReport['decisions'][Side][number], by: DecidedBy): HTMLElement {
  const s = decisionSaid(d, by, x => `“${x}”`);
  const beside = s.asHistory ? h('span', { class: 'good' }, s.beside) : s.beside;
  return h('li', s.before ? { class: 'before' } : null, h('strong', null, d.event), `: ${s.said}`, beside ? '; ' : '', beside, '.');
}
