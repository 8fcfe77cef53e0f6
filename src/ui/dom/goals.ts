// The goals list in the browser: each objective with its weight and share of the score, what it
// means and how it is scored, and in a game the engine's outlook from the seat's view. The same
// list serves the new-game screen (no outlook) and the desk's Goals tab. Drawn from the shared
// goals model (app/goals.ts); history's score never appears here.
import { FINAL_LEGEND, type FinalStatus, finalScoreLine, type GoalRow, type Goals, outlookText, STATUS_LEGEND, STATUS_TEXT } from '../../app/goals';
import { pct } from '../../app/numbers';
import { h } from './h';

const STATUS_CLASS: Record<string, string> = { 'on course': 'good', 'at risk': 'warn', lost: 'bad', unknown: 'muted', met: 'good', 'partly met': 'warn', 'not met': 'bad' };
/** A mark beside the status word, so it does not rest on colour alone. */
const STATUS_MARK: Record<string, string> = { 'on course': '✓', 'at risk': '!', lost: '✕', unknown: '?', met: '✓', 'partly met': '~', 'not met': '✕' };
const FINAL_ORDER: readonly FinalStatus[] = ['met', 'partly met', 'not met'];

function row(r: GoalRow): HTMLElement {
  // Once the game is over, how it ended; while it runs, the outlook.
  const o = r.final ?? r.outlook;
  const fraction = r.final ? (r.kind === 'measure' ? r.final.achieved : null) : (r.outlook?.fraction ?? null);
  return h(
    'li',
    { class: `goal ${o ? `status-${o.status.replace(' ', '-')}` : ''}`, 'data-objective': r.id },
    h(
      'div',
      { class: 'goal-head' },
      h('span', { class: 'goal-label' }, r.label),
      h('span', { class: 'goal-weight', title: `${pct(r.share)} of the score` }, h('span', { class: 'visually-hidden' }, 'weight '), String(r.weight)),
    ),
    o
      ? h(
          'p',
          { class: `goal-status ${STATUS_CLASS[o.status]}` },
          h('span', { 'aria-hidden': 'true' }, `${STATUS_MARK[o.status]} `),
          outlookText(r),
          fraction !== null ? h('span', { class: 'goal-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round(fraction * 100)}%` })) : null,
        )
      : null,
    r.about ? h('p', { class: 'goal-about' }, r.about) : null,
    h('p', { class: 'goal-scoring' }, r.scoring),
  );
}

/**
 * The list, with a line of counts and (in a game) the score by what the seat can see; once the game
 * is over (the model's `final`), how each objective ended and the seat's score, said instead of the guess.
 */
export function goalsList(g: Goals, opts: { heading?: string; intro?: boolean } = {}): HTMLElement {
  const count = (st: string) => g.rows.filter(r => (r.final ?? r.outlook)?.status === st).length;
  const counts =
    g.final !== null
      ? FINAL_ORDER.filter(st => count(st) > 0).map(st => `${count(st)} ${st}`)
      : (['on course', 'at risk', 'lost', 'unknown'] as const).filter(st => count(st) > 0).map(st => `${count(st)} ${STATUS_TEXT[st]}`);
  const summary =
    g.scoreNow === null
      ? null
      : h(
          'p',
          { class: 'goals-summary' },
          counts.join(' · '),
          h('br'),
          g.final !== null ? finalScoreLine(g.final) : `If the game ended now: about ${g.scoreNow.toFixed(0)} out of 100, by what you can see.`,
        );
  const total = g.rows.reduce((a, r) => a + r.weight, 0);
  return h(
    'section',
    { class: 'goals', 'aria-label': opts.heading ?? `Your objectives: ${g.sideName}` },
    opts.heading ? h('h2', null, opts.heading) : null,
    opts.intro
      ? h(
          'p',
          { class: 'help' },
          `Your score is the share of these objectives’ weight you achieve by the end, scaled to 100${total === 100 ? '' : ` (their weights add up to ${total})`}. History is scored by the same rules, and shown only at the end.`,
        )
      : null,
    summary,
    h('div', { class: 'goal-cols', 'aria-hidden': 'true' }, h('span', null, 'Objective'), h('span', null, 'Weight')),
    h('ol', { class: 'goal-list' }, g.rows.map(row)),
    g.scoreNow !== null ? h('p', { class: 'help' }, g.final !== null ? FINAL_LEGEND : STATUS_LEGEND) : null,
  );
}
