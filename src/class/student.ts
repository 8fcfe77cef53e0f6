// The student's page: join a classroom group with its short code and a name (choosing a seat when
// the teacher lets students pick), wait in the lobby, then play the seat on the full game screen,
// driven over the network (remoteMatch.ts). A bar above the game carries the group's public
// business: the seat, the phase, the turn's deadline and the missed-orders policy, the teacher's
// announcements, a move the server refused and why, and the connection; at the head of the desk
// (below the game on a phone), the seat's role card and its cabinet's votes (cabinetPanel.ts). The
// game's dialogs open below the bar, never over it. A reload or a return from the title screen takes
// the same seat back (connection.ts); a new tab on the device offers it ("Continue as Ada": a shared
// computer may have another student at it); on another device the student joins with the same name,
// which takes the seat back while nobody holds it (group.ts). Once the lesson is over (the game's
// end, or the teacher's) the device keeps nothing of the seat (a new tab offers nothing), the tab
// only until the student leaves the game; a seat released or disowned ("I am not Ada") goes with
// all its pages kept (connection.ts forgetSeat, seatKeep.ts).

import type { MatchPort } from '../app/match';
import { loadScenario } from '../app/scenarios';
import { compile, type NewsItem } from '../engine/index';
import { fill, h } from '../ui/dom/h';
import { CabinetPanel } from './cabinetPanel';
import { ClassConnection, type ConnectionStatus, forgetSeat, groupInfo } from './connection';
import type { VoteStore } from './keptVotes';
import { type Announcement, barLines, type Joined, type RoomInfo, type SeatMessage, seatKey, type VoteMessage } from './protocol';
import { type HeardStore, RemoteMatch } from './remoteMatch';
import { draftName, heardKey, votesKey } from './seatKeep';
import './class.css';

export interface StudentDeps {
  /** The game screen over a match, started; resolves to a handle to stop it. `draftKey` names the seat's unsent orders kept in the tab. */
  play(root: HTMLElement, m: MatchPort, exit: () => void, draftKey: string | undefined, leaveNote: string): { destroy(): void; announce(text: string): void };
  /** Back to the title screen. */
  exit(): void;
}

/**
 * Where the seat is kept: the tab's sessionStorage and the device's localStorage (either may be
 * forbidden); only the tab's with `tabOnly` (the lesson is over).
 */
const seatStores = (tabOnly = false): Storage[] => {
  const out: Storage[] = [];
  for (const get of tabOnly ? [() => sessionStorage] : [() => sessionStorage, () => localStorage]) {
    try {
      out.push(get());
    } catch {
      // forbidden (a private mode): the other, or none
    }
  }
  return out;
};

/**
 * The news this seat's pages have handed out, kept in the tab and on the device (as the seat is), so
 * a reload, a return from the title screen or a new tab does not open the last turn's headlines
 * again (a minister at turn 2 of 1929 was shown turn 1's “Relations broken” a second time).
 */
function heardStore(j: Joined, over: () => boolean): HeardStore {
  const key = heardKey(j.code, seatKey(j.seat), j.name);
  return {
    load: () => {
      for (const st of seatStores()) {
        try {
          const v = st.getItem(key);
          if (v !== null) return v;
        } catch {
          // forbidden: the next
        }
      }
      return null;
    },
    // Once the lesson is over, in the tab only (a reload still opens no report again; the device keeps nothing).
    save: text => {
      for (const st of seatStores(over())) {
        try {
          st.setItem(key, text);
        } catch {
          // full or forbidden: a new page hears the view's news again, as before
        }
      }
    },
  };
}

/** The seat's votes pressed while the connection was down, kept in the tab for a reload (keptVotes.ts). */
function voteStore(j: Joined): VoteStore {
  const key = votesKey(j.code, seatKey(j.seat), j.name);
  return {
    load: () => {
      try {
        return sessionStorage.getItem(key);
      } catch {
        return null;
      }
    },
    save: text => {
      try {
        if (text === null) sessionStorage.removeItem(key);
        else sessionStorage.setItem(key, text);
      } catch {
        // full or forbidden: a reload loses the unsent vote, as before it was kept
      }
    },
  };
}

const VOTE_NOT_SENT = 'Vote not sent';

/** Said before Title leaves a class game. */
export const LEAVE_NOTE =
  'Your seat stays yours: open the class link again to take it back, or join with the group code and the same name on another device. Once the game is over, leaving forgets it on this device.';

export async function showStudent(root: HTMLElement, deps: StudentDeps, code0: string): Promise<void> {
  const base = location.origin;
  let joined: Joined | null = null;
  let info: RoomInfo | null = null;
  let match: RemoteMatch | null = null;
  let screen: { destroy(): void; announce(text: string): void } | null = null;
  let lastSaid = 0;
  const bar = {
    el: h('header', { class: 'classbar', 'aria-label': 'Your class' }),
    seat: h('span', { class: 'cb-seat' }),
    phase: h('span', { class: 'cb-phase' }),
    clock: h('span', { class: 'cb-clock', role: 'timer' }),
    // The teacher's own words, kept apart from the server's notices (a pause, a deadline) so a notice
    // never replaces them: the latest in full, the few before it a tap away.
    teacher: h('section', { class: 'cb-teacher', 'aria-label': 'From the teacher', hidden: true }),
    said: h('p', { class: 'cb-said', 'aria-live': 'polite' }),
    net: h('span', { class: 'cb-net', role: 'status' }),
    /** The connection in the lobby's page (the bar's own stays in the bar, for the game). */
    lobbyNet: h('p', { class: 'cb-net', role: 'status' }),
    store: h('p', { class: 'cb-store', role: 'alert' }),
    // A refused move, where the student looks: the game's status line (which says it too, and
    // announces it) can sit below the fold of a laptop's desk. Until a move is taken or the turn moves on.
    refused: h('p', { class: 'cb-refused' }),
  };
  bar.el.append(bar.seat, bar.phase, bar.clock, bar.net, bar.teacher, bar.said, bar.refused, bar.store);
  /** The teacher's earlier lines are shown (the student asked); kept as the bar is redrawn. */
  let earlierShown = false;
  const gameRoot = h('div', { class: 'class-game' });
  let panel: CabinetPanel | null = null;
  const conn = new ClassConnection(
    base,
    {
      joined: j => {
        joined = j;
        drawBar();
        if (!match) lobby();
      },
      room: r => {
        if (info && r.turn !== info.turn) bar.refused.textContent = '';
        info = r;
        if (r.phase === 'ended') lessonOver();
        match?.room(r);
        drawBar();
        if (!match) lobby();
        if (early && !match) {
          const m = early;
          early = null;
          void onSeat(m);
        }
      },
      seat: m => void onSeat(m),
      // Before the game screen is made (it waits on the scenario), kept for it.
      reports: items => (match ? match.reports(items) : (told = items)),
      refused: r => {
        if (r.what === 'vote') return void (screen && refusedVote(`Vote not taken: ${r.reason}.`));
        // The seat is no longer this browser's (the teacher released it): back to the form, saying why.
        if (r.what === 'join') return unseated(r.reason);
        match?.refused(r);
        if (match && r.what === 'move') bar.refused.textContent = `Not accepted: ${r.reason}.`;
        if (!match) showError(`${r.reason}.`);
      },
      accepted: () => {
        bar.refused.textContent = '';
        match?.accepted();
      },
      // The server cannot store the game: said in the bar until it can again (orders are refused meanwhile, each saying why).
      storage: st => {
        bar.store.textContent = st.failing ? st.text : '';
        if (!st.failing) screen?.announce(st.text);
      },
      status: (s, detail) => {
        panel?.connection(s === 'connected');
        if (s === 'connected') {
          match?.reconnected();
          // A vote not sent while the connection was down may be cast now: the panel shows the votes as the server has them.
          if (bar.refused.textContent?.startsWith(VOTE_NOT_SENT)) bar.refused.textContent = '';
        } else match?.disconnected();
        setNet(s, detail);
      },
    },
    seatStores(),
  );

  /** A vote goes only over a live connection; while it is down the student is told, and the role fold keeps it to send once it is back. */
  function vote(v: VoteMessage): boolean {
    if (!conn.vote(v)) {
      refusedVote(`${VOTE_NOT_SENT}: the connection to the classroom server is down (it reconnects by itself). Your vote is kept under “Your role”: send it from there once the connection is back.`);
      return false;
    }
    if (bar.refused.textContent?.startsWith('Vote not')) bar.refused.textContent = '';
    return true;
  }

  /** A vote not taken, said in the bar (where a refused move is) and to a screen reader. */
  function refusedVote(text: string): void {
    bar.refused.textContent = text;
    screen?.announce(text);
  }

  /** A seat message that came before the room's info (which names the scenario). */
  let early: SeatMessage | null = null;
  /** The seat's reports as the server last sent them, until the game screen is made. */
  let told: NewsItem[] | null = null;

  /** The role the seat played last: a change is a handover (a term of office), told to the student. */
  let roleShown: string | null = null;

  /**
   * Where the role fold goes: on a wide screen at the head of the game's desk, beside the board (across
   * the top of the screen, open on the first turn, it left a minister's board some 8 px text at
   * 1280x720); on a narrow one in the student's screen, where class.css makes it a drawer below the
   * game. Again at each seat message, should the game have drawn its screen afresh.
   */
  const narrow = matchMedia('(max-width: 900px)');
  function placeFold(): void {
    const student = gameRoot.parentElement;
    if (!panel || !student) return;
    const desk = narrow.matches ? null : gameRoot.querySelector('.game > .panel');
    if (desk) {
      if (panel.el.parentElement !== desk) desk.prepend(panel.el);
    } else if (panel.el.parentElement !== student) student.insertBefore(panel.el, gameRoot);
  }
  narrow.addEventListener('change', placeFold);

  /** The lesson is over (the game ended, or the teacher ended it): the device forgets the seat; the tab keeps it until the student leaves. */
  let over = false;
  function lessonOver(): void {
    if (over || !joined) return;
    over = true;
    conn.tabOnly();
  }

  async function onSeat(m: SeatMessage): Promise<void> {
    if (joined) (panel ??= new CabinetPanel(joined.name, vote, voteStore(joined))).update(m);
    const now = m.view.role?.id ?? null;
    if (roleShown !== null && now !== null && now !== roleShown && m.cabinet?.term) screen?.announce(m.cabinet.term);
    roleShown = now;
    if (match) {
      match.update(m);
      if (m.view.ended) lessonOver();
      return placeFold();
    }
    if (!info) {
      early = m;
      return;
    }
    const sc = await loadScenario(info.scenario);
    if (!sc.ok) return showError(sc.error);
    if (match) return (match as RemoteMatch).update(m);
    match = new RemoteMatch(compile(sc.value), m, conn, joined ? heardStore(joined, () => over) : undefined);
    if (m.view.ended) lessonOver();
    if (info) match.room(info);
    if (told) match.reports(told);
    told = null;
    fill(root, h('div', { class: 'class-student' }, bar.el, panel?.el ?? null, gameRoot));
    unplace = dialogsBelow(bar.el);
    screen = deps.play(
      gameRoot,
      match,
      () => {
        // The seat is kept (seatStores): the class link takes it back. Once the lesson is over, nothing of it is kept.
        closeGame();
        narrow.removeEventListener('change', placeFold);
        conn.leave();
        if (over) forgetSeat(seatStores());
        deps.exit();
      },
      joined ? draftName(joined.code, joined.seatToken) : undefined,
      LEAVE_NOTE,
    );
    placeFold();
    drawBar();
  }

  let unplace = (): void => undefined;
  /** The game screen taken down (the student leaves, or the seat is no longer theirs). */
  function closeGame(): void {
    unplace();
    unplace = () => undefined;
    screen?.destroy();
    screen = null;
    match = null;
    panel = null;
    roleShown = null;
    told = null;
  }

  /** The seat token no longer holds a seat: forgotten, and the join form says why. */
  function unseated(reason: string): void {
    closeGame();
    joined = null;
    forgetSeat(seatStores());
    joinForm(`${sentence(reason)}.`);
  }

  function setNet(s: ConnectionStatus, detail: string): void {
    for (const el of [bar.net, bar.lobbyNet]) {
      el.textContent = s === 'connected' ? '' : detail;
      el.className = `cb-net ${s}`;
    }
  }

  const PHASE: Record<RoomInfo['phase'], string> = { lobby: 'Waiting to start', playing: 'In play', paused: 'Paused by the teacher', ended: 'Ended' };

  function drawBar(): void {
    if (joined && info) {
      const label = info.roster.find(r => r.seat === `${joined!.seat.side}:${joined!.seat.role}`)?.label ?? '';
      bar.seat.textContent = `${joined.name} · ${label} · group ${joined.code}`;
      bar.el.className = `classbar side-${joined.seat.side}`;
    }
    if (info) {
      bar.phase.textContent = info.turns ? `${PHASE[info.phase]} · turn ${info.turn + 1} of ${info.turns}` : PHASE[info.phase];
      const news = info.announcements.filter(a => a.at > lastSaid);
      const { teacher, notice } = barLines(info.announcements);
      bar.said.textContent = notice?.text ?? '';
      drawTeacher(teacher);
      if (news.length && screen) screen.announce(news.map(a => a.text).join(' '));
      const latest = info.announcements.at(-1);
      if (latest) lastSaid = latest.at;
    }
    tick();
  }

  function drawTeacher(lines: Announcement[]): void {
    bar.teacher.hidden = !lines.length;
    const earlier = lines.slice(0, -1);
    const toggle = earlier.length
      ? h(
          'button',
          {
            type: 'button',
            class: 'cb-earlier link-btn',
            'aria-expanded': String(earlierShown),
            onclick: () => {
              earlierShown = !earlierShown;
              drawTeacher(lines);
            },
          },
          earlierShown ? 'Hide earlier' : `Earlier (${earlier.length})`,
        )
      : null;
    bar.teacher.replaceChildren(
      h(
        'ol',
        { class: 'cb-teacher-lines' },
        lines.map((a, k) => h('li', { hidden: k < lines.length - 1 && !earlierShown }, h('time', { datetime: new Date(a.at).toISOString() }, clockTime(a.at)), ' ', a.text)),
      ),
      ...(toggle ? [toggle] : []),
    );
  }

  function tick(): void {
    if (!info) return;
    if (info.phase === 'paused' && info.remainingMs !== null) bar.clock.textContent = `${fmt(info.remainingMs)} left (clock stopped)`;
    else if (info.deadline !== null && info.phase === 'playing') {
      const left = info.deadline - Date.now();
      bar.clock.textContent = left > 0 ? `Orders due in ${fmt(left)}` : 'Time is up';
      bar.clock.classList.toggle('urgent', left < 30_000);
    } else bar.clock.textContent = info.phase === 'playing' ? 'No deadline' : '';
    bar.clock.title = info.policy;
  }
  const timer = setInterval(tick, 1000);

  function lobby(): void {
    if (!joined) return;
    const mine = `${joined.seat.side}:${joined.seat.role}`;
    fill(
      root,
      h(
        'main',
        { class: 'class-page class-lobby' },
        h('h1', null, info?.title ?? 'Your class'),
        // At the head, where a phone shows it above the roster.
        bar.lobbyNet,
        h('p', { class: 'lead' }, `You are ${joined.name}, seated as `, h('strong', null, info?.roster.find(r => r.seat === mine)?.label ?? mine), ` in group ${joined.code}.`),
        h('p', null, info?.phase === 'ended' ? 'This group’s game has ended.' : 'Waiting for the teacher to start the game. Keep this page open: it starts by itself.'),
        info ? h('p', { class: 'help' }, info.policy) : null,
        info ? rosterList(info, mine) : null,
      ),
    );
  }

  function showError(text: string): void {
    const p = root.querySelector('.class-error');
    if (p) p.textContent = sentence(text);
    else if (screen) screen.announce(sentence(text));
  }

  function joinForm(message?: string): void {
    const codeIn = h('input', { id: 'code', name: 'code', autocomplete: 'off', autocapitalize: 'characters', maxlength: 12, value: code0, required: true, spellcheck: 'false' });
    const nameIn = h('input', { id: 'name', name: 'name', autocomplete: 'given-name', maxlength: 24, required: true });
    const seats = h('div', { class: 'seat-pick' });
    const error = h('p', { class: 'class-error', role: 'alert' }, message ?? '');
    let picked: string | undefined;
    // A seat this device keeps from another tab (a shared computer may have had another student at it): offered, never taken unasked.
    const k = conn.keptSeat(code0 || undefined);
    const who = k?.name ?? 'before';
    const offer =
      k && !k.inTab
        ? h(
            'div',
            { class: 'kept-seat' },
            h('p', null, `This device holds a seat in group ${k.code}${k.name ? ` for ${k.name}` : ''}.`),
            h(
              'button',
              {
                type: 'button',
                class: 'btn primary',
                'data-action': 'resume',
                onclick: () =>
                  void conn.resume(k.code).then(ok => {
                    if (ok) return;
                    offer?.remove();
                    error.textContent = 'That seat is no longer this device’s: join with the group code and your name.';
                  }),
              },
              `Continue as ${who}`,
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'btn',
                'data-action': 'forget-seat',
                onclick: () => {
                  forgetSeat(seatStores());
                  offer?.remove();
                  nameIn.focus();
                },
              },
              k.name ? `I am not ${k.name}` : 'Join as someone else',
            ),
          )
        : null;
    // A seat of a lesson that is over (or of a group gone) is not offered: the device forgets it.
    if (k && offer)
      void groupInfo(base, k.code).then(g => {
        if (g.ok ? g.value.phase !== 'ended' : /cannot be reached/.test(g.error)) return;
        forgetSeat(seatStores(), k.code);
        offer.remove();
      });
    const form = h(
      'form',
      { class: 'class-form' },
      h('label', { for: 'code' }, 'Group code'),
      codeIn,
      h('label', { for: 'name' }, 'Your name'),
      nameIn,
      seats,
      h('button', { type: 'submit', class: 'btn primary', 'data-action': 'join' }, 'Join'),
      error,
    );
    form.addEventListener('submit', e => {
      e.preventDefault();
      void (async () => {
        error.textContent = '';
        // A code copied with a space or a dash ("hbd aj") is the same code.
        const code = codeIn.value.replace(/[^a-z0-9]/gi, '').toUpperCase();
        const g = await groupInfo(base, code);
        if (!g.ok) return void (error.textContent = sentence(g.error));
        if (g.value.seating === 'pick' && g.value.phase === 'lobby' && !picked) {
          // Show the seats to choose from; joining waits for a choice.
          fill(
            seats,
            h('p', null, 'Choose your seat:'),
            seatChoices(g.value, k => (picked = k)),
          );
          return;
        }
        try {
          await conn.join(code, { name: nameIn.value.trim(), seat: picked });
        } catch (err) {
          error.textContent = sentence(err instanceof Error ? err.message : String(err));
        }
      })();
    });
    fill(
      root,
      h(
        'main',
        { class: 'class-page' },
        h('h1', null, 'Join your class'),
        h('p', { class: 'lead' }, 'Type the group code your teacher gives you, and your name. No account is needed.'),
        offer,
        form,
        h('p', null, h('a', { href: './' }, 'Back to the title screen')),
      ),
    );
    (offer?.querySelector('button') ?? (code0 ? nameIn : codeIn)).focus();
  }

  // A reload or a return from the title takes the seat this tab kept back; otherwise the form, offering a seat the device keeps.
  const inTab = conn.keptSeat(code0 || undefined)?.inTab;
  if (!(inTab && (await conn.resume(code0 || undefined)))) joinForm();
  window.addEventListener('pagehide', () => clearInterval(timer), { once: true });
}

/**
 * The game's dialogs (the turn's reports, decisions) open below the class bar, never over it, so its
 * deadline, announcements and refusals stay in sight (class.css, :root.below-classbar): the bar's
 * height, kept as it wraps, is the CSS variable --classbar-h. Returns the undoing.
 */
function dialogsBelow(bar: HTMLElement): () => void {
  const doc = document.documentElement;
  const measure = () => doc.style.setProperty('--classbar-h', `${bar.offsetTop + bar.offsetHeight}px`);
  const watch = new ResizeObserver(measure);
  watch.observe(bar);
  measure();
  doc.classList.add('below-classbar');
  return () => {
    watch.disconnect();
    doc.classList.remove('below-classbar');
    doc.style.removeProperty('--classbar-h');
  };
}

function rosterList(info: RoomInfo, mine: string): HTMLElement {
  return h(
    'ul',
    { class: 'roster' },
    info.roster.map(r =>
      h(
        'li',
        { class: `side-${r.side}${r.seat === mine ? ' mine' : ''}` },
        h('span', { class: 'r-label' }, r.label),
        h(
          'span',
          { class: 'r-who' },
          r.students.length ? r.students.map(n => `${n}${r.connected.includes(n) ? '' : ' (away)'}`).join(', ') : r.role === 'lead' ? 'the computer, unless a student sits here' : '—',
        ),
      ),
    ),
  );
}

function seatChoices(info: RoomInfo, choose: (seat: string) => void): HTMLElement {
  const free = info.roster.filter(r => !r.students.length);
  const list = free.length ? free : info.roster;
  return h(
    'fieldset',
    { class: 'seat-choices' },
    h('legend', { class: 'visually-hidden' }, 'Seats'),
    list.map(r => h('label', { class: `side-${r.side}` }, h('input', { type: 'radio', name: 'seat', value: r.seat, onchange: () => choose(r.seat) }), ` ${r.label}`)),
  );
}

/** The server's reasons are clauses ("there is no group …"); shown alone, they are sentences. */
const sentence = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/** "14:05", the hour a line was said, in the student's own time. */
function clockTime(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function fmt(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
