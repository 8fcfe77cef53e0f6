// Entry point for the UI: one AudioPort for the game.
import type { AudioPort } from './audio';
import { createHowlerAudio } from './howlerAudio';
import { AudioSettingsStore, browserStorage, type KeyValueStorage } from './settings';
import { SilentAudio } from './silentAudio';

export type { AudioPort, Cue, Mood, MusicSide } from './audio';
export { SilentAudio } from './silentAudio';

/**
 * Howler where the browser has audio; otherwise a silent port that still keeps the settings.
 * `storage` is where volume and mute are remembered (default: localStorage, if usable).
 */
export function makeAudio(storage?: KeyValueStorage | null): AudioPort {
  const settings = new AudioSettingsStore(storage === undefined ? browserStorage() : storage);
  try {
    if (typeof window === 'undefined') return new SilentAudio(settings);
    const port = createHowlerAudio({ settings });
    port.preloadCues();
    return port;
  } catch {
    return new SilentAudio(settings);
  }
}

/** Same as makeAudio() with the browser's own storage. */
export const createAudio = (): AudioPort => makeAudio();
