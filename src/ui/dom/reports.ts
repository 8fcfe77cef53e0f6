// News as the period delivered it: events as newspaper front pages or telegrams, and a decision
// put to the player with its options, their cabinet odds and the expected reaction at home.

import type { Affordances } from '../../app/affordances';
import { ballotText } from '../../app/classroom';
import { detailParts, type Headline, headlineText } from '../../app/headlines';
import type { BallotLine } from '../../app/match';
import { expectedLine, previewNotes } from '../../app/names';
import { pct } from '../../app/numbers';
import { type CEvent, type Compiled, decisionDay, eventOfCause, longDate, type NewsItem, newsDay, type Side, shownDay } from '../../engine/index';
import { h } from './h';
import { type Paper, paperFor, placeLine, runsInColumns } from './papers';

/** How an event is presented: the press reports incidents, debates and public news; the rest comes by wire. */
export function medium(ev: CEvent | null): 'newspaper' | 'telegram' {
  if (!ev) return 'telegram';
  return ev.kind === 'news' || ev.kind === 'incident' || ev.kind === 'parliament' ? 'newspaper' : 'telegram';
}

/** What a report that is not in the press is headed as: a Cabinet's or Politburo's paper is a minute, the rest a telegram. */
export function wireHead(ev: CEvent | null): { head: string; label: string } {
  return ev?.kind === 'cabinet' ? { head: 'MINUTE', label: 'Minute' } : { head: 'TELEGRAM', label: 'Telegram' };
}

export const eventOf = (c: Compiled, n: NewsItem): CEvent | null => eventOfCause(c, n.cause);

/**
 * The reports of a turn: its headlines in big type, a front page for the public news and incidents of each paper that
 * prints them (the side's own press, and the other capital's as its agency digests it; see papers.ts; the most severe
 * story leads), telegrams for the rest, and short lines for everything that is not an event.
 */
export function reportsView(c: Compiled, items: readonly NewsItem[], side: Side): HTMLElement {
  const events: { ev: CEvent; items: NewsItem[] }[] = [];
  const lines: NewsItem[] = [];
  const heads: NewsItem[] = [];
  for (const n of items) {
    if (n.headline) {
      heads.push(n);
      continue;
    } // told first, in big type
    const ev = eventOf(c, n);
    if (ev && n.cause.startsWith('event:')) {
      const g = events.find(x => x.ev === ev);
      if (g) g.items.push(n);
      else events.push({ ev, items: [n] });
    } else lines.push(n);
  }
  const press = events.filter(e => medium(e.ev) === 'newspaper').sort((a, b) => b.ev.severity - a.ev.severity);
  const wires = events.filter(e => medium(e.ev) === 'telegram');
  // One front page per paper, the side's own first (press is sorted, so each paper's lead is its most severe).
  const papers: { paper: Paper; stories: typeof press }[] = [];
  for (const e of press) {
    const paper = paperFor(side, e.ev.place);
    const at = papers.find(x => x.paper === paper);
    if (at) at.stories.push(e);
    else papers.push({ paper, stories: [e] });
  }
  papers.sort((a, b) => Number(a.paper.id === 'digest') - Number(b.paper.id === 'digest'));
  // Each event under history's date (shownDay): a turn's report can hold a day before the turn (news
  // that reaches the player now) or within it; the paper is dated by its latest story.
  const day = (e: { ev: CEvent; items: NewsItem[] }) => shownDay(e.ev, e.items[0]!.day);
  const story = (paper: Paper, e: { ev: CEvent; items: NewsItem[] }, lead: boolean) =>
    h(
      'article',
      { class: lead ? 'story lead' : 'story' },
      h(lead ? 'h3' : 'h4', null, e.ev.title),
      h('p', { class: 'dateline' }, [placeLine(paper, e.ev.place), longDate(day(e))].filter(Boolean).join(' · ')),
      h('p', runsInColumns(e.ev.text) ? null : { class: 'short' }, e.ev.text),
      e.items.filter(n => n.text !== e.ev.text && n.text !== e.ev.title).map(n => h('p', { class: 'aside' }, n.text)),
    );
  return h(
    'div',
    { class: 'reports' },
    heads.length
      ? h(
          'section',
          { class: 'stop-press', 'aria-label': 'Headlines' },
          heads.map(n => h('article', { class: 'headline' }, h('h3', { class: 'headline-text' }, headlineText(n)), n.detail ? detailView(n.detail) : null)),
        )
      : null,
    papers.map(({ paper, stories }) =>
      h(
        'section',
        { class: `newspaper paper-${paper.id}`, 'aria-label': paper.id === 'digest' ? 'Press digest' : 'Newspaper' },
        h('header', { class: 'masthead' }, h('span', null, paper.masthead), h('span', { class: 'edition' }, longDate(Math.max(...stories.map(day))))),
        h(
          'div',
          { class: stories.length > 1 ? 'columns' : 'single' },
          stories.map((e, k) => story(paper, e, k === 0)),
        ),
      ),
    ),
    wires.map(e =>
      h(
        'section',
        { class: 'telegram', 'aria-label': wireHead(e.ev).label },
        h('p', { class: 'wire-head' }, `${wireHead(e.ev).head} · ${longDate(day(e)).toUpperCase()}`),
        h('h3', null, e.ev.title.toUpperCase()),
        h('p', null, e.ev.text),
        e.items.filter(n => n.text !== e.ev.text && n.text !== e.ev.title).map(n => h('p', { class: 'aside' }, n.text)),
      ),
    ),
    lines.length
      ? h(
          'section',
          { class: 'minutes', 'aria-label': 'Other news' },
          h('h3', null, 'Also this turn'),
          h(
            'ul',
            null,
            lines.map(n => h('li', null, h('span', { class: 'day' }, shortDay(newsDay(c, n))), ' ', n.text)),
          ),
        )
      : null,
  );
}

/** A big moment, as a stop-press: the date, the line in big type, and why. */
export function headlineView(x: Headline): HTMLElement {
  return h('article', { class: 'headline' }, h('p', { class: 'dateline' }, longDate(x.day)), h('h3', { class: 'headline-text' }, x.text), x.detail ? detailView(x.detail) : null);
}

/** A headline's detail: its sentences as text, a list of terms as a list, one term to an item (detailParts). */
function detailView(detail: string): HTMLElement {
  return h(
    'div',
    { class: 'headline-detail' },
    detailParts(detail).map(p =>
      p.kind === 'text'
        ? h('p', null, p.text)
        : [
            h('p', null, p.lead),
            h(
              'ul',
              { class: 'detail-terms' },
              p.items.map(t => h('li', null, t)),
            ),
          ],
    ),
  );
}

const shortDay = (day: number) =>
  longDate(day)
    .replace(/^\w+day /, '')
    .replace(/ \d{4}$/, '');

/** A decision: the event, the question, and each option with what it is likely to bring. */
/**
 * The ministers' ballots so far under each option of an open decision that goes to the cabinet (a
 * classroom lead's, as they come in), and a line above the options saying what they are. Called
 * again as ballots come, it writes the same places afresh.
 */
export function showBallots(content: HTMLElement, aff: Affordances, lines: readonly BallotLine[]): void {
  let any = false;
  for (const { option: o } of aff.decision!.options) {
    const line = lines.find(l => l.item === o.cause);
    const button = content.querySelector<HTMLElement>(`.option-btn[data-option="${o.id}"]`);
    if (!line || !button) continue;
    any = true;
    let el = button.querySelector<HTMLElement>('.option-votes');
    if (!el) button.append((el = h('span', { class: 'option-votes' })));
    el.textContent = ballotText(line);
  }
  if (any && !content.querySelector('.ballots-note')) {
    content
      .querySelector('.options')
      ?.before(
        h(
          'p',
          { class: 'help ballots-note' },
          'Your ministers vote on their own screens on the options that go to a vote; their votes so far are under each, as they come in, and go in with your choice. Put the decision aside to wait for them.',
        ),
      );
  }
}

/** The decision put to the seat; `keys`: its digits choose (the single-key shortcuts are on), so each option offers its digit. */
export function decisionView(c: Compiled, aff: Affordances, choose: (optionId: string) => void, keys = true): HTMLElement {
  const { view } = aff;
  const { event: ev, options } = aff.decision!;
  return h(
    'div',
    { class: `decision ${medium(ev)}` },
    h('p', { class: 'dateline' }, longDate(decisionDay(ev, view))),
    h('p', { class: 'event-text' }, ev.text),
    h('p', { class: 'prompt' }, ev.decision!.prompt),
    h(
      'ol',
      { class: 'options' },
      options.map((d, k) => {
        const o = d.option;
        return h(
          'li',
          null,
          h(
            'button',
            { type: 'button', class: 'option-btn', 'data-option': o.id, onclick: () => choose(o.id), 'aria-keyshortcuts': keys ? String(k + 1) : null },
            h('span', { class: 'key', 'aria-hidden': 'true' }, String(k + 1)),
            h('span', { class: 'option-title' }, o.label),
            o.text ? h('span', { class: 'option-text' }, o.text) : null,
            d.approval !== null ? h('span', { class: 'odds' }, `Goes to a vote: ${pct(d.approval)} likely to pass`) : null,
            h('span', { class: 'effects' }, expectedLine(c, o.linked, d.predicted, view, true)),
            previewNotes(c, d, view.side, view, o.vote?.onFailLinked).map(n => h('span', { class: n.startsWith('risk:') ? 'effects warn' : 'effects' }, n.charAt(0).toUpperCase() + n.slice(1))),
          ),
        );
      }),
    ),
  );
}
