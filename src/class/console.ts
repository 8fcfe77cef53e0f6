// The teacher's console: create a class (a scenario, how many groups, how seats are filled, the
// pace), then watch and run every group from one screen: its code for the students, the seats and
// who sits in them, the phase, the turn and its deadline, and its distance from history (figures
// against the historical path at the same turn, decisions against history's). Controls go to one
// group or to all: start, pause, resume, set the pace, announce, lock, end; and to one group, inject
// one of the scenario's events that has not happened there (the group's own list, from its overview). "Compare with history" opens
// the class debrief (compareView.ts): every group's branch against history's. The console connects to each
// group with the class's teacher key, kept in this browser's localStorage so a reload finds it.

import { loadScenario } from '../app/scenarios';
import { dayOf, longDate } from '../engine/index';
import { fill, h } from '../ui/dom/h';
import { fullSelect } from '../ui/dom/select';
import { showComparison } from './compareView';
import { ClassConnection, NOT_CONNECTED } from './connection';
import { distanceBar, distancePercent } from './distanceText';
import type { Control, GroupOverview, Refusal, RoomInfo } from './protocol';
import './class.css';

interface Kept {
  classId: string;
  teacherKey: string;
}
const KEY = 'asd-class-teacher';

function kept(): Kept | null {
  try {
    const k = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Kept> | null;
    return k && typeof k.classId === 'string' && typeof k.teacherKey === 'string' ? { classId: k.classId, teacherKey: k.teacherKey } : null;
  } catch {
    return null;
  }
}

async function call<T>(path: string, body?: unknown): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  try {
    const res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await res.json()) as T & { error?: string };
    return res.ok ? { ok: true, value: json } : { ok: false, error: json.error ?? `the server answered ${res.status}` };
  } catch (e) {
    return { ok: false, error: `the classroom server cannot be reached (${e instanceof Error ? e.message : String(e)})` };
  }
}

export async function showConsole(root: HTMLElement): Promise<void> {
  const k = kept();
  if (k) {
    const r = await call<{ codes: string[]; scenario: string }>(`/api/classes/${k.classId}?key=${encodeURIComponent(k.teacherKey)}`);
    if (r.ok) return dashboard(root, k, r.value.codes, r.value.scenario);
    return createForm(root, `Your last class could not be found (${r.error}). Create a new one.`);
  }
  return createForm(root);
}

async function createForm(root: HTMLElement, message?: string): Promise<void> {
  const scen = await call<{ id: string; title: string }[]>('/api/scenarios');
  const select = h('select', { id: 'scenario' }, scen.ok ? scen.value.map(s => h('option', { value: s.id }, `${s.id}: ${s.title}`)) : []);
  const groups = h('input', { id: 'groups', type: 'number', min: 1, max: 12, value: 2 });
  const seating = h('select', { id: 'seating' }, h('option', { value: 'assign' }, 'The server deals seats (leads first)'), h('option', { value: 'pick' }, 'Students choose their seat'));
  const pace = h('input', { id: 'pace', type: 'number', min: 0, max: 60, value: 5 });
  const error = h('p', { class: 'class-error', role: 'alert' }, message ?? (scen.ok ? '' : scen.error));
  const form = h(
    'form',
    { class: 'class-form' },
    h('label', { for: 'scenario' }, 'Scenario'),
    select,
    h('label', { for: 'groups' }, 'Groups (each plays its own game of the scenario)'),
    groups,
    h('label', { for: 'seating' }, 'Seats'),
    seating,
    h('label', { for: 'pace' }, 'Minutes a turn (0: no deadline; you can change it during the lesson)'),
    pace,
    h('button', { type: 'submit', class: 'btn primary', 'data-action': 'create-class' }, 'Create the class'),
    error,
  );
  form.addEventListener('submit', e => {
    e.preventDefault();
    void (async () => {
      const r = await call<{ classId: string; teacherKey: string; codes: string[] }>('/api/classes', {
        scenario: select.value,
        groups: Number(groups.value),
        seating: seating.value,
        paceSeconds: Math.round(Number(pace.value) * 60),
      });
      if (!r.ok) return void (error.textContent = r.error);
      const mine = { classId: r.value.classId, teacherKey: r.value.teacherKey };
      localStorage.setItem(KEY, JSON.stringify(mine));
      dashboard(root, mine, r.value.codes, select.value);
    })();
  });
  fill(
    root,
    h(
      'main',
      { class: 'class-page' },
      h('h1', null, 'Teacher’s console'),
      h('p', { class: 'lead' }, 'Create a class: each group plays the scenario in its own game, students joining from their own devices with the group’s code.'),
      form,
      h('p', null, h('a', { href: './' }, 'Back to the title screen')),
    ),
  );
}

interface Card {
  code: string;
  conn: ClassConnection;
  info: RoomInfo | null;
  overview: GroupOverview | null;
  el: HTMLElement;
  note: string;
  /** Why the server cannot store this group's game, while it cannot. */
  storage: string | null;
  /** The event picked in the card's inject list, kept across redraws. */
  inject: string;
  /** The roster opened or closed by the teacher, kept across redraws (null: open in the lobby only). */
  rosterOpen: boolean | null;
}

function dashboard(root: HTMLElement, k: Kept, codes: string[], scenario: string): void {
  const cards: Card[] = codes.map(code => ({
    code,
    conn: null as unknown as ClassConnection,
    info: null,
    overview: null,
    el: h('section', { class: 'group-card', 'aria-label': `Group ${code}` }),
    note: '',
    storage: null,
    inject: '',
    rosterOpen: null,
  }));
  const paceIn = h('input', { id: 'pace-all', type: 'number', min: 0, max: 60, step: 'any', value: '', 'aria-label': 'Minutes a turn' });
  // The box shows the groups' pace as the server has it (a class made with 8 showed 5, and Set would
  // have put every group to 5), until the teacher types another, which stays until it is set.
  let paceTyped = false;
  paceIn.addEventListener('input', () => {
    paceTyped = true;
  });
  const showPace = (r: RoomInfo) => {
    if (!paceTyped) paceIn.value = String(Math.round(r.paceSeconds / 6) / 10);
  };
  const sayIn = h('input', { id: 'say-all', maxlength: 280, placeholder: 'A word to every group', 'aria-label': 'Announcement' });
  const all = (c: Control) => {
    for (const card of cards) control(card, c);
  };
  const joinUrl = `${location.origin}${location.pathname}?join`;
  // Locks: an order no side may give, or a decision held to history's option (the scenario's own lists).
  const lockSel = h('select', { id: 'lock-target', 'aria-label': 'What to lock' }, h('option', { value: '' }, 'Lock an order or a decision…'));
  void loadScenario(scenario).then(r => {
    if (!r.ok) return;
    const sc = r.value;
    lockSel.append(
      h(
        'optgroup',
        { label: 'Decisions (held to history’s choice)' },
        sc.events.filter(e => e.decision).map(e => h('option', { value: `event:${e.id}` }, e.title)),
      ),
      h(
        'optgroup',
        { label: 'Orders (no side may give them)' },
        sc.actions.map(a => h('option', { value: `action:${a.id}` }, `${a.label} (${sc.sides[a.side].name})`)),
      ),
    );
  });
  fill(
    root,
    h(
      'main',
      { class: 'class-console' },
      h(
        'header',
        { class: 'console-head' },
        h('h1', null, 'Teacher’s console'),
        h('p', { class: 'join-hint' }, 'Students open ', h('strong', null, joinUrl), ' and type their group’s code.'),
        h(
          'div',
          { class: 'console-controls', role: 'group', 'aria-label': 'Every group' },
          h('button', { type: 'button', class: 'btn primary', 'data-action': 'start-all', onclick: () => all({ do: 'start' }) }, 'Start all'),
          h('button', { type: 'button', class: 'btn', 'data-action': 'pause-all', onclick: () => all({ do: 'pause' }) }, 'Pause all'),
          h('button', { type: 'button', class: 'btn', 'data-action': 'resume-all', onclick: () => all({ do: 'resume' }) }, 'Resume all'),
          h(
            'span',
            { class: 'inline' },
            paceIn,
            h(
              'button',
              {
                type: 'button',
                class: 'btn',
                'data-action': 'pace-all',
                onclick: () => {
                  all({ do: 'pace', seconds: Math.round(Number(paceIn.value) * 60) });
                  paceTyped = false;
                },
              },
              'Set minutes a turn',
            ),
          ),
          h(
            'span',
            { class: 'inline' },
            sayIn,
            h(
              'button',
              {
                type: 'button',
                class: 'btn',
                'data-action': 'announce-all',
                onclick: () => {
                  all({ do: 'announce', text: sayIn.value });
                  sayIn.value = '';
                },
              },
              'Announce',
            ),
          ),
          h(
            'span',
            { class: 'inline' },
            fullSelect(lockSel),
            h('button', { type: 'button', class: 'btn', 'data-action': 'lock-all', onclick: () => lockSel.value && all({ do: 'lock', target: lockSel.value }) }, 'Lock'),
            h('button', { type: 'button', class: 'btn', 'data-action': 'unlock-all', onclick: () => lockSel.value && all({ do: 'unlock', target: lockSel.value }) }, 'Unlock'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'btn',
              'data-action': 'compare',
              onclick: () => {
                // The cards keep their connections; the comparison is drawn in their place and gives it back.
                const page = root.firstElementChild!;
                const box = h('div', { class: 'compare-box' });
                root.replaceChildren(box);
                void showComparison(box, { classId: k.classId, teacherKey: k.teacherKey, back: () => root.replaceChildren(page) });
              },
            },
            'Compare with history',
          ),
          handInButton(k),
          h(
            'button',
            {
              type: 'button',
              class: 'btn danger',
              'data-action': 'end-all',
              onclick: () => {
                if (confirm('End every group’s game now?')) all({ do: 'end' });
              },
            },
            'End all',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'btn',
              onclick: () => {
                for (const c of cards) c.conn.leave();
                localStorage.removeItem(KEY);
                void createForm(root);
              },
            },
            'New class',
          ),
        ),
      ),
      h(
        'div',
        { class: 'group-grid' },
        cards.map(c => c.el),
      ),
    ),
  );
  for (const card of cards) {
    card.conn = new ClassConnection(location.origin, {
      room: r => {
        card.info = r;
        showPace(r);
        draw(card);
      },
      overview: o => {
        card.overview = o as GroupOverview;
        draw(card);
      },
      storage: st => {
        card.storage = st.failing ? st.text : null;
        if (!st.failing) card.note = st.text;
        draw(card);
      },
      refused: (r: Refusal) => {
        card.note = `Refused (${r.what}): ${r.reason}.`;
        draw(card);
      },
      status: (_s, detail) => {
        card.note = detail;
        draw(card);
      },
    });
    card.conn.joinAsTeacher(card.code, k.teacherKey).catch((e: unknown) => {
      card.note = `Cannot open group ${card.code}: ${e instanceof Error ? e.message : String(e)}`;
      draw(card);
    });
    draw(card);
  }
  setInterval(() => {
    for (const c of cards) c.el.querySelector('.gc-clock')?.replaceChildren(clockText(c.info));
  }, 1000);
}

function clockText(info: RoomInfo | null): string {
  if (!info) return '';
  if (info.phase === 'paused') return info.remainingMs !== null ? `paused, ${fmt(info.remainingMs)} left` : 'paused';
  if (info.phase !== 'playing') return '';
  if (info.deadline === null) return 'no deadline';
  const left = info.deadline - Date.now();
  return left > 0 ? `orders due in ${fmt(left)}` : 'time is up';
}

const fmt = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** A control sent to a group's room; while its connection is down, the card says it was not sent. */
function control(card: Card, c: Control): void {
  if (card.conn.control(c)) return;
  card.note = `Not sent (${c.do}): ${NOT_CONNECTED}.`;
  draw(card);
}

function draw(card: Card): void {
  const { info, overview: o } = card;
  const ctl = (c: Control, label: string, action: string, cls = 'btn') => h('button', { type: 'button', class: cls, 'data-action': action, onclick: () => control(card, c) }, label);
  const seated = info ? info.roster.filter(r => r.students.length) : [];
  const empty = info ? info.roster.length - seated.length : 0;
  fill(
    card.el,
    h(
      'header',
      { class: 'gc-head' },
      h('span', { class: 'gc-code', 'data-code': card.code }, card.code),
      h('span', { class: `gc-phase ${info?.phase ?? ''}` }, info ? `${info.phase}${info.turns ? ` · turn ${info.turn + 1}/${info.turns}` : ''}` : 'connecting…'),
      h('span', { class: 'gc-clock' }, clockText(info)),
    ),
    card.storage ? h('p', { class: 'class-error gc-storage', role: 'alert' }, card.storage) : null,
    info
      ? h(
          'div',
          { class: 'gc-controls' },
          info.phase === 'lobby' ? ctl({ do: 'start' }, 'Start', 'start', 'btn primary') : null,
          info.phase === 'playing' ? ctl({ do: 'pause' }, 'Pause', 'pause') : null,
          info.phase === 'paused' ? ctl({ do: 'resume' }, 'Resume', 'resume', 'btn primary') : null,
          info.phase !== 'ended' ? ctl({ do: 'end' }, 'End', 'end', 'btn danger') : null,
        )
      : null,
    info && o && (info.phase === 'playing' || info.phase === 'paused') ? injectPicker(card, o) : null,
    o ? distanceView(o) : h('p', { class: 'help' }, info?.phase === 'lobby' ? 'Not started: the distance from history shows once it runs.' : ''),
    info
      ? h(
          'details',
          {
            class: 'gc-roster',
            open: card.rosterOpen ?? info.phase === 'lobby',
          },
          // The teacher's own opening or closing (a click, or a key on the summary), not the lobby's default.
          h(
            'summary',
            { onclick: (e: Event) => (card.rosterOpen = !(e.currentTarget as HTMLElement).parentElement!.hasAttribute('open')) },
            `${seated.reduce((n, r) => n + r.students.length, 0)} students · ${empty} empty seats${info.sides ? ` · ${sidesText(info)}` : ''}`,
          ),
          h(
            'ul',
            null,
            seated.map(r =>
              h(
                'li',
                { class: `side-${r.side}` },
                h('span', { class: 'r-label' }, r.label),
                ' ',
                r.students.map(n => h('span', { class: r.connected.includes(n) ? 'on' : 'off' }, n)),
                // Before the start the teacher may give a student another seat; during play, release a
                // connected student's seat (a classmate in it, or the student moved to another device).
                info.phase === 'lobby'
                  ? r.students.map(n => seatPicker(card, info, n, r.seat))
                  : r.connected.map(n =>
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'btn small gc-release',
                          'data-action': 'release',
                          'data-student': n,
                          title: `Disconnect whoever holds ${n}’s seat now; the next to join with the name ${n} takes it back`,
                          onclick: () => control(card, { do: 'release', student: n }),
                        },
                        `Release ${n}`,
                      ),
                    ),
              ),
            ),
          ),
        )
      : null,
    info?.locked.length ? h('p', { class: 'gc-locked' }, `Locked: ${info.locked.map(l => l.label).join('; ')}`) : null,
    info?.announcements.length ? h('p', { class: 'gc-said' }, info.announcements.at(-1)!.text) : null,
    card.note ? h('p', { class: 'class-error', role: 'status' }, card.note) : null,
  );
}

/**
 * "Debrief a hand-in": a group's saved game (from pass and play, or a student's screen) sent to the
 * server, which replays and scores it; its post-mortem pack downloads, or the refusal's reason shows.
 */
function handInButton(k: Kept): HTMLElement {
  const status = h('span', { class: 'handin-status', role: 'status' });
  const input = h('input', {
    type: 'file',
    accept: '.json,application/json',
    class: 'visually-hidden',
    id: 'handin-file',
    'data-action': 'handin-file',
    onchange: () => {
      const file = input.files?.[0];
      input.value = '';
      if (!file) return;
      status.textContent = `Replaying ${file.name}…`;
      void file.text().then(async text => {
        const res = await fetch(`/api/classes/${encodeURIComponent(k.classId)}/handin?key=${encodeURIComponent(k.teacherKey)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: text,
        }).catch(() => null);
        if (!res) return void (status.textContent = 'The classroom server cannot be reached.');
        if (!res.ok) {
          const body = (await res.json().catch(() => ({}))) as { error?: string };
          return void (status.textContent = `${file.name}: ${body.error ?? `the server answered ${res.status}`}.`);
        }
        const a = h('a', { href: URL.createObjectURL(new Blob([await res.text()], { type: 'text/html' })), download: `${file.name.replace(/\.json$/i, '')}.debrief.html` });
        a.click();
        status.textContent = `${file.name}: replayed and scored; its debrief pack is downloading.`;
      });
    },
  });
  return h('span', { class: 'inline handin' }, h('label', { class: 'btn', for: 'handin-file' }, 'Debrief a hand-in'), input, status);
}

/**
 * A student's seat, to change in the lobby: the other seats of the group, with how many sit there.
 * Its first line asks the question rather than repeating the seat named just above it.
 */
function seatPicker(card: Card, info: RoomInfo, student: string, current: string): HTMLElement {
  return h(
    'select',
    {
      class: 'gc-reseat',
      'data-action': 'reseat',
      'data-student': student,
      'data-seat': current,
      'aria-label': `Seat for ${student}`,
      onchange: (e: Event) => {
        const seat = (e.target as HTMLSelectElement).value;
        if (seat && seat !== current) control(card, { do: 'seat', student, seat });
      },
    },
    h('option', { value: '', selected: true }, `Move ${student} to…`),
    info.roster.filter(r => r.seat !== current).map(r => h('option', { value: r.seat }, `${r.label}${r.students.length ? ` (${r.students.length})` : ''}`)),
  );
}

/**
 * The group's inject control: the scenario's events that have not happened in this group and whose
 * date has not passed (the server's list); the chosen one fires at the start of the group's next turn.
 */
function injectPicker(card: Card, o: GroupOverview): HTMLElement | null {
  if (!o.injectable.length) return null;
  if (!o.injectable.some(e => e.id === card.inject)) card.inject = '';
  const sel = h(
    'select',
    { class: 'gc-inject-event', 'aria-label': `Event to introduce in group ${card.code}`, onchange: (e: Event) => (card.inject = (e.target as HTMLSelectElement).value) },
    h('option', { value: '' }, 'Introduce an event…'),
    o.injectable.map(e => h('option', { value: e.id }, e.date ? `${e.title} (due ${longDate(dayOf(e.date))})` : e.title)),
  );
  sel.value = card.inject;
  return h(
    'div',
    { class: 'gc-inject inline' },
    fullSelect(sel),
    h(
      'button',
      {
        type: 'button',
        class: 'btn',
        'data-action': 'inject',
        title: 'It happens at the start of the next turn; both sides read that the teacher introduced it.',
        onclick: () => {
          if (!card.inject) return;
          control(card, { do: 'inject', event: card.inject });
          card.inject = '';
        },
      },
      'Inject next turn',
    ),
  );
}

const sidesText = (info: RoomInfo) => `Britain: ${info.sides!.britain === 'human' ? 'students' : 'computer'}, Soviet Union: ${info.sides!.ussr === 'human' ? 'students' : 'computer'}`;

function distanceView(o: GroupOverview): HTMLElement {
  const pct = distancePercent(o.distance);
  const differ = o.decisions.filter(d => !d.same);
  return h(
    'div',
    { class: 'gc-distance' },
    h(
      'p',
      { class: 'gc-dist-line' },
      h('strong', null, `Distance from history: ${pct}`),
      h('span', { class: 'bar', role: 'img', 'aria-label': `${pct} from the historical path` }, h('span', { style: `width:${distanceBar(o.distance)}%` })),
    ),
    h(
      'table',
      { class: 'gc-figs' },
      h('thead', null, h('tr', null, h('th', null, 'Figure'), h('th', null, 'Here'), h('th', null, 'History'))),
      h(
        'tbody',
        null,
        o.figures.slice(0, 8).map(f => h('tr', null, h('td', null, f.label), h('td', null, Math.round(f.now)), h('td', null, Math.round(f.history)))),
      ),
    ),
    h(
      'p',
      { class: 'help' },
      `Historical events: ${o.historicalEvents.here} here, ${o.historicalEvents.history} by now in history. Decisions: ${o.decisions.length}, ${differ.length} unlike history`,
      differ.length ? ` (latest: ${differ.at(-1)!.event}: chose “${differ.at(-1)!.chose}”, history “${differ.at(-1)!.history}”).` : '.',
    ),
  );
}
