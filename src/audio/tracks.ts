// The table of sound files: which file plays each cue and each side × mood. The files live in
// assets/audio/ (Vite's publicDir, served at <base>audio/) and are made by scripts/make-audio.ts.
import type { Cue, Mood, MusicSide } from './audio';

/** Formats in the order a browser should try them: Ogg Vorbis, then MP3 (Safari before Ogg support). */
export const AUDIO_FORMATS = ['ogg', 'mp3'] as const;
export type AudioFormat = (typeof AUDIO_FORMATS)[number];

export type MusicTrack = 'title' | `${'britain' | 'ussr'}-${Mood}`;

export const MUSIC_TRACKS: readonly MusicTrack[] = ['title', 'britain-calm', 'britain-tense', 'britain-crisis', 'ussr-calm', 'ussr-tense', 'ussr-crisis'];

/** File stem (without extension) of each cue. */
export const CUE_FILES: Readonly<Record<Cue, string>> = {
  telegraph: 'cue-telegraph',
  typewriter: 'cue-typewriter',
  gavel: 'cue-gavel',
  crowd: 'cue-crowd',
  newspaper: 'cue-newspaper',
  click: 'cue-click',
  stamp: 'cue-stamp',
};

/** Playback gain of each cue, under the master volume (the files are mastered to similar peaks). */
export const CUE_GAIN: Readonly<Record<Cue, number>> = {
  telegraph: 0.8,
  typewriter: 0.8,
  gavel: 0.9,
  crowd: 0.7,
  newspaper: 0.8,
  click: 0.6,
  stamp: 0.9,
};

/** File stem of each music loop. */
export const MUSIC_FILES: Readonly<Record<MusicTrack, string>> = {
  title: 'music-title',
  'britain-calm': 'music-britain-calm',
  'britain-tense': 'music-britain-tense',
  'britain-crisis': 'music-britain-crisis',
  'ussr-calm': 'music-ussr-calm',
  'ussr-tense': 'music-ussr-tense',
  'ussr-crisis': 'music-ussr-crisis',
};

/** Music plays under the cues at this gain (times the master volume). */
export const MUSIC_GAIN = 0.55;

/** The loop for a side and mood; the title theme is the same loop in every mood. */
export function musicTrack(side: MusicSide, mood: Mood): MusicTrack {
  return side === 'title' ? 'title' : `${side}-${mood}`;
}

/** Paths of one file stem under the public directory, one per format ('audio/cue-click.ogg', ...). */
export function audioPaths(stem: string): string[] {
  return AUDIO_FORMATS.map(ext => `audio/${stem}.${ext}`);
}

/** Every file the game may ask for, relative to the public directory. */
export function allAudioPaths(): string[] {
  return [...Object.values(CUE_FILES), ...Object.values(MUSIC_FILES)].flatMap(audioPaths);
}
