// Volume and mute, remembered across reloads. The storage is a two-method interface so that Node
// tests can hand in a Map-backed one; in the browser it is localStorage (when the browser lets us
// use it: private modes and sandboxed frames may throw on access).

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface AudioSettings {
  /** Master volume, 0..1. */
  volume: number;
  muted: boolean;
}

export const AUDIO_SETTINGS_KEY = 'asd.audio';
export const DEFAULT_AUDIO_SETTINGS: Readonly<AudioSettings> = Object.freeze({ volume: 0.7, muted: false });

/** A volume in 0..1: numbers outside are clamped, anything that is not a finite number is the default. */
export function clampVolume(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return DEFAULT_AUDIO_SETTINGS.volume;
  return Math.min(1, Math.max(0, v));
}

/** Reads stored settings; each field that is missing or corrupt falls back to its default. */
export function parseAudioSettings(raw: string | null | undefined): AudioSettings {
  const out: AudioSettings = { ...DEFAULT_AUDIO_SETTINGS };
  if (typeof raw !== 'string' || raw === '') return out;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return out;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return out;
  const rec = data as Record<string, unknown>;
  out.volume = clampVolume(rec.volume);
  if (typeof rec.muted === 'boolean') out.muted = rec.muted;
  return out;
}

export function serializeAudioSettings(s: AudioSettings): string {
  return JSON.stringify({ volume: clampVolume(s.volume), muted: s.muted === true });
}

/** Settings bound to one storage and key. Never throws: a storage that fails acts as empty. */
export class AudioSettingsStore {
  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly key: string = AUDIO_SETTINGS_KEY,
  ) {}

  load(): AudioSettings {
    if (!this.storage) return { ...DEFAULT_AUDIO_SETTINGS };
    try {
      return parseAudioSettings(this.storage.getItem(this.key));
    } catch {
      return { ...DEFAULT_AUDIO_SETTINGS };
    }
  }

  /** Returns false if the storage refused (quota, privacy mode). */
  save(s: AudioSettings): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(this.key, serializeAudioSettings(s));
      return true;
    } catch {
      return false;
    }
  }
}

/** An in-memory storage (tests, and browsers that refuse localStorage). */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: k => data.get(k) ?? null,
    setItem: (k, v) => {
      data.set(k, String(v));
    },
  };
}

/** The browser's localStorage, or null where there is none or it may not be used. */
export function browserStorage(): KeyValueStorage | null {
  try {
    const ls = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    if (!ls || typeof ls.getItem !== 'function' || typeof ls.setItem !== 'function') return null;
    ls.getItem(AUDIO_SETTINGS_KEY); // throws in some sandboxed contexts
    return ls;
  } catch {
    return null;
  }
}
