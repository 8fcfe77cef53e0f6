/// <reference types="vite/client" />
// Browser entry: the title screen first (plain DOM, so it shows at once), then the new-game screen
// and the game. Phaser, the scenarios and the validator load on demand.
import '@fontsource/old-standard-tt/400.css';
import '@fontsource/old-standard-tt/700.css';
import '@fontsource/old-standard-tt/400-italic.css';
import '@fontsource/playfair-display/700.css';
import '@fontsource/oswald/500.css';
import '@fontsource/special-elite/400.css';
import './ui/styles.css';
import { readDisplay, writeDisplay } from './app/display';
import { Match, type MatchOptions, type MatchSetup } from './app/match';
import { saveScenario } from './app/saveFile';
import { loadScenario, needsRoles } from './app/scenarios';
import { browserKV, forgetGame, listGames, readGame, storagePort } from './app/storage';
import { inProcessAi, workerAi } from './app/transport';
import { branchLink } from './app/watch/links';
import { makeAudio } from './audio/index';
import { parseSaveText } from './engine/index';
import type { Scenario } from './scenario/schema';
import { releasingWebGlProbes } from './ui/board/webglRelease';
import { showClassSetup } from './ui/dom/classSetup';
import { openDialog } from './ui/dom/dialog';
import { type GameDeps, GameScreen } from './ui/dom/game';
import { h } from './ui/dom/h';
import { helpDialog } from './ui/dom/info';
import { showSetup, showTitle } from './ui/dom/title';
import { loadMinusFace } from './ui/signs';

/** Why a class game has no Save or Load: the server keeps it. */
const CLASS_FILES = 'The classroom server keeps this game; your teacher has it.';
const root = document.getElementById('app')!;
void loadMinusFace();
const BOARD_FONTS = ['13px "Old Standard TT"', 'bold 13px "Old Standard TT"', 'italic 13px "Old Standard TT"', 'bold 13px "Playfair Display"', '500 13px Oswald', '13px "Special Elite"'];
const kv = browserKV();
const audio = makeAudio(kv);
let current: GameScreen | null = null;
/** The history screen on show, if any (history mode loads on demand). */
let watching: { destroy(): void } | null = null;
const display = readDisplay(kv);
const reducedMotion = () => display.reducedMotion || matchMedia('(prefers-reduced-motion: reduce)').matches;
document.documentElement.classList.toggle('reduce-motion', reducedMotion());

function title(message?: { error: boolean; text: string }): void {
  current?.destroy();
  current = null;
  watching?.destroy();
  watching = null;
  audio.music('title', 'calm');
  showTitle(
    root,
    listGames(kv),
    {
      newGame: () => void showSetup(root, { start: setup => void startNew(setup), back: () => title() }),
      classroom: () => void showClassSetup(root, { start: setup => void startNew(setup), back: () => title() }),
      resume: id => void resume(id),
      loadFile: file => void loadFile(file),
      settings: () => settings(),
      help: () => helpDialog(),
      history: () => void history(),
      replay: id => void replayGame(id),
    },
    message,
  );
}

/** The match's ports in the browser: computer players in a Web Worker, autosave to this game's slot. */
const matchOptions = (sc: Scenario, id: string): MatchOptions => ({
  ai: typeof Worker === 'function' ? workerAi : inProcessAi,
  store: storagePort(kv, id, sc.title),
});

async function startNew(setup: MatchSetup): Promise<void> {
  const r = await loadScenario(setup.scenario, { roles: !!setup.classroom });
  if (!r.ok) return title({ error: true, text: r.error });
  const id = newGameId(setup.seed);
  const m = Match.create(r.value, setup, matchOptions(r.value, id));
  if (!m.ok) return title({ error: true, text: m.error });
  play(m.value, id);
}

const newGameId = (seed: string) => `${Date.now().toString(36)}-${seed.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}`;

async function resume(id: string): Promise<void> {
  const data = readGame(kv, id);
  const r = await restore(data, id);
  if (!r.ok) {
    // A stored game that no longer loads (a new scenario version, say) is kept, not deleted: the player may save it to a file.
    return title({ error: true, text: `That game cannot be resumed: ${r.error}` });
  }
  if (r.value.loadNotice) await loadNotice(`${r.value.loadNotice} The stored game is kept as it was; this one is stored beside it.`);
  // A branch of a history tree goes on writing its moves into its branch.
  const link = branchLink(kv, id);
  if (link) await (await historyModule()).resumed(r.value, link);
  play(r.value, r.slot);
}

/** Tells the person how a save of an earlier scenario version was taken, and waits until they have read it. */
function loadNotice(text: string): Promise<void> {
  return new Promise(resolve => {
    const d = openDialog(
      { title: 'A save from an earlier version', className: 'load-notice', onClose: resolve },
      h('p', null, text),
      h('div', { class: 'dialog-actions' }, h('button', { class: 'btn primary continue', type: 'button', onclick: () => d.close() }, 'Play on')),
    );
  });
}

/** A match from a save; it stores nothing until it starts, so a refused file changes nothing. */
async function restore(data: unknown, id: string): Promise<{ ok: true; value: Match; slot: string } | { ok: false; error: string }> {
  const scId = saveScenario(data);
  if (!scId.ok) return scId;
  const sc = await loadScenario(scId.value, { roles: needsRoles(data) });
  if (!sc.ok) return sc;
  // A save of an earlier scenario version goes on in a slot of its own: the one it came from stays as it was.
  const made = (data as { scenarioVersion?: unknown }).scenarioVersion;
  const seed = (data as { seed?: unknown }).seed;
  const slot = made === sc.value.version ? id : newGameId(typeof seed === 'string' ? seed : 'file');
  const m = await Match.restore(sc.value, data, matchOptions(sc.value, slot));
  return m.ok ? { ok: true, value: m.value, slot } : m;
}

/** Load a save file. A bad or foreign file is refused with the reason; nothing stored is touched. */
async function loadFile(file: File): Promise<void> {
  const parsed = parseSaveText(await file.text());
  if (!parsed.ok) return refuse(`${file.name} is ${parsed.error}.`);
  const data = parsed.value;
  const seed = (data as { seed?: unknown } | null)?.seed;
  const id = newGameId(typeof seed === 'string' ? seed : 'file');
  const r = await restore(data, id);
  if (!r.ok) return refuse(`${file.name} was not loaded: ${r.error}.`);
  if (r.value.loadNotice) await loadNotice(`${r.value.loadNotice} ${file.name} itself is unchanged.`);
  play(r.value, r.slot);
}

function refuse(text: string): void {
  if (current) current.showError(`${text} Your current game is unchanged.`, 'Not loaded');
  else title({ error: true, text });
}

// ---- history mode ---------------------------------------------------------------------------------

let historyMode: import('./ui/dom/history/index').HistoryMode | null = null;

/** History mode, loaded on demand: pick a scenario, then watch its history. */
async function history(): Promise<void> {
  const mode = await historyModule();
  watching = mode;
  const hm = await import('./ui/dom/history/index');
  await hm.pickScenario(id => void mode.watch(id));
}

/** A saved game watched turn by turn, to branch from any of its moves. */
async function replayGame(id: string): Promise<void> {
  const mode = await historyModule();
  watching = mode;
  await mode.watchGame(readGame(kv, id));
}

async function historyModule(): Promise<import('./ui/dom/history/index').HistoryMode> {
  const hm = await import('./ui/dom/history/index');
  historyMode ??= new hm.HistoryMode({
    root,
    kv,
    letterKeys: () => display.letterKeys,
    exit: message => title(message),
    restore: (save, id) => restore(save, id),
    play: (m, id) => {
      watching = null;
      play(m, id);
    },
    leaveGame: () => {
      current?.destroy();
      current = null;
      watching = historyMode;
    },
  });
  return historyMode;
}

/** What a game screen needs from this page, whatever holds its match. */
const screenDeps = (rest: Pick<GameDeps, 'exit' | 'saveToFile' | 'loadFromFile' | 'noFiles' | 'endExtras' | 'decidedBy' | 'history' | 'draftKey' | 'leaveNote'>): GameDeps => ({
  audio,
  reducedMotion: reducedMotion(),
  loadBoard: async (parent, cb, rm) => {
    // Canvas text is measured when drawn: the faces must be loaded first, or it is fitted to a fallback font.
    await Promise.all([...BOARD_FONTS.map(f => document.fonts.load(f).catch(() => [])), loadMinusFace()]);
    // Phaser's own WebGL test context is freed now, not by a garbage collection while the computer thinks.
    return (await releasingWebGlProbes(() => import('./ui/board/boardGame'))).startBoard(parent, cb, rm);
  },
  settings: () => settings(),
  letterKeys: () => display.letterKeys,
  ...rest,
});

/** Show a match kept in the browser's slot `id`. */
function play(m: Match, id: string): void {
  current?.destroy();
  // Undo and Branch here… (history mode, loaded when first used); not in a classroom game, which keeps its record.
  const history: GameDeps['history'] = m.classroom
    ? undefined
    : {
        undo: async () => (await historyModule()).undoInGame(m, id, screen.seat),
        branch: async () => (await historyModule()).branchInGame(m, id, screen.seat),
        undoRefusal: async () => (await historyModule()).undoRefusal(m, screen.seat),
      };
  const screen = new GameScreen(
    root,
    m,
    screenDeps({
      exit: () => title(),
      saveToFile: () => saveToFile(m),
      loadFromFile: file => void loadFile(file),
      endExtras: () => endExtras(m),
      // A branch's game (history mode's, or a save of one) keeps where its own play began.
      decidedBy: () => m.decidedBy(),
      history,
      draftKey: `game/${id}/${m.seed}`,
    }),
  );
  current = screen;
  // The match stores the game as it starts, so even one left before its first move can be resumed.
  screen.start().catch((e: unknown) => screen.showError(`The game stopped on an error: ${e instanceof Error ? e.message : String(e)}. Your game is saved up to the last move.`));
}

/**
 * The end dialog's way onto the timeline tree (not for a classroom game). History mode is loaded
 * when first used, so in a page that has not used it yet its part is filled in once it has loaded.
 */
function endExtras(m: Match): HTMLElement | null {
  if (m.classroom) return null;
  if (historyMode) return historyMode.endExtras(m);
  const slot = h('div', { class: 'against-pending' });
  historyModule().then(
    mode => slot.replaceWith(mode.endExtras(m) ?? ''),
    () => slot.remove(),
  );
  return slot;
}

function saveToFile(m: Match): void {
  const save = m.save();
  const me = m.humans[0] ?? 'britain';
  const name = `${m.sc.id}-${me}-seed${m.seed}-turn${m.view(me).turn + 1}.save.json`;
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(save, null, 1)}\n`], { type: 'application/json' }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  // Said where it can be seen: a download otherwise goes by with no word.
  current?.notify(`Game saved, turn ${m.view(me).turn + 1}: ${name} is in your browser's downloads. To play on from it later, choose Load.`);
}

function settings(): void {
  const vol = h('input', { type: 'range', min: 0, max: 100, step: 5, value: Math.round(audio.volume() * 100), id: 'volume' });
  vol.addEventListener('input', () => audio.setVolume(Number(vol.value) / 100));
  const mute = h('input', { type: 'checkbox', id: 'mute', checked: audio.muted() });
  mute.addEventListener('change', () => {
    audio.setMuted(mute.checked);
    // The bar's Sound button says "Sound off" while muted.
    current?.settingsChanged();
  });
  const muteText = () => ` Mute all sound${display.letterKeys ? ' (M)' : ''}`;
  const muteLabel = h('label', { for: 'mute' }, muteText());
  const motion = h('input', { type: 'checkbox', id: 'motion', checked: display.reducedMotion });
  motion.addEventListener('change', () => {
    display.reducedMotion = motion.checked;
    writeDisplay(kv, display);
    document.documentElement.classList.toggle('reduce-motion', reducedMotion());
  });
  const letters = h('input', { type: 'checkbox', id: 'letter-keys', checked: display.letterKeys });
  letters.addEventListener('change', () => {
    display.letterKeys = letters.checked;
    writeDisplay(kv, display);
    // Every hint of the keys follows at once: this dialog's, and the game's behind it.
    muteLabel.textContent = muteText();
    current?.settingsChanged();
  });
  openDialog(
    { title: 'Sound and display', className: 'settings' },
    h('p', null, h('label', { for: 'volume' }, 'Volume '), vol),
    h('p', null, mute, muteLabel),
    h('p', null, motion, h('label', { for: 'motion' }, ' Reduce motion (also follows your system setting)')),
    h('p', null, letters, h('label', { for: 'letter-keys' }, ' Single-key shortcuts (O, N, R, G, W, C, S, M, ? and 1-9 in a decision)')),
    h('p', { class: 'help' }, 'These settings are remembered in this browser.'),
  );
}

/** The classroom: `?join` (or `?join=CODE`) is a student's page, `?class` the teacher's console; both need the classroom server. */
async function classroom(params: URLSearchParams): Promise<boolean> {
  if (params.has('class')) {
    await (await import('./class/console')).showConsole(root);
    return true;
  }
  if (!params.has('join')) return false;
  const { showStudent } = await import('./class/student');
  await showStudent(
    root,
    {
      play: (parent, m, exit, draftKey, leaveNote) => {
        current?.destroy();
        const note = (text: string) => screen.announce(text);
        const screen = new GameScreen(
          parent,
          m,
          screenDeps({
            exit,
            saveToFile: () => note(CLASS_FILES),
            loadFromFile: () => note('A saved game cannot be loaded into a class game.'),
            noFiles: CLASS_FILES,
            draftKey,
            leaveNote,
          }),
        );
        current = screen;
        screen.start().catch((e: unknown) => screen.showError(`The game stopped on an error: ${e instanceof Error ? e.message : String(e)}. Reload the page to take your seat back.`));
        return screen;
      },
      exit: () => {
        window.history.replaceState(null, '', location.pathname);
        title();
      },
    },
    (params.get('join') ?? '').toUpperCase(),
  );
  return true;
}

const params = new URLSearchParams(location.search);
const classPage = await classroom(params).catch((e: unknown) => {
  title({ error: true, text: `The classroom page could not open: ${e instanceof Error ? e.message : String(e)}` });
  return true;
});
if (!classPage) title();
performance.mark('title-shown');
// Expose a little for the browser tests and the curious, never used by the game itself.
Object.assign(window, { __asd: { forgetGame: (id: string) => forgetGame(kv, id), listGames: () => listGames(kv) } });
