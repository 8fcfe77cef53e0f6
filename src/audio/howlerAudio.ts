/// <reference types="vite/client" />
// The AudioPort through Howler. Howls are made on first use; music loops crossfade when the side
// or mood changes and carry on untouched when the same loop is asked for again. Browsers allow
// sound only after a user gesture: until the page's first one nothing touches Howler (its first
// call makes the AudioContext, which the browser refuses and warns about: "The AudioContext was not
// allowed to start"); the wanted loop is remembered and a cue of the moment kept, and both play at
// the gesture. Where the browser still holds the sound back after it, the loop starts when Howler
// reports the unlock. Nothing here throws: without audio it is silent.
import { Howl, Howler } from 'howler';
import type { AudioPort, Cue, Mood, MusicSide } from './audio';
import { AudioSettingsStore, browserStorage, clampVolume } from './settings';
import { audioPaths, CUE_FILES, CUE_GAIN, MUSIC_FILES, MUSIC_GAIN, type MusicTrack, musicTrack } from './tracks';

export { allAudioPaths, CUE_FILES, MUSIC_FILES } from './tracks';

/** Crossfade between loops, and the fade when the music stops, in ms. */
export const CROSSFADE_MS = 1500;
export const STOP_FADE_MS = 900;

/** The part of a Howl this module uses (one per file). */
export interface SoundLike {
  /** Starts a new playback and returns its id. */
  play(): number;
  stop(id: number): void;
  fade(from: number, to: number, ms: number, id: number): void;
  getVolume(id: number): number;
  /** Howl events: 'fade' (per id), 'unlock', 'playerror', 'loaderror'. */
  once(event: 'fade' | 'unlock' | 'playerror' | 'loaderror', fn: () => void, id?: number): void;
}

export interface SoundOptions {
  src: string[];
  loop: boolean;
  /** Initial volume of every playback. */
  volume: number;
}

/** What the implementation needs from Howler; tests hand in fakes. */
export interface HowlerBackend {
  available(): boolean;
  createSound(o: SoundOptions): SoundLike;
  setMasterVolume(v: number): void;
  setMasterMute(m: boolean): void;
  /** True while the browser has not yet allowed audio (no user gesture yet). */
  locked(): boolean;
}

interface HowlerInternals {
  state?: string;
  _audioUnlocked?: boolean;
}

/** The real backend. */
export function howlerBackend(): HowlerBackend {
  return {
    available: () => !Howler.noAudio,
    createSound(o) {
      const h = new Howl({ src: o.src, loop: o.loop, volume: o.volume, preload: true });
      return {
        play: () => h.play(),
        stop: id => void h.stop(id),
        fade: (from, to, ms, id) => void h.fade(from, to, ms, id),
        getVolume: id => {
          const v = h.volume(id) as unknown;
          return typeof v === 'number' ? v : 0;
        },
        once: (event, fn, id) => void h.once(event, fn, id),
      };
    },
    setMasterVolume: v => void Howler.volume(v),
    setMasterMute: m => void Howler.mute(m),
    locked() {
      if (!Howler.usingWebAudio || !Howler.ctx) return false;
      const h = Howler as unknown as HowlerInternals;
      return h._audioUnlocked === false && Howler.ctx.state !== 'running';
    },
  };
}

interface Playback {
  id: number;
  fadingOut: boolean;
  /** Bumped on every fade so that a stale 'fade' end does not stop a revived loop. */
  token: number;
}

/** The page's first user gesture, the one after which a browser lets sound start. */
export interface GestureGate {
  /** Whether it has come. */
  passed(): boolean;
  /** Calls `fn` once, when it comes (at once if it has). */
  then(fn: () => void): void;
}

/** The presses and keys by which a browser lets sound start (what Howler itself listens for, and a pointer's press). */
const GESTURES = ['pointerdown', 'touchend', 'click', 'keydown'] as const;

/**
 * The browser's first gesture: a trusted press or key that gave the page its user activation (a
 * script's click is not one). With no page (tests under Node), it has passed.
 */
export function firstGesture(): GestureGate {
  if (typeof window === 'undefined' || typeof document === 'undefined') return { passed: () => true, then: fn => fn() };
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  let passed = activation?.hasBeenActive ?? false;
  const waiting: (() => void)[] = [];
  const on = (e: Event) => {
    if (passed || !e.isTrusted || (activation && !activation.hasBeenActive)) return;
    passed = true;
    for (const t of GESTURES) window.removeEventListener(t, on, true);
    for (const fn of waiting.splice(0)) fn();
  };
  if (!passed) for (const t of GESTURES) window.addEventListener(t, on, true);
  return {
    passed: () => passed,
    then: fn => (passed ? fn() : void waiting.push(fn)),
  };
}

/** How long a cue asked for before the first gesture stays worth playing at it, in ms: later, it would no longer go with what is on screen. */
export const EARLY_CUE_MS = 3000;

export interface HowlerAudioOptions {
  backend?: HowlerBackend;
  /** The first user gesture, before which Howler is not touched (default: the page's, firstGesture()). */
  gate?: GestureGate;
  /** A clock in ms, for how old a cue kept for the gesture is (default performance.now). */
  now?: () => number;
  settings?: AudioSettingsStore | null;
  /** Where the public directory is served, ending in '/'. Default: Vite's BASE_URL. */
  baseUrl?: string;
  /** Timer used for the stop that backs up Howler's 'fade' event (tests may pass a fake). */
  setTimer?: (fn: () => void, ms: number) => unknown;
}

function defaultBase(): string {
  try {
    const b = import.meta.env?.BASE_URL;
    return typeof b === 'string' && b !== '' ? b : '/';
  } catch {
    return '/';
  }
}

export class HowlerAudio implements AudioPort {
  private readonly backend: HowlerBackend;
  private readonly settings: AudioSettingsStore | null;
  private readonly base: string;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly sounds = new Map<string, SoundLike>();
  private readonly playing = new Map<MusicTrack, Playback>();
  private wanted: MusicTrack | null = null;
  private waitingForUnlock = false;
  private vol: number;
  private mute: boolean;
  private readonly gate: GestureGate;
  private readonly now: () => number;
  /** The first gesture has come: Howler may be used. */
  private awake = false;
  /** The cues were asked to load before the gesture. */
  private preloadWanted = false;
  /** The last cue asked for before the gesture, and when. */
  private earlyCue: { cue: Cue; at: number } | null = null;

  constructor(o: HowlerAudioOptions = {}) {
    this.backend = o.backend ?? howlerBackend();
    this.settings = o.settings === undefined ? new AudioSettingsStore(browserStorage()) : o.settings;
    this.base = o.baseUrl ?? defaultBase();
    this.setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    const s = this.settings?.load() ?? { volume: 0.7, muted: false };
    this.vol = clampVolume(s.volume);
    this.mute = s.muted;
    this.gate = o.gate ?? firstGesture();
    this.now = o.now ?? (() => performance.now());
    this.gate.then(() => this.wake());
  }

  /** The first gesture came: Howler gets the settings, the cues load, the wanted loop starts and a cue of the moment plays. */
  private wake(): void {
    this.awake = true;
    this.safe(() => {
      this.backend.setMasterVolume(this.vol);
      this.backend.setMasterMute(this.mute);
    });
    if (this.preloadWanted) this.preloadCues();
    if (this.wanted && this.backend.available()) this.safe(() => this.startWanted(CROSSFADE_MS));
    const early = this.earlyCue;
    this.earlyCue = null;
    if (early && this.now() - early.at <= EARLY_CUE_MS) this.cue(early.cue);
  }

  cue(c: Cue): void {
    if (!this.awake) {
      this.earlyCue = { cue: c, at: this.now() };
      return;
    }
    this.safe(() => {
      if (!this.backend.available() || this.backend.locked()) return;
      const stem = CUE_FILES[c];
      if (!stem) return;
      this.sound(stem, false, CUE_GAIN[c]).play();
    });
  }

  music(side: MusicSide, mood: Mood): void {
    this.safe(() => {
      const track = musicTrack(side, mood);
      if (!MUSIC_FILES[track]) return;
      if (this.wanted === track) {
        const p = this.playing.get(track);
        if (this.waitingForUnlock || (p && !p.fadingOut)) return; // the same loop carries on
      }
      const before = this.wanted;
      this.wanted = track;
      if (before && before !== track) this.fadeOut(before, CROSSFADE_MS);
      if (!this.backend.available()) return;
      this.startWanted(CROSSFADE_MS);
    });
  }

  stopMusic(): void {
    this.safe(() => {
      const before = this.wanted;
      this.wanted = null;
      if (before) this.fadeOut(before, STOP_FADE_MS);
    });
  }

  setVolume(v: number): void {
    this.vol = clampVolume(v);
    if (this.awake) this.safe(() => this.backend.setMasterVolume(this.vol));
    this.settings?.save({ volume: this.vol, muted: this.mute });
  }

  volume(): number {
    return this.vol;
  }

  setMuted(m: boolean): void {
    this.mute = m === true;
    if (this.awake) this.safe(() => this.backend.setMasterMute(this.mute));
    this.settings?.save({ volume: this.vol, muted: this.mute });
  }

  muted(): boolean {
    return this.mute;
  }

  /** The loop asked for last (playing, or waiting for the first user gesture), or null. */
  currentTrack(): MusicTrack | null {
    return this.wanted;
  }

  /** Make the cue Howls now so the first cues are not late (each file loads once). */
  preloadCues(): void {
    if (!this.awake) {
      this.preloadWanted = true;
      return;
    }
    this.safe(() => {
      if (!this.backend.available()) return;
      for (const c of Object.keys(CUE_FILES) as Cue[]) this.sound(CUE_FILES[c], false, CUE_GAIN[c]);
    });
  }

  private safe(fn: () => void): void {
    try {
      fn();
    } catch {
      // Audio is a nicety: a failing browser API must never stop the game.
    }
  }

  private sound(stem: string, loop: boolean, volume: number): SoundLike {
    let s = this.sounds.get(stem);
    if (!s) {
      s = this.backend.createSound({ src: audioPaths(stem).map(p => this.base + p), loop, volume });
      s.once('loaderror', () => this.sounds.delete(stem)); // try again next time rather than never
      this.sounds.set(stem, s);
    }
    return s;
  }

  private musicSound(track: MusicTrack): SoundLike {
    return this.sound(MUSIC_FILES[track], true, 0);
  }

  private startWanted(fadeMs: number): void {
    const track = this.wanted;
    // Before the first gesture the loop is only remembered: wake() starts it.
    if (!track || !this.awake) return;
    const sound = this.musicSound(track);
    if (this.backend.locked()) {
      if (!this.waitingForUnlock) {
        this.waitingForUnlock = true;
        sound.once('unlock', () => this.onUnlock());
      }
      return;
    }
    const p = this.playing.get(track);
    if (p) {
      if (!p.fadingOut) return;
      // Asked for again while fading out: fade it back up rather than start it twice.
      p.fadingOut = false;
      p.token++;
      sound.fade(sound.getVolume(p.id), MUSIC_GAIN, fadeMs, p.id);
      return;
    }
    const id = sound.play();
    this.playing.set(track, { id, fadingOut: false, token: 0 });
    sound.fade(0, MUSIC_GAIN, fadeMs, id);
    sound.once('playerror', () => {
      // HTML5 Audio refused to start before a gesture: start it again once unlocked.
      if (this.playing.get(track)?.id === id) this.playing.delete(track);
      if (!this.waitingForUnlock) {
        this.waitingForUnlock = true;
        sound.once('unlock', () => this.onUnlock());
      }
    });
  }

  private onUnlock(): void {
    this.safe(() => {
      this.waitingForUnlock = false;
      this.startWanted(STOP_FADE_MS);
    });
  }

  private fadeOut(track: MusicTrack, ms: number): void {
    const p = this.playing.get(track);
    if (!p || p.fadingOut) return;
    const sound = this.musicSound(track);
    p.fadingOut = true;
    const token = ++p.token;
    const finish = () => {
      if (this.playing.get(track) !== p || !p.fadingOut || p.token !== token) return;
      this.playing.delete(track);
      this.safe(() => sound.stop(p.id));
    };
    sound.fade(sound.getVolume(p.id), 0, ms, p.id);
    sound.once('fade', finish, p.id);
    this.setTimer(finish, ms + 250); // in case Howler never reports the end of the fade
  }
}

/** The Howler port with the browser's settings storage. */
export function createHowlerAudio(o: HowlerAudioOptions = {}): HowlerAudio {
  return new HowlerAudio(o);
}
