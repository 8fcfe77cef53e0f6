// Where games and settings live between visits: the browser's localStorage, behind a small
// interface so Node tests can use a map. Every game has its own slot, so starting a new game never
// overwrites another; the list keeps the most recent few.
import { longDate } from '../engine/index';
import type { SavePort } from './match';
import type { AppSave } from './saveFile';

export interface KV {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
}

export interface SavedGame {
  id: string;
  scenario: string;
  title: string;
  sides: AppSave['app']['sides'];
  seed: string;
  date: string;
  turn: number;
  updated: number;
  ended: boolean;
}

const INDEX = 'asd.games';
const slot = (id: string) => `asd.game.${id}`;
/** Games kept; the oldest beyond this are dropped. */
export const KEEP_GAMES = 8;

export function listGames(kv: KV): SavedGame[] {
  try {
    const x = JSON.parse(kv.getItem(INDEX) ?? '[]') as unknown;
    return Array.isArray(x) ? (x as SavedGame[]).filter(g => typeof g?.id === 'string' && kv.getItem(slot(g.id)) !== null) : [];
  } catch {
    return [];
  }
}

/** Store a game's save in its slot and move it to the top of the list. Returns an error text if the browser refused. */
export function storeGame(kv: KV, meta: SavedGame, save: AppSave): string | null {
  try {
    kv.setItem(slot(meta.id), JSON.stringify(save));
    const games = [meta, ...listGames(kv).filter(g => g.id !== meta.id)];
    for (const old of games.splice(KEEP_GAMES)) kv.removeItem(slot(old.id));
    kv.setItem(INDEX, JSON.stringify(games));
    return null;
  } catch (e) {
    return `the browser would not store the game (${(e as Error).message}); save it to a file`;
  }
}

/** A stored game's save, parsed; null if missing or unreadable. */
export function readGame(kv: KV, id: string): unknown {
  try {
    return JSON.parse(kv.getItem(slot(id)) ?? 'null');
  } catch {
    return null;
  }
}

export function forgetGame(kv: KV, id: string): void {
  kv.removeItem(slot(id));
  try {
    kv.setItem(INDEX, JSON.stringify(listGames(kv).filter(g => g.id !== id)));
  } catch {
    /* the list is rebuilt from the slots next time */
  }
}

/** A map-backed KV for tests and for browsers that refuse storage. */
export class MemoryKV implements KV {
  private m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

/** localStorage if the browser allows it, else memory (the game still plays; it just will not survive a reload). */
export function browserKV(): KV {
  try {
    const t = '__asd_probe__';
    localStorage.setItem(t, t);
    localStorage.removeItem(t);
    return localStorage;
  } catch {
    return new MemoryKV();
  }
}

/** The match's storage port for one game's slot: the save, and the line the title screen lists. */
export function storagePort(kv: KV, id: string, title: string, now: () => number = Date.now): SavePort {
  return {
    store: (save, at) =>
      storeGame(
        kv,
        {
          id,
          scenario: save.scenario,
          title,
          sides: save.app.sides,
          seed: save.seed,
          date: longDate(at.day),
          turn: at.turn,
          updated: now(),
          ended: at.ended,
        },
        save,
      ),
  };
}
