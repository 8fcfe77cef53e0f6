// The teacher's debrief view of a class: the groups' games side by side against history. History's
// own game is the trunk and each group's game a branch off it (built on the server with history
// mode's tree and diff: src/server/compare.ts), shown as a tree with each branch's divergence named
// in words and a link to its post-mortem pack; one chart (history mode's uPlot line chart) with a
// tracked figure for history and every group, with the values in words beside it; the decisions
// each group took against history's; and the events that fired in each.

import { dayDate } from '../engine/index';
import { fill, h } from '../ui/dom/h';
import { lineChart } from '../ui/dom/history/charts';
import { fullSelect } from '../ui/dom/select';
import type { ClassComparison, ComparedFigure, Fired, GroupBranch } from './comparison';

/** Line colours for the groups, told apart from history's dashed ink and from each other (colour-blind safe). */
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e69f00', '#7a5195', '#3a6b35', '#b8860b', '#a82219', '#1d3a5f', '#5a5045'];
const HISTORY_INK = '#1f1b16';
/** The figure the chart opens on: war danger, the figure the period turns on. */
const FIRST_FIGURE = 'tension';

export interface CompareDeps {
  classId: string;
  teacherKey: string;
  /** Back to the groups' cards. */
  back(): void;
}

export async function showComparison(root: HTMLElement, deps: CompareDeps): Promise<void> {
  fill(root, h('main', { class: 'class-console class-compare' }, h('p', { role: 'status' }, 'Placing every group’s game on history’s tree…')));
  let cmp: ClassComparison;
  try {
    const res = await fetch(`/api/classes/${encodeURIComponent(deps.classId)}/compare?key=${encodeURIComponent(deps.teacherKey)}`);
    const body = (await res.json()) as ClassComparison & { error?: string };
    if (!res.ok) throw new Error(body.error ?? `the server answered ${res.status}`);
    cmp = body;
  } catch (e) {
    fill(
      root,
      h(
        'main',
        { class: 'class-console class-compare' },
        h('p', { class: 'class-error', role: 'alert' }, `The comparison could not be made: ${e instanceof Error ? e.message : String(e)}.`),
        h('button', { type: 'button', class: 'btn', onclick: deps.back }, 'Back to the groups'),
      ),
    );
    return;
  }
  const colour = new Map(cmp.groups.map((g, k) => [g.code, COLOURS[k % COLOURS.length]!]));
  const chartBox = h('div', { class: 'cmp-chart' });
  const figSel = h(
    'select',
    { id: 'cmp-figure', 'aria-label': 'Figure on the chart' },
    cmp.figures.map(f => h('option', { value: f.id, selected: f.id === FIRST_FIGURE }, f.label)),
  );
  // Early in a lesson the groups hold a few weeks of a year or more: the chart shows the dates they
  // have reached (and history over them) unless the teacher asks for history to the end.
  const reach = Math.max(...cmp.groups.map(g => g.reached));
  const upTo = cmp.days.findIndex(d => d > reach);
  const whole = h('input', { type: 'checkbox', id: 'cmp-whole', checked: upTo < 0 || !cmp.groups.some(g => g.moves) });
  let chart: ReturnType<typeof lineChart> | null = null;
  /** The chart box's width when the chart was last drawn. */
  let drawnWidth = 0;
  const drawChart = () => {
    chart?.destroy();
    const f = cmp.figures.find(x => x.id === figSel.value) ?? cmp.figures[0];
    if (!f) return fill(chartBox, h('p', { class: 'help' }, 'No figures to compare.'));
    // One date past the furthest group, so the last step shows.
    const n = whole.checked || upTo < 0 ? cmp.days.length : Math.min(cmp.days.length, upTo + 1);
    chart = lineChart(
      `${f.label}: history and every group over time`,
      cmp.days.slice(0, n),
      [
        ...cmp.groups.filter(g => f.groups[g.code]).map(g => ({ label: `Group ${g.code}`, values: f.groups[g.code]!.slice(0, n), color: colour.get(g.code)! })),
        // Last, so history's dashed line is drawn over a group that has kept to it.
        { label: 'History', values: f.history.slice(0, n), color: HISTORY_INK, dash: [6, 4] },
      ],
      f.label,
      { height: 260 },
    );
    fill(chartBox, chart.el, figureInWords(cmp, f));
    chart.draw();
    drawnWidth = chartBox.clientWidth;
  };
  figSel.addEventListener('change', drawChart);
  whole.addEventListener('change', drawChart);
  // uPlot draws at the width it is given: the chart is drawn again when its box changes width (a
  // window made narrower left it at its old size, past the page's edge). The watch ends with the view.
  const follow = new ResizeObserver(() => {
    if (!chartBox.isConnected) return follow.disconnect();
    if (chart && chartBox.clientWidth && chartBox.clientWidth !== drawnWidth) {
      drawnWidth = chartBox.clientWidth;
      chart.draw();
    }
  });
  follow.observe(chartBox);

  fill(
    root,
    h(
      'main',
      { class: 'class-console class-compare' },
      h(
        'header',
        { class: 'console-head' },
        h('h1', null, 'The groups against history'),
        h(
          'p',
          { class: 'lead' },
          `${cmp.title}. History’s own game is the trunk; each group’s game is a branch off it, played on its own dice. Each branch is named by the first choice its group made that history did not.`,
        ),
        h(
          'div',
          { class: 'console-controls' },
          h('button', { type: 'button', class: 'btn', 'data-action': 'back-to-groups', onclick: deps.back }, 'Back to the groups'),
          h('button', { type: 'button', class: 'btn', 'data-action': 'refresh-compare', onclick: () => void showComparison(root, deps) }, 'Bring up to date'),
        ),
      ),
      cmp.refused.length ? h('p', { class: 'class-error', role: 'alert' }, cmp.refused.map(r => `Group ${r.code} is left out: ${r.reason}.`).join(' ')) : null,
      h('section', { class: 'cmp-section', 'aria-labelledby': 'cmp-tree-h' }, h('h2', { id: 'cmp-tree-h' }, 'The tree'), tree(cmp, colour, deps)),
      h(
        'section',
        { class: 'cmp-section', 'aria-labelledby': 'cmp-chart-h' },
        h('h2', { id: 'cmp-chart-h' }, 'The figures'),
        h(
          'div',
          { class: 'cmp-chart-controls' },
          h('label', { class: 'inline', for: 'cmp-figure' }, 'Figure: ', fullSelect(figSel)),
          h('label', { class: 'inline', for: 'cmp-whole' }, whole, ' History to the end of the scenario'),
        ),
        chartBox,
      ),
      h('section', { class: 'cmp-section', 'aria-labelledby': 'cmp-dec-h' }, h('h2', { id: 'cmp-dec-h' }, 'The decisions'), decisions(cmp)),
      h('section', { class: 'cmp-section', 'aria-labelledby': 'cmp-ev-h' }, h('h2', { id: 'cmp-ev-h' }, 'The events that fired'), events(cmp)),
    ),
  );
  drawChart();
}

function tree(cmp: ClassComparison, colour: Map<string, string>, deps: CompareDeps): HTMLElement {
  const last = cmp.historyFired.at(-1);
  return h(
    'ul',
    { class: 'cmp-tree' },
    h(
      'li',
      { class: 'cmp-trunk' },
      h('strong', null, 'History'),
      ` — what happened: ${cmp.historyFired.length} events from ${cmp.days.length ? dayDate(cmp.days[0]!) : ''}${last ? ` to ${dayDate(last.day)}` : ''}.`,
      h(
        'ul',
        null,
        cmp.groups.map(g =>
          h(
            'li',
            { class: 'cmp-branch', 'data-code': g.code, style: `--branch:${colour.get(g.code)}` },
            h('span', { class: 'cmp-code' }, `Group ${g.code}`),
            h('span', { class: 'cmp-status' }, `${g.status} · ${g.moves} moves`),
            h('p', { class: 'cmp-div' }, g.divergence),
            g.moves
              ? h(
                  'a',
                  {
                    class: 'btn small',
                    'data-action': 'debrief-pack',
                    href: `/api/groups/${encodeURIComponent(g.code)}/debrief?key=${encodeURIComponent(deps.teacherKey)}`,
                    download: `debrief-${g.code}.html`,
                  },
                  'Debrief pack',
                )
              : null,
          ),
        ),
      ),
    ),
  );
}

/** The chart's figures in words: for each group, its latest value against history's on that date. */
function figureInWords(cmp: ClassComparison, f: ComparedFigure): HTMLElement {
  const rows = cmp.groups.flatMap(g => {
    const vs = f.groups[g.code];
    if (!vs) return [];
    let k = -1;
    vs.forEach((v, i) => {
      if (v !== null) k = i;
    });
    if (k < 0) return [];
    const hist = f.history[k];
    return [
      h(
        'tr',
        null,
        h('td', null, `Group ${g.code}`),
        h('td', null, dayDate(cmp.days[k]!)),
        h('td', { class: 'num' }, fmt(vs[k]!)),
        h('td', { class: 'num' }, hist === null || hist === undefined ? '—' : fmt(hist)),
      ),
    ];
  });
  return h(
    'table',
    { class: 'cmp-table cmp-words' },
    h('caption', null, `${f.label}: each group where it has got to, and history on the same date`),
    h('thead', null, h('tr', null, h('th', null, 'Group'), h('th', null, 'Date'), h('th', { class: 'num' }, 'The group'), h('th', { class: 'num' }, 'History'))),
    h('tbody', null, rows),
  );
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** Each decision put in history or in any group: history's option and each group's, unlike history's marked. */
function decisions(cmp: ClassComparison): HTMLElement {
  const byEvent = new Map<string, { title: string; day: number; history: string | null; groups: Map<string, GroupBranch['decisions'][number]['group']> }>();
  for (const g of cmp.groups) {
    for (const d of g.decisions) {
      let row = byEvent.get(d.event);
      if (!row) byEvent.set(d.event, (row = { title: d.title, day: d.history?.day ?? d.group?.day ?? 0, history: d.history?.label ?? null, groups: new Map() }));
      row.groups.set(g.code, d.group);
    }
  }
  const rows = [...byEvent.values()].sort((a, b) => a.day - b.day);
  if (!rows.length) return h('p', { class: 'help' }, 'No decision has been put to any group yet.');
  return h(
    'div',
    { class: 'cmp-scroll' },
    h(
      'table',
      { class: 'cmp-table cmp-decisions' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, 'Decision'),
          h('th', null, 'History'),
          cmp.groups.map(g => h('th', null, `Group ${g.code}`)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map(r =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, r.title, h('span', { class: 'cmp-date' }, dayDate(r.day))),
            h('td', null, r.history ?? '—'),
            cmp.groups.map(g => {
              const x = r.groups.get(g.code);
              return x ? h('td', { class: x.historical || x.label === r.history ? 'same' : 'unlike' }, x.label) : h('td', { class: 'muted' }, r.groups.has(g.code) ? 'not put to them' : '—');
            }),
          ),
        ),
      ),
    ),
  );
}

/** Every event that fired in history or in a group, with the date it fired in each. */
function events(cmp: ClassComparison): HTMLElement {
  const all = new Map<string, { title: string; day: number }>();
  const add = (f: Fired) => {
    const x = all.get(f.event);
    if (!x || f.day < x.day) all.set(f.event, { title: f.title, day: f.day });
  };
  for (const f of cmp.historyFired) add(f);
  for (const g of cmp.groups) for (const f of g.fired) add(f);
  const hist = new Map(cmp.historyFired.map(f => [f.event, f.day]));
  const fired = cmp.groups.map(g => new Map(g.fired.map(f => [f.event, f.day])));
  // A group's reach: history's later events are not "missing" from a group that has not got there.
  const reach = cmp.groups.map(g => g.reached);
  const onlyHere = cmp.groups.map(g => new Set(g.events.onlyGroup.map(e => e.event)));
  const byTeacher = cmp.groups.map(g => new Set(g.injected.map(e => e.event)));
  const lastReach = Math.max(cmp.days[0] ?? 0, ...reach);
  const rows = [...all.entries()].filter(([id, e]) => e.day <= lastReach || fired.some(f => f.has(id))).sort((a, b) => a[1].day - b[1].day);
  return h(
    'div',
    { class: 'cmp-scroll' },
    h(
      'table',
      { class: 'cmp-table cmp-events' },
      h('caption', null, 'Dates each event fired; “new” marks an event history never saw, “teacher” one the teacher introduced, a dash one that had not fired there.'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, 'Event'),
          h('th', null, 'History'),
          cmp.groups.map(g => h('th', null, `Group ${g.code}`)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map(([id, e]) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, e.title),
            h('td', null, hist.has(id) ? dayDate(hist.get(id)!) : '—'),
            cmp.groups.map((_, k) => {
              const d = fired[k]!.get(id);
              if (d === undefined) return h('td', { class: hist.has(id) && hist.get(id)! <= reach[k]! ? 'unlike' : 'muted' }, '—');
              const notes = [onlyHere[k]!.has(id) ? 'new' : '', byTeacher[k]!.has(id) ? 'teacher' : ''].filter(Boolean);
              return h('td', { class: onlyHere[k]!.has(id) ? 'unlike' : d === hist.get(id) ? 'same' : 'moved' }, `${dayDate(d)}${notes.length ? ` (${notes.join(', ')})` : ''}`);
            }),
          ),
        ),
      ),
    ),
  );
}
