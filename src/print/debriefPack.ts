// The post-mortem pack of a group's game, for the lesson after: a cover with the result; the
// group's timeline beside history's, with the sources; the decisions that moved the game most
// (how they are weighed is said on the page); each side's objectives and each role's secret aims
// against history; and discussion questions, with room to write.

import type { Debrief, TimelineEntry } from '../app/debrief';
import { longDate } from '../engine/index';
import { compactSources, esc, page, sourceLine } from './page';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const side = (s: string | null) => (s === 'britain' ? 'Britain' : s === 'ussr' ? 'USSR' : '');

function entries(xs: readonly TimelineEntry[], other: readonly TimelineEntry[]): string {
  if (!xs.length) return '<span class="muted">—</span>';
  return xs
    .map(e => {
      // A line the other column shares is history's own step; the rest is where the games part.
      const same = other.some(o => o.cause === e.cause);
      return `<div>${same ? '' : '<strong>≠</strong> '}${esc(e.text)}</div>`;
    })
    .join('');
}

export function debriefHtml(d: Debrief): string {
  const r = d.report;
  const cover = `<section class="sheet">
<header class="top"><span>${esc(d.title)}</span><span>Post-mortem pack</span></header>
<h1>${esc(d.group || 'Group game')}: the debrief</h1>
<p class="office">Scenario ${esc(d.scenario)} (version ${d.version})${d.seed ? `, seed ${esc(d.seed)}` : ''}. ${d.finished ? `The game ended on ${esc(longDate(r.day))}: ${esc(r.reason)}.` : `The game was handed in unfinished, at ${esc(longDate(d.day))}; it is scored as it stood.`}</p>
<h2>Scores against history</h2>
<table><thead><tr><th>Side</th><th class="num">Your group</th><th class="num">History</th><th>Verdict</th></tr></thead><tbody>
${(['britain', 'ussr'] as const).map(s => `<tr><td>${side(s)}</td><td class="num">${r.sides[s].total.yours.toFixed(0)}</td><td class="num">${r.sides[s].total.history.toFixed(0)}</td><td>${esc(r.sides[s].total.verdict)}</td></tr>`).join('')}
</tbody></table>
<h2>What happened, and what happened in history</h2>
<table><thead><tr><th>Outcome</th><th>Your group</th><th>History</th></tr></thead><tbody>
${r.outcomes.map(o => `<tr><td>${esc(o.label)}</td><td>${o.thisGame ? 'yes' : 'no'}</td><td>${o.history ? 'yes' : 'no'}</td></tr>`).join('')}
</tbody></table>
<h2>The decisions that mattered most</h2>
<p class="small muted">Weighed by what each did directly: the sum, over every figure it moved in your game, of the change as a share of that figure's range (war danger from 30 to 45 on a 0-100 scale counts 0.15). This does not count what a choice later made possible; a branch explorer that replays the alternatives would, and is not in this build.</p>
<table><thead><tr><th>Date</th><th>Decision or order</th><th class="num">Weight</th><th>As history?</th></tr></thead><tbody>
${d.decisions.map(x => `<tr><td>${esc(longDate(x.day))}</td><td>${esc(x.label)}${sourceLine(x.sources)}</td><td class="num">${x.weight.toFixed(2)}</td><td>${x.asHistory === null ? '—' : x.asHistory ? 'yes' : 'no: history did otherwise'}</td></tr>`).join('')}
</tbody></table>
</section>`;

  const timeline = `<section class="sheet">
<header class="top"><span>${esc(d.title)}</span><span>Timeline against history</span></header>
<h2>Your group's timeline beside history's</h2>
<p class="small muted">History's column is the game played by the historical choices (the same rules, the recorded decisions and orders). ≠ marks a step the other column does not share. An order given many times is listed once, at its first date.</p>
<table class="timeline"><thead><tr><th style="width:14%">Date</th><th style="width:35%">Your group</th><th style="width:35%">History</th><th>Sources</th></tr></thead><tbody>
${d.timeline
  .map(row => {
    const srcs = [...new Set([...row.group, ...row.history].flatMap(e => e.sources))];
    return `<tr><td>${esc(longDate(row.day))}</td><td>${entries(row.group, row.history)}</td><td>${entries(row.history, row.group)}</td><td class="sources">${esc(compactSources(srcs))}</td></tr>`;
  })
  .join('')}
</tbody></table>
</section>`;

  const objectives = `<section class="sheet">
<header class="top"><span>${esc(d.title)}</span><span>Objectives against history</span></header>
${(['britain', 'ussr'] as const)
  .map(
    s => `<h2>${side(s)}: the side's objectives</h2>
<table><thead><tr><th>Objective</th><th class="num">Weight</th><th class="num">Your group</th><th class="num">History</th><th>Verdict</th></tr></thead><tbody>
${r.sides[s].objectives.map(o => `<tr><td>${esc(o.label)}</td><td class="num">${o.weight}</td><td class="num">${pct(o.yours)}</td><td class="num">${pct(o.history)}</td><td>${esc(o.verdict)}</td></tr>`).join('')}
</tbody></table>`,
  )
  .join('')}
<h2>Each role's secret aims</h2>
<table><thead><tr><th>Role</th><th>Secret aim and objectives</th><th class="num">Your group</th><th class="num">History</th></tr></thead><tbody>
${d.roles
  .map(
    x =>
      `<tr><td><strong>${esc(x.name)}</strong><div class="small">${esc(x.office)} (${side(x.side)})</div>${x.player ? `<div class="small">played by ${esc(x.player)}</div>` : ''}</td><td>${esc(x.secretAim)}<div class="small">${x.objectives.map(o => `${esc(o.label)}: ${pct(o.yours)} (history ${pct(o.history)})`).join('; ')}</div></td><td class="num">${x.total.toFixed(0)}</td><td class="num">${x.history.toFixed(0)}</td></tr>`,
  )
  .join('')}
</tbody></table>
</section>`;

  const questions = `<section class="sheet">
<header class="top"><span>${esc(d.title)}</span><span>Discussion questions</span></header>
<h2>For discussion</h2>
<h3>The European powers' leaning at the end</h3>
<table><thead><tr><th>Power</th><th class="num">Your group</th><th class="num">History</th></tr></thead><tbody>
${d.europe.map(p => `<tr><td>${esc(p.name)}</td><td class="num">${Math.round(p.yours)}</td><td class="num">${Math.round(p.history)}</td></tr>`).join('')}
</tbody></table>
<p class="small muted">Leaning from −100 (with Moscow) to +100 (with London).</p>
<ol class="questions">
${d.questions.map(q => `<li><strong>${esc(q.about)}.</strong> ${esc(q.text)}<div class="lines"></div><div class="lines"></div></li>`).join('')}
</ol>
</section>`;
  return page(`${d.title}: debrief${d.group ? `, ${d.group}` : ''}`, [cover, timeline, objectives, questions]);
}
