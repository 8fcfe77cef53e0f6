import { describe, expect, it } from 'vitest';
import { CROSSFADE_MS, EARLY_CUE_MS, type GestureGate, HowlerAudio, type HowlerBackend, type SoundLike, type SoundOptions, STOP_FADE_MS } from '../../src/audio/howlerAudio';
import { AUDIO_SETTINGS_KEY, AudioSettingsStore, memoryStorage } from '../../src/audio/settings';
import { MUSIC_GAIN } from '../../src/audio/tracks';

type Ev = 'fade' | 'unlock' | 'playerror' | 'loaderror';

class FakeSound implements SoundLike {
  plays: number[] = [];
  stops: number[] = [];
  fades: { from: number; to: number; ms: number; id: number }[] = [];
  vol = new Map<number, number>();
  private target = new Map<number, number>();
  private listeners: { event: Ev; fn: () => void; id?: number }[] = [];
  private static next = 1;

  constructor(readonly opts: SoundOptions) {}

  play(): number {
    const id = FakeSound.next++;
    this.plays.push(id);
    this.vol.set(id, this.opts.volume);
    return id;
  }
  stop(id: number): void {
    this.stops.push(id);
  }
  fade(from: number, to: number, ms: number, id: number): void {
    // like Howler: a fade in progress is cut short and reports its end
    if (this.target.has(id)) this.finish(id);
    this.fades.push({ from, to, ms, id });
    this.vol.set(id, from);
    this.target.set(id, to);
  }
  getVolume(id: number): number {
    return this.vol.get(id) ?? 0;
  }
  once(event: Ev, fn: () => void, id?: number): void {
    this.listeners.push({ event, fn, id });
  }
  emit(event: Ev, id?: number): void {
    const hit = this.listeners.filter(l => l.event === event && (l.id === undefined || l.id === id));
    this.listeners = this.listeners.filter(l => !hit.includes(l));
    for (const l of hit) l.fn();
  }
  /** The fade on `id` reaches its target. */
  finish(id: number): void {
    const t = this.target.get(id);
    if (t === undefined) return;
    this.target.delete(id);
    this.vol.set(id, t);
    this.emit('fade', id);
  }
  /** Half-way through the fade on `id`. */
  halfway(id: number): void {
    const last = [...this.fades].reverse().find(f => f.id === id)!;
    this.vol.set(id, (last.from + last.to) / 2);
  }
}

class FakeBackend implements HowlerBackend {
  sounds: FakeSound[] = [];
  master: number[] = [];
  mutes: boolean[] = [];
  isLocked = false;
  hasAudio = true;
  available = () => this.hasAudio;
  locked = () => this.isLocked;
  createSound(o: SoundOptions): FakeSound {
    const s = new FakeSound(o);
    this.sounds.push(s);
    return s;
  }
  setMasterVolume(v: number): void {
    this.master.push(v);
  }
  setMasterMute(m: boolean): void {
    this.mutes.push(m);
  }
  sound(stem: string): FakeSound | undefined {
    return this.sounds.find(s => s.opts.src[0]!.includes(`/${stem}.`));
  }
}

/** The page's first gesture, given by the test. */
class FakeGate implements GestureGate {
  private waiting: (() => void)[] = [];
  private done = false;
  passed = () => this.done;
  then(fn: () => void): void {
    if (this.done) fn();
    else this.waiting.push(fn);
  }
  gesture(): void {
    this.done = true;
    for (const fn of this.waiting.splice(0)) fn();
  }
}

function setup(o: { locked?: boolean; storage?: ReturnType<typeof memoryStorage>; gate?: GestureGate; now?: () => number } = {}) {
  const backend = new FakeBackend();
  backend.isLocked = o.locked ?? false;
  const timers: { fn: () => void; ms: number }[] = [];
  const audio = new HowlerAudio({
    backend,
    settings: new AudioSettingsStore(o.storage ?? memoryStorage()),
    baseUrl: '/game/',
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    gate: o.gate,
    now: o.now,
  });
  return { backend, audio, timers };
}

describe('Howler audio', () => {
  it('plays a cue from its files, making each Howl once', () => {
    const { backend, audio } = setup();
    audio.cue('gavel');
    audio.cue('gavel');
    audio.cue('click');
    const gavel = backend.sound('cue-gavel')!;
    expect(gavel.opts).toMatchObject({ src: ['/game/audio/cue-gavel.ogg', '/game/audio/cue-gavel.mp3'], loop: false });
    expect(gavel.plays).toHaveLength(2);
    expect(backend.sound('cue-click')!.plays).toHaveLength(1);
    expect(backend.sounds).toHaveLength(2);
  });

  it('starts a loop with a fade-in and does not restart it when asked again', () => {
    const { backend, audio } = setup();
    audio.music('britain', 'calm');
    const calm = backend.sound('music-britain-calm')!;
    expect(calm.opts).toMatchObject({ loop: true, volume: 0 });
    expect(calm.plays).toHaveLength(1);
    expect(calm.fades).toEqual([{ from: 0, to: MUSIC_GAIN, ms: CROSSFADE_MS, id: calm.plays[0] }]);
    audio.music('britain', 'calm');
    audio.music('britain', 'calm');
    expect(calm.plays).toHaveLength(1);
    expect(calm.fades).toHaveLength(1);
    expect(audio.currentTrack()).toBe('britain-calm');
  });

  it('the title theme is one loop for every mood', () => {
    const { backend, audio } = setup();
    audio.music('title', 'calm');
    audio.music('title', 'crisis');
    expect(backend.sounds).toHaveLength(1);
    expect(backend.sound('music-title')!.plays).toHaveLength(1);
  });

  it('crossfades to a new side or mood and stops the old loop when its fade ends', () => {
    const { backend, audio } = setup();
    audio.music('britain', 'calm');
    const calm = backend.sound('music-britain-calm')!;
    const calmId = calm.plays[0]!;
    calm.finish(calmId);
    audio.music('britain', 'crisis');
    const crisis = backend.sound('music-britain-crisis')!;
    expect(crisis.plays).toHaveLength(1);
    expect(crisis.fades.at(-1)).toMatchObject({ from: 0, to: MUSIC_GAIN, ms: CROSSFADE_MS });
    expect(calm.fades.at(-1)).toEqual({ from: MUSIC_GAIN, to: 0, ms: CROSSFADE_MS, id: calmId });
    expect(calm.stops).toEqual([]);
    calm.finish(calmId);
    expect(calm.stops).toEqual([calmId]);
    audio.music('ussr', 'crisis');
    expect(backend.sound('music-ussr-crisis')!.plays).toHaveLength(1);
  });

  it('a loop asked for again while it fades out fades back up instead of starting twice', () => {
    const { backend, audio, timers } = setup();
    audio.music('ussr', 'calm');
    const calm = backend.sound('music-ussr-calm')!;
    const id = calm.plays[0]!;
    calm.finish(id);
    audio.music('ussr', 'tense');
    calm.halfway(id);
    audio.music('ussr', 'calm');
    expect(calm.plays).toHaveLength(1);
    expect(calm.fades.at(-1)).toEqual({ from: MUSIC_GAIN / 2, to: MUSIC_GAIN, ms: CROSSFADE_MS, id });
    // neither the cut-short fade-out nor its backup timer stops it
    for (const t of timers) t.fn();
    calm.finish(id);
    expect(calm.stops).toEqual([]);
    const tense = backend.sound('music-ussr-tense')!;
    expect(tense.fades.at(-1)).toMatchObject({ to: 0 });
  });

  it('stopMusic fades out and stops; the backup timer stops it if Howler never reports the fade', () => {
    const { backend, audio, timers } = setup();
    audio.music('britain', 'tense');
    const s = backend.sound('music-britain-tense')!;
    const id = s.plays[0]!;
    audio.stopMusic();
    expect(audio.currentTrack()).toBeNull();
    expect(s.fades.at(-1)).toMatchObject({ to: 0, ms: STOP_FADE_MS, id });
    expect(timers.at(-1)!.ms).toBeGreaterThanOrEqual(STOP_FADE_MS);
    timers.at(-1)!.fn();
    expect(s.stops).toEqual([id]);
    s.finish(id);
    expect(s.stops).toEqual([id]);
    audio.music('britain', 'tense');
    expect(s.plays).toHaveLength(2);
  });

  it('before the first user gesture: no cues, and only the last loop asked for starts on unlock', () => {
    const { backend, audio } = setup({ locked: true });
    audio.cue('click');
    expect(backend.sounds.every(s => s.plays.length === 0)).toBe(true);
    audio.music('title', 'calm');
    audio.music('britain', 'calm');
    audio.music('ussr', 'tense');
    expect(backend.sounds.every(s => s.plays.length === 0)).toBe(true);
    backend.isLocked = false;
    for (const s of backend.sounds) s.emit('unlock');
    const played = backend.sounds.filter(s => s.plays.length > 0);
    expect(played.map(s => s.opts.src[0])).toEqual(['/game/audio/music-ussr-tense.ogg']);
    expect(played[0]!.plays).toHaveLength(1);
    audio.cue('click');
    expect(backend.sound('cue-click')!.plays).toHaveLength(1);
  });

  // Session 22: Howler's first call makes the AudioContext, and the game made it as the page loaded
  // (the volume, the cues' preload), which a browser refuses before a gesture and warns about.
  it('touches Howler not at all before the page’s first gesture; then the settings, the loop asked for and a cue of the moment play', () => {
    const gate = new FakeGate();
    let clock = 0;
    const { backend, audio } = setup({ gate, now: () => clock });
    audio.preloadCues();
    audio.setVolume(0.5);
    audio.music('title', 'calm');
    audio.music('britain', 'tense');
    audio.cue('telegraph');
    expect({ sounds: backend.sounds.length, master: backend.master, mutes: backend.mutes }).toEqual({ sounds: 0, master: [], mutes: [] });
    clock = EARLY_CUE_MS - 1;
    gate.gesture();
    expect(backend.master).toEqual([0.5]);
    expect(backend.mutes).toEqual([false]);
    // The loop asked for last, and the cue, still of the moment.
    expect(
      backend.sounds
        .filter(s => s.plays.length > 0)
        .map(s => s.opts.src[0])
        .sort(),
    ).toEqual(['/game/audio/cue-telegraph.ogg', '/game/audio/music-britain-tense.ogg']);
    // The cues loaded, as asked.
    expect(backend.sound('cue-stamp')).toBeDefined();
  });

  it('a cue asked for long before the first gesture is not played at it: it would not go with what is on screen', () => {
    const gate = new FakeGate();
    let clock = 0;
    const { backend, audio } = setup({ gate, now: () => clock });
    audio.cue('gavel');
    clock = EARLY_CUE_MS + 1;
    gate.gesture();
    expect(backend.sounds.some(s => s.plays.length > 0)).toBe(false);
    audio.cue('gavel');
    expect(backend.sound('cue-gavel')!.plays).toHaveLength(1);
  });

  it('music stopped before the unlock stays stopped', () => {
    const { backend, audio } = setup({ locked: true });
    audio.music('title', 'calm');
    audio.stopMusic();
    backend.isLocked = false;
    for (const s of backend.sounds) s.emit('unlock');
    expect(backend.sounds.every(s => s.plays.length === 0)).toBe(true);
  });

  it('an HTML5 play refused before a gesture is retried on unlock', () => {
    const { backend, audio } = setup();
    audio.music('britain', 'calm');
    const s = backend.sound('music-britain-calm')!;
    s.emit('playerror', s.plays[0]);
    s.emit('unlock');
    expect(s.plays).toHaveLength(2);
  });

  it('volume and mute go to Howler and are remembered', () => {
    const mem = memoryStorage({ [AUDIO_SETTINGS_KEY]: '{"volume":0.4,"muted":false}' });
    const { backend, audio } = setup({ storage: mem });
    expect(audio.volume()).toBe(0.4);
    expect(backend.master).toEqual([0.4]);
    audio.setVolume(1.7);
    expect(audio.volume()).toBe(1);
    audio.setMuted(true);
    expect(audio.muted()).toBe(true);
    expect(backend.master.at(-1)).toBe(1);
    expect(backend.mutes.at(-1)).toBe(true);
    expect(JSON.parse(mem.data.get(AUDIO_SETTINGS_KEY)!)).toEqual({ volume: 1, muted: true });
  });

  it('never throws: not without audio, not when Howler fails', () => {
    const { backend, audio } = setup();
    backend.hasAudio = false;
    audio.cue('stamp');
    audio.music('ussr', 'crisis');
    expect(backend.sounds).toHaveLength(0);
    const failing = new FakeBackend();
    failing.createSound = () => {
      throw new Error('no AudioContext');
    };
    failing.setMasterVolume = () => {
      throw new Error('no AudioContext');
    };
    const a = new HowlerAudio({ backend: failing, settings: null });
    expect(() => {
      a.cue('crowd');
      a.music('britain', 'crisis');
      a.stopMusic();
      a.setVolume(0.2);
      a.setMuted(true);
    }).not.toThrow();
    expect(a.volume()).toBe(0.2);
  });

  it('the real Howler backend does not throw in Node (no audio device)', () => {
    const a = new HowlerAudio({ settings: null, setTimer: () => undefined });
    expect(() => {
      a.cue('click');
      a.music('title', 'calm');
      a.music('britain', 'tense');
      a.stopMusic();
      a.setVolume(0.5);
      a.setMuted(false);
    }).not.toThrow();
  });
});
