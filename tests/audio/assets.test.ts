// The committed sound files against the table the game plays them from.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUES, MOODS } from '../../src/audio/audio';
import { allAudioPaths, CUE_FILES, MUSIC_FILES } from '../../src/audio/howlerAudio';
import { AUDIO_FORMATS, audioPaths, musicTrack } from '../../src/audio/tracks';

const PUBLIC = join(__dirname, '..', '..', 'assets');
const read = (p: string) => readFileSync(join(PUBLIC, p));

/** Length in seconds of an Ogg Vorbis file: the last page's granule position over the sample rate. */
function oggSeconds(b: Buffer): { seconds: number; rate: number; channels: number } {
  // identification header: page header (27 + segment table), then 0x01 'vorbis'
  const segs = b[26]!;
  const id = 27 + segs;
  expect(b.subarray(id, id + 7).toString('latin1')).toBe('\x01vorbis');
  const channels = b[id + 11]!;
  const rate = b.readUInt32LE(id + 12);
  const last = b.lastIndexOf('OggS');
  const granule = Number(b.readBigUInt64LE(last + 6));
  return { seconds: granule / rate, rate, channels };
}

describe('audio assets', () => {
  it('every cue and every side × mood has a file in each format', () => {
    for (const c of CUES) expect(CUE_FILES[c], c).toBeTruthy();
    const stems = new Set<string>();
    for (const side of ['britain', 'ussr', 'title'] as const) for (const mood of MOODS) stems.add(MUSIC_FILES[musicTrack(side, mood)]);
    expect(stems.size).toBe(7);
    for (const stem of [...Object.values(CUE_FILES), ...stems]) {
      for (const p of audioPaths(stem)) expect(existsSync(join(PUBLIC, p)), p).toBe(true);
    }
  });

  it('assets/audio holds exactly the files in the table', () => {
    const want = allAudioPaths()
      .map(p => p.replace(/^audio\//, ''))
      .sort();
    expect(readdirSync(join(PUBLIC, 'audio')).sort()).toEqual(want);
  });

  it('files are what their names say: Ogg Vorbis and MPEG audio', () => {
    for (const p of allAudioPaths()) {
      const b = read(p);
      if (p.endsWith('.ogg')) expect(b.subarray(0, 4).toString('latin1'), p).toBe('OggS');
      else if (p.endsWith('.mp3')) {
        const id3 = b.subarray(0, 3).toString('latin1') === 'ID3';
        const sync = b[0] === 0xff && (b[1]! & 0xe0) === 0xe0;
        expect(id3 || sync, p).toBe(true);
      } else throw new Error(`unexpected format ${p}`);
    }
    expect(AUDIO_FORMATS[0]).toBe('ogg');
  });

  it('music loops are mono, 15 s or longer; cues are short', () => {
    for (const stem of Object.values(MUSIC_FILES)) {
      const o = oggSeconds(read(`audio/${stem}.ogg`));
      expect(o.channels, stem).toBe(1);
      expect(o.seconds, stem).toBeGreaterThanOrEqual(15);
      expect(o.seconds, stem).toBeLessThanOrEqual(40);
    }
    for (const stem of Object.values(CUE_FILES)) {
      const o = oggSeconds(read(`audio/${stem}.ogg`));
      expect(o.seconds, stem).toBeGreaterThan(0.03);
      expect(o.seconds, stem).toBeLessThanOrEqual(4);
    }
  });

  it('all sound together stays under 3 MB', () => {
    const total = allAudioPaths().reduce((s, p) => s + statSync(join(PUBLIC, p)).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });
});
