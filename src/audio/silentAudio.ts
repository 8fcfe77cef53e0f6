// An AudioPort that makes no sound and records what it was asked to do: for tests, and for
// browsers (or Node) without audio, where the volume and mute settings still persist.
import type { AudioPort, Cue, Mood, MusicSide } from './audio';
import { type AudioSettings, type AudioSettingsStore, clampVolume } from './settings';
import { type MusicTrack, musicTrack } from './tracks';

export type AudioCall = { kind: 'cue'; cue: Cue } | { kind: 'music'; side: MusicSide; mood: Mood } | { kind: 'stopMusic' } | { kind: 'volume'; volume: number } | { kind: 'muted'; muted: boolean };

export class SilentAudio implements AudioPort {
  /** Every call, in order (volumes as clamped). */
  readonly calls: AudioCall[] = [];
  private vol: number;
  private mute: boolean;
  private track: MusicTrack | null = null;

  constructor(
    private readonly settings: AudioSettingsStore | null = null,
    initial?: AudioSettings,
  ) {
    const s = initial ?? settings?.load() ?? { volume: 0.7, muted: false };
    this.vol = clampVolume(s.volume);
    this.mute = s.muted;
  }

  cue(c: Cue): void {
    this.calls.push({ kind: 'cue', cue: c });
  }

  music(side: MusicSide, mood: Mood): void {
    this.calls.push({ kind: 'music', side, mood });
    this.track = musicTrack(side, mood);
  }

  stopMusic(): void {
    this.calls.push({ kind: 'stopMusic' });
    this.track = null;
  }

  setVolume(v: number): void {
    this.vol = clampVolume(v);
    this.calls.push({ kind: 'volume', volume: this.vol });
    this.settings?.save({ volume: this.vol, muted: this.mute });
  }

  volume(): number {
    return this.vol;
  }

  setMuted(m: boolean): void {
    this.mute = m === true;
    this.calls.push({ kind: 'muted', muted: this.mute });
    this.settings?.save({ volume: this.vol, muted: this.mute });
  }

  muted(): boolean {
    return this.mute;
  }

  /** The loop that would be playing now, or null. */
  currentTrack(): MusicTrack | null {
    return this.track;
  }

  /** The cues asked for, in order. */
  cues(): Cue[] {
    return this.calls.flatMap(c => (c.kind === 'cue' ? [c.cue] : []));
  }

  clear(): void {
    this.calls.length = 0;
  }
}
