// The title screen and the new-game screen: scenario with its period briefing, side and lead,
// opponent (the computer, or a second person at this screen) and seed. The computer can play as
// the persona, as history, or thinking ahead (the search player, at a strength from 1 to 4), and
// is held to history by the fidelity dial (1 free, 0 follows history; ai/fidelity.ts).

import { fidelityIdle, parsePlayerName, withFidelityName } from '../../ai/names';
import { goalsModel } from '../../app/goals';
import { sightRule } from '../../app/history/sight';
import type { MatchSetup } from '../../app/match';
import { fidelityWords, playerText } from '../../app/playerWords';
import { loadScenario, SCENARIO_IDS } from '../../app/scenarios';
import type { SavedGame } from '../../app/storage';
import { compile, type Side, sideInSentence } from '../../engine/index';
import { other } from '../../engine/vocab';
import type { Scenario } from '../../scenario/schema';
import { goalsList } from './goals';
import { fill, h, paras } from './h';
import { OPPONENT_SUBS, OPPONENT_TITLES, type OpponentKind, opponentChoice, opponentName, strengthControl } from './opponents';

export interface TitleActions {
  newGame(): void;
  /** A classroom game with roles, passed around one screen. */
  classroom(): void;
  resume(id: string): void;
  loadFile(file: File): void;
  settings(): void;
  help(): void;
  /** History mode: watch what happened, see what each side knew, branch off it. */
  history?(): void;
  /** Watch a saved game turn by turn and branch from any of its moves. */
  replay?(id: string): void;
}

/** The sides' names in every scenario (a saved game's own scenario is not loaded for the title screen's list). */
const SIDE_NAMES = { sides: { britain: { name: 'Britain' }, ussr: { name: 'Soviet Union' } } } as const;

/** A saved game's opponent as the new-game screen named it (strength and fidelity added); other players as playerText words them. */
export function opponentText(name: string): string {
  if (name === 'human') return 'a second person';
  const [who = '', fid] = name.split('@');
  const level = /^search:(\d+)$/.exec(who);
  const title = level ? `${OPPONENT_TITLES.search}, strength ${level[1]}` : (OPPONENT_TITLES as Record<string, string>)[who];
  // Said inside brackets on the title screen: no brackets of its own.
  return title ? title.charAt(0).toLowerCase() + title.slice(1) + fidelityWords(fid, false) : playerText(name);
}

/** Who played a saved game: "as the Soviet Union against the computer, thinking ahead, strength 2", or "two players". */
export function describeSides(g: Pick<SavedGame, 'sides'>): string {
  if (g.sides.britain === 'human' && g.sides.ussr === 'human') return 'two players';
  const me: Side = g.sides.britain === 'human' ? 'britain' : 'ussr';
  return `as ${sideInSentence(SIDE_NAMES, me)} against ${opponentText(g.sides[other(me)])}`;
}

/** Whether a saved game may be watched turn by turn now: not one two people are still playing (history/sight.ts). */
const watchable = (g: SavedGame): boolean => sightRule(g.sides, g.ended).refused === null;

export function showTitle(root: HTMLElement, games: SavedGame[], act: TitleActions, message?: { error: boolean; text: string }): void {
  const latest = games[0];
  // Reached through the Load button only: hidden, it must be no Tab stop of its own.
  const file = h('input', { type: 'file', accept: '.json,application/json', class: 'visually-hidden', id: 'load-file', tabindex: '-1', 'aria-hidden': 'true' });
  file.addEventListener('change', () => {
    if (file.files?.[0]) act.loadFile(file.files[0]);
    file.value = '';
  });
  const menu = h(
    'nav',
    { class: 'title-menu', 'aria-label': 'Main menu' },
    latest
      ? h(
          'button',
          { class: 'btn primary', type: 'button', 'data-action': 'continue', onclick: () => act.resume(latest.id) },
          'Continue',
          h('span', { class: 'btn-sub' }, `${latest.title}, ${latest.date} (${describeSides(latest)})`),
        )
      : null,
    latest && act.replay && watchable(latest)
      ? h('button', { class: 'link-btn', type: 'button', 'data-action': 'replay-latest', onclick: () => act.replay?.(latest.id) }, 'or watch it turn by turn and branch from any move')
      : null,
    h('button', { class: `btn ${latest ? '' : 'primary'}`, type: 'button', 'data-action': 'new', onclick: () => act.newGame() }, 'New game'),
    h('button', { class: 'btn', type: 'button', 'data-action': 'classroom', onclick: () => act.classroom() }, 'Classroom: pass and play'),
    h('button', { class: 'btn', type: 'button', 'data-action': 'load', onclick: () => file.click() }, 'Load a save file…'),
    act.history ? h('button', { class: 'btn', type: 'button', 'data-action': 'history', onclick: () => act.history?.() }, 'History: watch and branch…') : null,
    // Two short ones side by side: a row saved, so a returning player's menu fits a 900 x 700 window.
    h(
      'div',
      { class: 'title-menu-pair' },
      h('button', { class: 'btn', type: 'button', onclick: () => act.help() }, 'How to play'),
      h('button', { class: 'btn', type: 'button', onclick: () => act.settings() }, 'Sound and display'),
    ),
    file,
  );
  const others = games.slice(1);
  fill(
    root,
    h(
      'main',
      { class: 'title-screen' },
      h('div', { class: 'poster', 'aria-hidden': 'true' }, posterArt()),
      h(
        'section',
        { class: 'title-card' },
        h('p', { class: 'kicker' }, 'A game of two cabinets'),
        h('h1', null, 'Anglo-Soviet Diplomacy', h('span', { class: 'years' }, '1927 – 1932')),
        h('p', { class: 'tagline' }, 'Chamberlain and Litvinov, one negotiation, and the incidents neither controls. Every move abroad must survive at home.'),
        message ? h('p', { class: message.error ? 'notice error' : 'notice', role: message.error ? 'alert' : 'status' }, message.text) : null,
        menu,
        others.length
          ? h(
              'section',
              { class: 'saved-games', 'aria-label': 'Other saved games' },
              h('h2', null, 'Other games in this browser'),
              h(
                'ul',
                null,
                others.map(g =>
                  h(
                    'li',
                    null,
                    h('button', { class: 'link-btn', type: 'button', onclick: () => act.resume(g.id) }, `${g.title}, ${g.date} (${describeSides(g)})${g.ended ? ' — finished' : ''}`),
                    act.replay && watchable(g) ? [' · ', h('button', { class: 'link-btn', type: 'button', 'data-action': 'replay', onclick: () => act.replay?.(g.id) }, 'watch and branch')] : null,
                  ),
                ),
              ),
            )
          : null,
      ),
    ),
  );
  root.querySelector<HTMLElement>('.title-menu .btn')?.focus();
}

/** The title poster: a Foreign Office navy field against a Soviet red wedge, drawn in SVG. */
function posterArt(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 400 600');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid slice');
  svg.innerHTML = `
    <rect width="400" height="600" fill="#1d3a5f"/>
    <g stroke="#c9d6e6" stroke-opacity="0.18">${Array.from({ length: 30 }, (_, i) => `<line x1="0" y1="${i * 20}" x2="400" y2="${i * 20}"/>`).join('')}</g>
    <polygon points="400,0 400,600 90,600" fill="#a82219"/>
    <polygon points="400,120 400,600 180,600" fill="#8e1c16" opacity="0.6"/>
    <g fill="none" stroke="#f3ecd9" stroke-width="3" opacity="0.9">
      <circle cx="140" cy="210" r="70"/>
      <path d="M140 140 L140 280 M70 210 L210 210"/>
      <path d="M90 160 Q140 200 190 160 M90 260 Q140 220 190 260"/>
    </g>
    <g fill="#f3ecd9">
      <polygon points="300,380 312,414 348,414 319,435 330,470 300,449 270,470 281,435 252,414 288,414"/>
    </g>
    <g stroke="#f3ecd9" stroke-width="2" opacity="0.7">
      <line x1="40" y1="520" x2="360" y2="330"/>
      <line x1="40" y1="530" x2="360" y2="340" stroke-dasharray="8 8"/>
    </g>
    <text x="40" y="80" fill="#f3ecd9" font-family="Playfair Display, Georgia, serif" font-size="26" letter-spacing="3">LONDON</text>
    <text x="360" y="560" fill="#f3ecd9" text-anchor="end" font-family="Oswald, sans-serif" font-size="30" letter-spacing="4">МОСКВА</text>`;
  return svg;
}

export interface SetupActions {
  start(setup: MatchSetup): void;
  back(): void;
}

export function randomSeed(): string {
  return String(Math.floor(Math.random() * 900000) + 100000);
}

/** The new-game screen. Scenarios load while it is drawn; each shows its briefing when chosen. */
export async function showSetup(root: HTMLElement, act: SetupActions, initial?: Partial<MatchSetup>): Promise<void> {
  fill(root, h('main', { class: 'setup-screen' }, h('h1', null, 'New game'), h('p', { role: 'status' }, 'Loading the scenarios…')));
  const loaded = await Promise.all(SCENARIO_IDS.map(async id => ({ id, r: await loadScenario(id) })));
  const scs = loaded.flatMap(x => (x.r.ok ? [x.r.value] : []));
  const errors = loaded.flatMap(x => (x.r.ok ? [] : [x.r.error]));
  let sc: Scenario = scs.find(s => s.id === initial?.scenario) ?? scs[0]!;
  let side: Side = initial?.sides?.ussr === 'human' && initial.sides.britain !== 'human' ? 'ussr' : 'britain';
  // The opponent, the computer's strength (search levels) and its fidelity, from the game set up before if any.
  const theirs = initial?.sides?.[other(side)] ?? 'persona';
  let { kind: opponent, level } = opponentChoice(theirs);
  const before = parsePlayerName(theirs);
  let fidelity = before.ok ? before.value.fidelity : 1;

  const briefing = h('section', { class: 'briefing', 'aria-live': 'polite', 'aria-label': 'Period briefing' });
  // The chosen side's objectives, redrawn when the scenario or the side changes.
  const goals = h('div', { class: 'setup-goals', id: 'setup-goals', 'aria-live': 'polite' });
  const drawGoals = () => {
    const l = leadOf(sc, side);
    fill(goals, goalsList(goalsModel(compile(sc), side), { heading: `Your objectives as ${l ? l.name : sc.sides[side].leadTitle}`, intro: true }));
  };
  const sideBox = h('fieldset', { class: 'choice sides' });
  const seed = h('input', { id: 'seed', name: 'seed', type: 'text', inputmode: 'numeric', value: initial?.seed ?? randomSeed(), size: 12, 'aria-describedby': 'seed-help' });
  const leadOf = (s: Scenario, sd: Side) => s.ministers.find(m => m.id === s.sides[sd].lead);

  const drawBriefing = () => {
    const start = sc.calendar.start,
      end = sc.calendar.end;
    fill(briefing, h('h2', null, sc.title), sc.subtitle ? h('p', { class: 'sub' }, sc.subtitle) : null, h('p', { class: 'dates' }, `${fmtDate(start)} to ${fmtDate(end)}`), ...paras(sc.briefing));
  };
  const drawSides = () => {
    fill(
      sideBox,
      h('legend', null, 'Your side and lead'),
      (['britain', 'ussr'] as Side[]).map(sd => {
        const l = leadOf(sc, sd);
        return h(
          'label',
          { class: `option side-${sd}` },
          h('input', {
            type: 'radio',
            name: 'side',
            value: sd,
            checked: side === sd,
            onchange: () => {
              side = sd;
              drawGoals();
            },
          }),
          h('span', { class: 'option-title' }, sc.sides[sd].name),
          h('span', { class: 'option-sub' }, l ? `${l.name}, ${l.office}` : sc.sides[sd].leadTitle),
        );
      }),
    );
  };
  const scenarioBox = scenarioPicker(scs, sc, 'scenario', s => {
    sc = s;
    drawBriefing();
    drawSides();
    drawGoals();
  });
  const opp = (value: OpponentKind, sub: string) =>
    h(
      'label',
      { class: 'option' },
      h('input', {
        type: 'radio',
        name: 'opponent',
        value,
        checked: opponent === value,
        onchange: () => {
          opponent = value;
          showFidActs();
        },
      }),
      h('span', { class: 'option-title' }, OPPONENT_TITLES[value]),
      h('span', { class: 'option-sub' }, sub),
    );
  const strength = strengthControl('strength', level, l => {
    level = l;
  });
  const fidOut = h('output', { for: 'fidelity', id: 'fidelity-value' });
  const showFid = () => {
    fidOut.textContent = fidelity >= 1 ? '1 (free)' : fidelity <= 0 ? '0 (follows history)' : fidelity.toFixed(2);
  };
  const fid = h('input', {
    id: 'fidelity',
    name: 'fidelity',
    type: 'range',
    min: '0',
    max: '1',
    step: '0.05',
    value: String(fidelity),
    'aria-describedby': 'fidelity-help',
    oninput: (e: Event) => {
      fidelity = Number((e.target as HTMLInputElement).value);
      showFid();
    },
  });
  showFid();
  const FID_HELP =
    'At 0 the computer makes the historical choice at every turn; at 1 it plays freely; in between it keeps to history unless its own move promises more than a margin, which shrinks as the dial rises.';
  const fidHelp = h('p', { id: 'fidelity-help', class: 'help' }, FID_HELP);
  // The dial acts only on a computer player that can leave history (ai/names.ts, fidelityIdle):
  // for a second person or the computer as history it is disabled, and its help says why.
  const idleNow = () => fidelityIdle(opponentName(opponent, level));
  const showFidActs = () => {
    strength.show(opponent === 'search');
    const idle = idleNow();
    (fid as HTMLInputElement).disabled = idle !== null;
    fidOut.hidden = idle !== null;
    fidHelp.textContent = idle === null ? FID_HELP : `Not used with this opponent: ${idle}.`;
    fidHelp.classList.toggle('idle', idle !== null);
  };
  showFidActs();
  const oppBox = h(
    'fieldset',
    { class: 'choice opponents' },
    h('legend', null, 'Opponent'),
    opp('persona', 'plays the other lead to win, with his known leanings'),
    opp('negotiator', OPPONENT_SUBS.negotiator),
    opp('search', OPPONENT_SUBS.search),
    opp('historical', 'takes the historical choice at every turn'),
    opp('hotseat', 'on this screen; a hand-over screen keeps your orders hidden'),
    strength.parts,
    h('div', { class: 'dial' }, h('label', { for: 'fidelity' }, 'Fidelity to history '), fid, fidOut),
    fidHelp,
  );
  drawBriefing();
  drawSides();
  drawGoals();
  const form = h(
    'form',
    {
      class: 'setup-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const s = seed.value.trim() || randomSeed();
        const name = opponentName(opponent, level);
        const sides = { [side]: 'human', [other(side)]: idleNow() === null ? withFidelityName(name, fidelity) : name } as MatchSetup['sides'];
        act.start({ scenario: sc.id, seed: s, sides });
      },
    },
    scenarioBox,
    sideBox,
    oppBox,
    h(
      'fieldset',
      { class: 'choice seed' },
      h('legend', null, 'Game number'),
      h('label', { for: 'seed' }, 'Number of this game '),
      seed,
      h(
        'button',
        {
          type: 'button',
          class: 'btn small',
          onclick: () => {
            seed.value = randomSeed();
          },
        },
        'Another number',
      ),
      h('p', { id: 'seed-help', class: 'help' }, 'The same scenario, game number and choices give the same game, move for move. Share the number to replay a game.'),
    ),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'button', class: 'btn', onclick: () => act.back() }, 'Back'),
      h('button', { type: 'submit', class: 'btn primary', 'data-action': 'start' }, 'Begin'),
    ),
  );
  fill(
    root,
    h(
      'main',
      { class: 'setup-screen' },
      h('h1', null, 'New game'),
      errors.map(e => h('p', { class: 'notice error', role: 'alert' }, e)),
      h('div', { class: 'setup-grid' }, form, h('div', { class: 'setup-side' }, goals, briefing)),
    ),
  );
  scenarioBox.querySelector<HTMLInputElement>('input:checked')?.focus();
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2 May 1927" from an ISO date. */
/** The scenario choice of a new-game screen: one radio per scenario, with its title and dates. */
export function scenarioPicker(scs: readonly Scenario[], selected: Scenario, name: string, pick: (s: Scenario) => void): HTMLElement {
  return h(
    'fieldset',
    { class: 'choice scenarios' },
    h('legend', null, 'Scenario'),
    scs.map(s =>
      h(
        'label',
        { class: 'option' },
        h('input', { type: 'radio', name, value: s.id, checked: s === selected, onchange: () => pick(s) }),
        h('span', { class: 'option-title' }, s.title),
        h('span', { class: 'option-sub' }, `${fmtDate(s.calendar.start)} – ${fmtDate(s.calendar.end)}`),
      ),
    ),
  );
}

export function fmtDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}
