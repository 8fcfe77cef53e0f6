// The game's sound, as a small port: the UI asks for a cue or a piece of music by name and never
// touches an audio library. howlerAudio.ts plays it through Howler; silentAudio.ts records the
// calls (tests, and browsers without audio).

/** A short sound effect for one thing that happens on screen. */
export type Cue = 'telegraph' | 'typewriter' | 'gavel' | 'crowd' | 'newspaper' | 'click' | 'stamp';
/** How tense the situation is; chooses the music loop for a side. */
export type Mood = 'calm' | 'tense' | 'crisis';
/** Whose music plays: a side's, or the title theme (which has one loop for every mood). */
export type MusicSide = 'britain' | 'ussr' | 'title';

export interface AudioPort {
  /** Play a cue once. Dropped while the browser has not yet allowed audio. */
  cue(c: Cue): void;
  /** Play the loop for this side and mood; a different loop crossfades in, the same one carries on. */
  music(side: MusicSide, mood: Mood): void;
  /** Fade the music out. */
  stopMusic(): void;
  /** Master volume, 0..1 (clamped), remembered across reloads. */
  setVolume(v: number): void;
  volume(): number;
  /** Mute everything, remembered across reloads. */
  setMuted(m: boolean): void;
  muted(): boolean;
}

export const CUES: readonly Cue[] = ['telegraph', 'typewriter', 'gavel', 'crowd', 'newspaper', 'click', 'stamp'];
export const MOODS: readonly Mood[] = ['calm', 'tense', 'crisis'];
export const MUSIC_SIDES: readonly MusicSide[] = ['britain', 'ussr', 'title'];
