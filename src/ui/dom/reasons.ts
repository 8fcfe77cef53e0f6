// "Why?" on the computer's moves: its reasons as the match passes them on (only for moves the
// player may know of: a public decision, or orders with no private business, answers to notes
// included; see Match.shareable).
// Each is a disclosure: the one-line summary, then the deciding factors, each in its own unit
// (factorFigure), with their sources, and the moves it passed over with their expected scores.
import { factorFigure, type Reasons, shownReasons } from '../../ai/reasons';
import { citations, citeInText, THESIS_NAME } from '../../app/citations';
import { h } from './h';

export interface ReasonsEntry {
  kind: 'decide' | 'orders';
  reasons: Reasons;
}

function one(e: ReasonsEntry, open: boolean): HTMLElement {
  const r = shownReasons(e.reasons);
  return h(
    'details',
    { class: 'reasons', open },
    h('summary', null, h('span', { class: 'why-tag' }, 'Why?'), ' ', citeInText(r.summary)),
    r.factors.length
      ? h(
          'ul',
          { class: 'reasons-factors', 'aria-label': 'What decided it' },
          r.factors.map(f => {
            const figure = factorFigure(f);
            return h(
              'li',
              null,
              h('strong', null, citeInText(f.label)),
              figure === null ? null : `: ${figure}`,
              f.sources.length ? h('span', { class: 'sources', title: `The thesis: ${THESIS_NAME}` }, ` (${citations(f.sources.slice(0, 4))})`) : null,
            );
          }),
        )
      : null,
    r.rejected.length
      ? h(
          'div',
          { class: 'reasons-rejected' },
          h('p', { class: 'help' }, 'Passed over:'),
          h(
            'ul',
            null,
            r.rejected.slice(0, 4).map(a => h('li', null, h('span', { class: 'alt' }, citeInText(a.label)), ` — ${citeInText(a.why)}`)),
          ),
        )
      : null,
  );
}

/** The computer's reasons for its moves this turn and the last, newest first (the newest open), under `title`. */
export function reasonsView(who: string, entries: readonly ReasonsEntry[], title = `Why ${who} moved as it did`): HTMLElement | null {
  if (!entries.length) return null;
  return h(
    'section',
    { class: 'reasons-list', 'aria-label': title },
    h('h3', null, title),
    entries.map((e, j) => one(e, j === 0)),
  );
}
