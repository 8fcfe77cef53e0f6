// Makes every sound of the game, from nothing but arithmetic: the seven cues and the seven music
// loops in assets/audio/. Run by hand when a sound changes (the CI only uses the committed files):
//
//   npx tsx scripts/make-audio.ts            # render, encode, print levels
//   npx tsx scripts/make-audio.ts --png      # also draw spectrograms into scratch/audio-png/
//   npx tsx scripts/make-audio.ts click gavel   # only these (cue names or music track names)
//
// Needs `oggenc` (Debian: vorbis-tools) and `lame` (Debian: lame); `sox` for --png.
// Everything is deterministic: noise comes from a seeded PRNG, the Ogg stream serials are fixed.
//
// The synthesis: additive and FM tones with envelopes (brass by FM whose index follows the
// envelope, strings and reeds from band-limited wavetables, plucks and drums as sums of damped
// partials), a small score language (note lines, chord symbols, automatic voice leading for the
// inner parts), a Freeverb-style reverb, and loops made seamless by folding the tail of the
// render back onto its start.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CUES, type Cue } from '../src/audio/audio';
import { CUE_FILES, MUSIC_FILES, MUSIC_TRACKS, type MusicTrack } from '../src/audio/tracks';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'assets', 'audio');
const WORK_DIR = join(ROOT, 'scratch', 'audio-build');
const PNG_DIR = join(ROOT, 'scratch', 'audio-png');

const MUSIC_SR = 22050;
const CUE_SR = 44100;
const TAU = 2 * Math.PI;

// ---------------------------------------------------------------------------------------------
// Randomness, pitch

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const rand = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
const noise = (rng: Rng) => rng() * 2 - 1;

const NOTE_PC: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** 'C4' = 60, 'F#3', 'Bb2'. */
function midi(name: string): number {
  const m = /^([A-G])([#b]?)(-?\d)$/.exec(name);
  if (!m) throw new Error(`bad note ${name}`);
  const pc = NOTE_PC[m[1]!]! + (m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0);
  return pc + 12 * (Number(m[3]) + 1);
}

const mtof = (m: number) => 440 * 2 ** ((m - 69) / 12);

// ---------------------------------------------------------------------------------------------
// Filters and envelopes

class Biquad {
  private z1 = 0;
  private z2 = 0;
  constructor(
    private b0: number,
    private b1: number,
    private b2: number,
    private a1: number,
    private a2: number,
  ) {}

  private static make(kind: 'lp' | 'hp' | 'bp' | 'peak', sr: number, f: number, q: number, gainDb = 0): Biquad {
    const w = (TAU * Math.min(f, sr * 0.49)) / sr;
    const cw = Math.cos(w);
    const alpha = Math.sin(w) / (2 * q);
    let b0: number, b1: number, b2: number, a0: number, a1: number, a2: number;
    if (kind === 'lp') {
      b0 = (1 - cw) / 2;
      b1 = 1 - cw;
      b2 = b0;
      a0 = 1 + alpha;
      a1 = -2 * cw;
      a2 = 1 - alpha;
    } else if (kind === 'hp') {
      b0 = (1 + cw) / 2;
      b1 = -(1 + cw);
      b2 = b0;
      a0 = 1 + alpha;
      a1 = -2 * cw;
      a2 = 1 - alpha;
    } else if (kind === 'bp') {
      b0 = alpha;
      b1 = 0;
      b2 = -alpha;
      a0 = 1 + alpha;
      a1 = -2 * cw;
      a2 = 1 - alpha;
    } else {
      const A = 10 ** (gainDb / 40);
      b0 = 1 + alpha * A;
      b1 = -2 * cw;
      b2 = 1 - alpha * A;
      a0 = 1 + alpha / A;
      a1 = -2 * cw;
      a2 = 1 - alpha / A;
    }
    return new Biquad(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
  }

  static lp = (sr: number, f: number, q = 0.707) => Biquad.make('lp', sr, f, q);
  static hp = (sr: number, f: number, q = 0.707) => Biquad.make('hp', sr, f, q);
  /** Band-pass with 0 dB at the centre. */
  static bp = (sr: number, f: number, q = 1) => Biquad.make('bp', sr, f, q);
  static peak = (sr: number, f: number, q: number, db: number) => Biquad.make('peak', sr, f, q, db);

  /** Retune in place (keeps the state), for filters that move. */
  set(kind: 'bp' | 'lp', sr: number, f: number, q: number): void {
    const n = Biquad.make(kind, sr, f, q);
    this.b0 = n.b0;
    this.b1 = n.b1;
    this.b2 = n.b2;
    this.a1 = n.a1;
    this.a2 = n.a2;
  }

  tick(x: number): number {
    const y = this.b0 * x + this.z1;
    this.z1 = this.b1 * x - this.a1 * y + this.z2;
    this.z2 = this.b2 * x - this.a2 * y;
    return y;
  }

  run(buf: Float32Array): Float32Array {
    for (let i = 0; i < buf.length; i++) buf[i] = this.tick(buf[i]!);
    return buf;
  }
}

/** One-pole low-pass, in place. */
function onePole(buf: Float32Array, sr: number, f: number): Float32Array {
  const a = Math.exp((-TAU * f) / sr);
  let y = 0;
  for (let i = 0; i < buf.length; i++) {
    y = (1 - a) * buf[i]! + a * y;
    buf[i] = y;
  }
  return buf;
}

/**
 * Attack (raised-cosine), exponential decay towards the sustain level, held until the gate
 * closes, then a quadratic release. Times in seconds.
 */
function adsr(n: number, sr: number, a: number, d: number, s: number, gate: number, r: number): Float32Array {
  const e = new Float32Array(n);
  const level = (t: number) => (t < a ? 0.5 - 0.5 * Math.cos((Math.PI * t) / a) : s + (1 - s) * Math.exp(-(t - a) / d));
  const atGate = level(gate);
  for (let i = 0; i < n; i++) {
    const t = i / sr;
    if (t < gate) e[i] = level(t);
    else {
      const x = 1 - (t - gate) / r;
      e[i] = x > 0 ? atGate * x * x : 0;
    }
  }
  return e;
}

// ---------------------------------------------------------------------------------------------
// Wavetables (band-limited to the note)

const TABLE = 4096;
const tables = new Map<string, Float32Array>();

function wavetable(name: string, amp: (n: number) => number, f: number, sr: number, maxHarm = 60): Float32Array {
  const nmax = Math.max(1, Math.min(maxHarm, Math.floor((sr * 0.45) / f)));
  const key = `${name}:${nmax}`;
  let t = tables.get(key);
  if (t) return t;
  t = new Float32Array(TABLE + 1);
  for (let h = 1; h <= nmax; h++) {
    const a = amp(h);
    if (a === 0) continue;
    for (let i = 0; i < TABLE; i++) t[i]! += a * Math.sin((TAU * h * i) / TABLE);
  }
  let peak = 0;
  for (let i = 0; i < TABLE; i++) peak = Math.max(peak, Math.abs(t[i]!));
  for (let i = 0; i < TABLE; i++) t[i] = t[i]! / peak;
  t[TABLE] = t[0]!;
  tables.set(key, t);
  return t;
}

/** Adds an oscillator reading `table` into out, with a frequency multiplier per sample (may be null). */
function oscInto(out: Float32Array, table: Float32Array, f: number, sr: number, gain: number, phase0: number, fmul: ((i: number) => number) | null): void {
  let ph = phase0 * TABLE;
  const inc = (f * TABLE) / sr;
  for (let i = 0; i < out.length; i++) {
    const k = ph | 0;
    const fr = ph - k;
    out[i]! += gain * (table[k]! + fr * (table[k + 1]! - table[k]!));
    ph += fmul ? inc * fmul(i) : inc;
    if (ph >= TABLE) ph -= TABLE;
  }
}

const vibrato = (sr: number, rate: number, depth: number, delay: number) => (i: number) => {
  const t = i / sr;
  return 1 + depth * Math.min(1, t / delay) * Math.sin(TAU * rate * t);
};

// ---------------------------------------------------------------------------------------------
// Instruments: (frequency, seconds held, velocity 0..1, rng) => samples at `sr`

type Inst = (f: number, dur: number, vel: number, rng: Rng) => Float32Array;

function mulInto(a: Float32Array, b: Float32Array): Float32Array {
  for (let i = 0; i < a.length; i++) a[i] = a[i]! * b[i]!;
  return a;
}

/** FM brass: the modulation index follows the envelope, so the tone brightens as it swells. */
function brass(sr: number, o: { index: number; attack: number; bright: number; players?: number; release?: number }): Inst {
  return (f, dur, vel, rng) => {
    const rel = o.release ?? 0.16;
    const n = Math.ceil((dur + rel) * sr);
    const env = adsr(n, sr, o.attack, 0.3, 0.82, dur, rel);
    const out = new Float32Array(n);
    const players = o.players ?? 1;
    for (let p = 0; p < players; p++) {
      const det = players === 1 ? 1 : 1 + (p - (players - 1) / 2) * 0.004;
      const vibRate = rand(rng, 4.6, 5.6);
      let pc = rng() * TAU;
      let pm = rng() * TAU;
      const idx = o.index * (0.45 + 0.55 * vel);
      for (let i = 0; i < n; i++) {
        const t = i / sr;
        const vib = 1 + 0.0035 * Math.min(1, t / 0.5) * Math.sin(TAU * vibRate * t);
        const scoop = 1 - 0.01 * Math.exp(-t / 0.035);
        const fi = f * det * vib * scoop;
        pc += (TAU * fi) / sr;
        pm += (TAU * fi) / sr;
        const e = env[i]!;
        out[i]! += (e * Math.sin(pc + idx * e * e * Math.sin(pm))) / players;
      }
    }
    onePole(out, sr, Math.min(sr * 0.4, Math.max(900, f * o.bright)));
    return scale(out, vel);
  };
}

const sawAmp = (n: number) => 1 / n;
/** A bowed-string section: three detuned band-limited saws, slow attack, vibrato, darkened. */
function strings(sr: number, o: { attack?: number; release?: number; tremolo?: number; cutoff?: number } = {}): Inst {
  return (f, dur, vel, rng) => {
    const rel = o.release ?? 0.35;
    const n = Math.ceil((dur + rel) * sr);
    const out = new Float32Array(n);
    const tab = wavetable('saw', sawAmp, f, sr, 40);
    for (const d of [-0.0035, 0, 0.0035]) {
      oscInto(out, tab, f * (1 + d), sr, 1 / 3, rng(), vibrato(sr, rand(rng, 5.2, 6), 0.0025, 0.3));
    }
    const env = adsr(n, sr, o.attack ?? 0.16, 0.4, 0.85, dur, rel);
    if (o.tremolo) {
      const rate = o.tremolo;
      for (let i = 0; i < n; i++) env[i] = env[i]! * (0.62 + 0.38 * (0.5 + 0.5 * Math.cos(TAU * rate * (i / sr))) ** 2);
    }
    mulInto(out, env);
    const lp = Biquad.lp(sr, Math.min(o.cutoff ?? 3200, f * 9), 0.6);
    lp.run(out);
    Biquad.peak(sr, 450, 1.2, 3).run(out);
    return scale(out, vel);
  };
}

const organAmp = (n: number) => (({ 1: 1, 2: 0.55, 3: 0.28, 4: 0.22, 6: 0.1, 8: 0.08 }) as Record<number, number>)[n] ?? 0;
/** A soft chamber organ (flue pipes): a few harmonics, gentle chiff, slight chorus. */
function organ(sr: number): Inst {
  return (f, dur, vel, rng) => {
    const rel = 0.25;
    const n = Math.ceil((dur + rel) * sr);
    const out = new Float32Array(n);
    const tab = wavetable('organ', organAmp, f, sr, 8);
    oscInto(out, tab, f * 0.999, sr, 0.5, rng(), null);
    oscInto(out, tab, f * 1.001, sr, 0.5, rng(), null);
    mulInto(out, adsr(n, sr, 0.05, 0.2, 0.9, dur, rel));
    return scale(out, vel);
  };
}

const reedAmp = (n: number) => Math.abs(Math.sin(Math.PI * n * 0.28)) / n ** 0.85;
/** Accordion: two reeds a little out of tune with each other (musette) and one an octave down. */
function accordion(sr: number, o: { release?: number; attack?: number } = {}): Inst {
  return (f, dur, vel, rng) => {
    const rel = o.release ?? 0.07;
    const n = Math.ceil((dur + rel) * sr);
    const out = new Float32Array(n);
    const tab = wavetable('reed', reedAmp, f, sr, 30);
    const tabLow = wavetable('reed', reedAmp, f / 2, sr, 30);
    oscInto(out, tab, f * 0.9955, sr, 0.45, rng(), null);
    oscInto(out, tab, f * 1.0045, sr, 0.45, rng(), null);
    oscInto(out, tabLow, f / 2, sr, 0.3, rng(), null);
    const env = adsr(n, sr, o.attack ?? 0.03, 0.35, 0.85, dur, rel);
    // bellows: a slow swell on long notes
    for (let i = 0; i < n; i++) env[i] = env[i]! * (0.9 + 0.1 * Math.min(1, i / sr / 1.2));
    mulInto(out, env);
    Biquad.peak(sr, 1400, 1, 4).run(out);
    Biquad.lp(sr, 4200, 0.7).run(out);
    return scale(out, vel);
  };
}

/** A plucked string as damped partials (balalaika bright, double-bass pizzicato dark). */
function pluck(sr: number, o: { decay: number; bright: number; pos: number; body?: number }): Inst {
  return (f, dur, vel, rng) => {
    const held = Math.min(dur, o.decay * 5);
    const n = Math.ceil((held + 0.3) * sr);
    const out = new Float32Array(n);
    const nmax = Math.max(1, Math.min(30, Math.floor((sr * 0.45) / f)));
    for (let h = 1; h <= nmax; h++) {
      const a = Math.abs(Math.sin(Math.PI * h * o.pos)) / h ** 1.1;
      const tau = o.decay / (1 + o.bright * (h - 1));
      const fh = f * h * (1 + 0.0004 * h * h);
      const w = (TAU * fh) / sr;
      const ph = rng() * TAU;
      const k = Math.exp(-1 / (tau * sr));
      let g = a;
      for (let i = 0; i < n; i++) {
        out[i]! += g * Math.sin(w * i + ph);
        g *= k;
      }
    }
    // damp at the end of the note (the player stops the string)
    const stop = Math.floor(held * sr);
    for (let i = stop; i < n; i++) out[i] = out[i]! * Math.exp(-(i - stop) / (0.05 * sr));
    softStart(out, sr, 0.003);
    fadeTail(out, sr, 0.05);
    if (o.body) Biquad.peak(sr, o.body, 1.5, 5).run(out);
    return scale(out, vel);
  };
}

/** A church bell: hum, prime, minor tierce, quint, nominal ... with their own decays. */
function bell(sr: number): Inst {
  const partials: [number, number, number][] = [
    [0.5, 0.35, 4.5],
    [1, 1, 3.2],
    [1.2, 0.25, 2.2],
    [1.5, 0.3, 2.0],
    [2, 0.7, 1.9],
    [2.51, 0.22, 1.3],
    [3.0, 0.2, 1.0],
    [4.1, 0.1, 0.6],
  ];
  return (f, _dur, vel, rng) => {
    const n = Math.ceil(7 * sr);
    const out = new Float32Array(n);
    for (const [r, a, d] of partials) {
      const fh = f * r;
      if (fh > sr * 0.45) continue;
      for (const beat of [-0.6, 0.6]) {
        const w = (TAU * (fh + beat * r)) / sr;
        const ph = rng() * TAU;
        for (let i = 0; i < n; i++) out[i]! += (a / 2) * Math.exp(-i / sr / d) * Math.sin(w * i + ph);
      }
    }
    const strike = Math.floor(0.004 * sr);
    for (let i = 0; i < strike; i++) out[i]! += 0.3 * noise(rng) * (1 - i / strike);
    softStart(out, sr, 0.002);
    fadeTail(out, sr, 2);
    return scale(out, vel);
  };
}

/** Timpani: a few inharmonic modes, a small pitch drop after the stroke, a felt thump. */
function timpani(sr: number): Inst {
  const modes: [number, number, number][] = [
    [1, 1, 1.5],
    [1.5, 0.55, 0.9],
    [1.98, 0.3, 0.6],
    [2.44, 0.18, 0.45],
    [2.98, 0.09, 0.3],
  ];
  return (f, dur, vel, rng) => {
    const len = Math.min(3, Math.max(0.5, dur + 1.2));
    const n = Math.ceil(len * sr);
    const out = new Float32Array(n);
    for (const [r, a, d] of modes) {
      let ph = rng() * TAU;
      for (let i = 0; i < n; i++) {
        const t = i / sr;
        const fi = f * r * (1 + 0.015 * Math.exp(-t / 0.06));
        ph += (TAU * fi) / sr;
        out[i]! += a * Math.exp(-t / (d * (0.6 + 0.4 * vel))) * Math.sin(ph);
      }
    }
    const thump = new Float32Array(Math.floor(0.05 * sr));
    for (let i = 0; i < thump.length; i++) thump[i] = noise(rng) * Math.exp(-i / sr / 0.012);
    Biquad.lp(sr, 500).run(thump);
    for (let i = 0; i < thump.length; i++) out[i]! += 0.8 * thump[i]!;
    softStart(out, sr, 0.002);
    fadeTail(out, sr, len * 0.4);
    return scale(out, vel);
  };
}

function snare(sr: number): Inst {
  return (_f, _dur, vel, rng) => {
    const n = Math.ceil(0.3 * sr);
    const nz = new Float32Array(n);
    for (let i = 0; i < n; i++) nz[i] = noise(rng) * Math.exp(-i / sr / (0.06 + 0.05 * vel));
    Biquad.hp(sr, 500).run(nz);
    Biquad.peak(sr, 2800, 0.8, 5).run(nz);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const t = i / sr;
      out[i] = 0.55 * nz[i]! + 0.5 * Math.exp(-t / 0.035) * (Math.sin(TAU * 185 * t) + 0.5 * Math.sin(TAU * 330 * t));
    }
    fadeTail(out, sr, 0.1);
    return scale(out, vel);
  };
}

function bassDrum(sr: number): Inst {
  return (_f, _dur, vel, rng) => {
    const n = Math.ceil(0.7 * sr);
    const out = new Float32Array(n);
    let ph = 0;
    for (let i = 0; i < n; i++) {
      const t = i / sr;
      ph += (TAU * (52 + 40 * Math.exp(-t / 0.03))) / sr;
      out[i] = Math.exp(-t / 0.24) * Math.sin(ph);
    }
    const click = Math.floor(0.01 * sr);
    for (let i = 0; i < click; i++) out[i]! += 0.2 * noise(rng) * (1 - i / click);
    fadeTail(out, sr, 0.25);
    return scale(out, vel);
  };
}

function cymbal(sr: number): Inst {
  return (_f, _dur, vel, rng) => {
    const n = Math.ceil(3 * sr);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = noise(rng) * Math.exp(-i / sr / 0.7);
    Biquad.hp(sr, 2500).run(out);
    const metal = [3170, 4230, 5410, 6820, 8130];
    for (const m of metal) {
      if (m > sr * 0.45) continue;
      const ph = rng() * TAU;
      for (let i = 0; i < n; i++) out[i]! += 0.08 * Math.exp(-i / sr / 0.9) * Math.sin((TAU * m * i) / sr + ph);
    }
    softStart(out, sr, 0.001);
    fadeTail(out, sr, 1);
    return scale(out, vel);
  };
}

/** A short fade-in, so a struck sound starting at a random phase does not click. */
function softStart(buf: Float32Array, sr: number, seconds: number): void {
  const n = Math.min(buf.length, Math.ceil(seconds * sr));
  for (let i = 0; i < n; i++) buf[i] = buf[i]! * (i / n);
}

/** A quadratic fade over the last `seconds`, so a sound cut to length does not click. */
function fadeTail(buf: Float32Array, sr: number, seconds: number): void {
  const n = Math.min(buf.length, Math.ceil(seconds * sr));
  for (let i = 0; i < n; i++) {
    const k = i / n;
    buf[buf.length - 1 - i] = buf[buf.length - 1 - i]! * k * k;
  }
}

function scale(buf: Float32Array, g: number): Float32Array {
  for (let i = 0; i < buf.length; i++) buf[i] = buf[i]! * g;
  return buf;
}

// ---------------------------------------------------------------------------------------------
// Reverb (Freeverb: eight damped combs into four all-passes)

function reverb(x: Float32Array, sr: number, o: { room: number; damp: number; predelay?: number }): Float32Array {
  const k = sr / 44100;
  const combs = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617].map(d => Math.round(d * k));
  const aps = [556, 441, 341, 225].map(d => Math.round(d * k));
  const pre = Math.round((o.predelay ?? 0.02) * sr);
  const out = new Float32Array(x.length);
  for (const d of combs) {
    const buf = new Float32Array(d);
    let idx = 0;
    let store = 0;
    for (let i = 0; i < x.length; i++) {
      const input = i >= pre ? x[i - pre]! : 0;
      const y = buf[idx]!;
      store = y * (1 - o.damp) + store * o.damp;
      buf[idx] = input * 0.015 + store * o.room;
      out[i]! += y;
      if (++idx >= d) idx = 0;
    }
  }
  for (const d of aps) {
    const buf = new Float32Array(d);
    let idx = 0;
    for (let i = 0; i < out.length; i++) {
      const bo = buf[idx]!;
      const inp = out[i]!;
      out[i] = bo - inp;
      buf[idx] = inp + bo * 0.5;
      if (++idx >= d) idx = 0;
    }
  }
  return scale(out, 3);
}

// ---------------------------------------------------------------------------------------------
// The score language
//
// A line is notes with durations in beats: 'F#4:1 A4:0.5 r:1'. Chords are symbols with
// durations: 'D:2 Bm:1 A7:1' (qualities m 7 m7 maj7 dim dim7 sus4 m6 6 7b9). Inner voices are
// found by a small search over chord tones that keeps each part moving as little as it can
// while sounding the third (and the seventh), with no parallel octaves to the outer parts.

interface Ev {
  beat: number;
  dur: number;
  midi: number | null;
}

function line(s: string, start = 0): Ev[] {
  const out: Ev[] = [];
  let beat = start;
  for (const tok of s.trim().split(/\s+/)) {
    const [name, d] = tok.split(':');
    const dur = Number(d);
    if (!name || !Number.isFinite(dur) || dur <= 0) throw new Error(`bad token ${tok}`);
    out.push({ beat, dur, midi: name === 'r' ? null : midi(name) });
    beat += dur;
  }
  return out;
}

const lineBeats = (evs: Ev[]) => evs.reduce((s, e) => s + e.dur, 0);

const QUALITIES: [string, number[]][] = [
  ['maj7', [0, 4, 7, 11]],
  ['m7b5', [0, 3, 6, 10]],
  ['dim7', [0, 3, 6, 9]],
  ['sus4', [0, 5, 7]],
  ['7b9', [0, 4, 10, 1]],
  ['dim', [0, 3, 6]],
  ['m7', [0, 3, 7, 10]],
  ['m6', [0, 3, 7, 9]],
  ['aug', [0, 4, 8]],
  ['m', [0, 3, 7]],
  ['7', [0, 4, 7, 10]],
  ['6', [0, 4, 7, 9]],
  ['', [0, 4, 7]],
];

interface Chord {
  beat: number;
  dur: number;
  root: number;
  /** Pitch classes, root first, then third, fifth, seventh. */
  pcs: number[];
}

function chords(s: string, start = 0): Chord[] {
  const out: Chord[] = [];
  let beat = start;
  for (const tok of s.trim().split(/\s+/)) {
    const [sym, d] = tok.split(':');
    const dur = Number(d);
    const m = /^([A-G])([#b]?)(.*)$/.exec(sym ?? '');
    if (!m || !Number.isFinite(dur)) throw new Error(`bad chord ${tok}`);
    const root = (NOTE_PC[m[1]!]! + (m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0) + 12) % 12;
    const q = QUALITIES.find(([k]) => k === m[3]);
    if (!q) throw new Error(`bad chord quality ${tok}`);
    out.push({ beat, dur, root, pcs: q[1].map(i => (root + i) % 12) });
    beat += dur;
  }
  return out;
}

function combos(xs: number[], k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let i = 0; i <= xs.length - k; i++) for (const rest of combos(xs.slice(i + 1), k - 1)) out.push([xs[i]!, ...rest]);
  return out;
}

/** Chooses `count` chord tones in [lo, hi] to sound with the fixed notes (melody, bass). */
function voicing(c: Chord, count: number, lo: number, hi: number, fixed: number[], prev: number[] | null, prevFixed: number[] | null): number[] {
  const cands: number[] = [];
  for (let m = lo; m <= hi; m++) if (c.pcs.includes(((m % 12) + 12) % 12)) cands.push(m);
  let best: number[] = cands.slice(0, count);
  let bestScore = Infinity;
  for (const ch of combos(cands, count)) {
    let score = 0;
    const all = [...ch, ...fixed];
    const present = all.map(m => m % 12);
    c.pcs.forEach((pc, i) => {
      if (!present.includes(pc)) score += [6, 12, 1.5, 5][i] ?? 3;
    });
    const thirds = present.filter(p => p === c.pcs[1]).length;
    if (thirds > 1) score += 2;
    for (let i = 1; i < ch.length; i++) {
      const gap = ch[i]! - ch[i - 1]!;
      if (gap < 3) score += 3;
      if (gap > 12) score += 4;
    }
    if (prev && prev.length === ch.length) {
      for (let i = 0; i < ch.length; i++) score += Math.abs(ch[i]! - prev[i]!) * 0.7;
      // parallel octaves/fifths against the fixed parts
      if (prevFixed && prevFixed.length === fixed.length) {
        for (let i = 0; i < ch.length; i++) {
          for (let j = 0; j < fixed.length; j++) {
            const a = (((ch[i]! - fixed[j]!) % 12) + 12) % 12;
            const b = (((prev[i]! - prevFixed[j]!) % 12) + 12) % 12;
            if (a === b && (a === 0 || a === 7) && ch[i] !== prev[i]) score += 6;
          }
        }
      }
    } else {
      score += Math.abs(ch.reduce((s, m) => s + m, 0) / ch.length - (lo + hi) / 2) * 0.3;
    }
    if (score < bestScore) {
      bestScore = score;
      best = ch;
    }
  }
  return best;
}

const noteAt = (evs: Ev[], beat: number): number | null => {
  for (const e of evs) if (beat >= e.beat - 1e-9 && beat < e.beat + e.dur - 1e-9) return e.midi;
  return null;
};

interface Voiced {
  beat: number;
  dur: number;
  notes: number[];
}

/** Inner parts for a chord track, kept under the melody (if given) and over the bass (if given). */
function voiceChords(cs: Chord[], o: { count: number; lo: number; hi: number; top?: Ev[]; bass?: Ev[]; gapBelowTop?: number }): Voiced[] {
  let prev: number[] | null = null;
  let prevFixed: number[] | null = null;
  return cs.map(c => {
    const top = o.top ? noteAt(o.top, c.beat) : null;
    const bass = o.bass ? noteAt(o.bass, c.beat) : null;
    const hi = top !== null ? Math.min(o.hi, top - (o.gapBelowTop ?? 1)) : o.hi;
    const lo = bass !== null ? Math.max(o.lo, bass + 3) : o.lo;
    const fixed = [top, bass].filter((m): m is number => m !== null);
    const notes = voicing(c, o.count, lo, hi, fixed, prev, prevFixed?.length === fixed.length ? prevFixed : null);
    prev = notes;
    prevFixed = fixed;
    return { beat: c.beat, dur: c.dur, notes };
  });
}

/** Splits voiced chords into one line per part. */
function parts(v: Voiced[], count: number): Ev[][] {
  return Array.from({ length: count }, (_, i) => v.map(c => ({ beat: c.beat, dur: c.dur, midi: c.notes[i] ?? null })));
}

/** Joins repeated notes into one held note (for sustained pads). */
function tie(evs: Ev[]): Ev[] {
  const out: Ev[] = [];
  for (const e of evs) {
    const last = out[out.length - 1];
    if (last && last.midi === e.midi && Math.abs(last.beat + last.dur - e.beat) < 1e-9) last.dur += e.dur;
    else out.push({ ...e });
  }
  return out;
}

/** Repeats each chord as notes of `step` beats (pulsing accompaniment); `pattern` picks a velocity per step. */
function pulse(v: Voiced[], step: number, vel: (i: number) => number): { beat: number; dur: number; notes: number[]; vel: number }[] {
  const out: { beat: number; dur: number; notes: number[]; vel: number }[] = [];
  for (const c of v) for (let b = 0; b < c.dur - 1e-9; b += step) out.push({ beat: c.beat + b, dur: step, notes: c.notes, vel: vel(Math.round((c.beat + b) / step)) });
  return out;
}

// ---------------------------------------------------------------------------------------------
// A piece: notes land in a dry bus and a reverb send; render folds the tail onto the start.

interface NoteOpts {
  gain?: number;
  rev?: number;
  /** Fraction of the written length actually held. */
  legato?: number;
  /** Timing spread, seconds. */
  jitter?: number;
}

class Piece {
  readonly sr = MUSIC_SR;
  readonly spb: number;
  readonly loopN: number;
  readonly dry: Float32Array;
  readonly send: Float32Array;
  readonly rng: Rng;

  constructor(
    readonly name: string,
    readonly bpm: number,
    readonly beats: number,
    readonly tail = 6,
  ) {
    this.spb = 60 / bpm;
    this.loopN = Math.round(beats * this.spb * this.sr);
    this.dry = new Float32Array(this.loopN + Math.ceil(tail * this.sr));
    this.send = new Float32Array(this.dry.length);
    this.rng = mulberry32(hashString(name));
  }

  get seconds(): number {
    return this.loopN / this.sr;
  }

  note(inst: Inst, m: number, beat: number, dur: number, vel: number, o: NoteOpts = {}): void {
    const jit = (o.jitter ?? 0.006) * (this.rng() * 2 - 1);
    const t = Math.max(0, beat * this.spb + (beat > 0 ? jit : 0));
    const v = Math.min(1, Math.max(0.05, vel * (1 + 0.06 * (this.rng() * 2 - 1))));
    const buf = inst(mtof(m), dur * this.spb * (o.legato ?? 1), v, this.rng);
    const at = Math.round(t * this.sr);
    const g = o.gain ?? 1;
    const r = o.rev ?? 0.25;
    for (let i = 0; i < buf.length && at + i < this.dry.length; i++) {
      this.dry[at + i]! += g * buf[i]!;
      this.send[at + i]! += g * r * buf[i]!;
    }
  }

  line(inst: Inst, evs: Ev[], vel: number | ((e: Ev, i: number) => number), o: NoteOpts = {}): void {
    evs.forEach((e, i) => {
      if (e.midi !== null) this.note(inst, e.midi, e.beat, e.dur, typeof vel === 'number' ? vel : vel(e, i), o);
    });
  }

  /** A drum or any unpitched hit. */
  hit(inst: Inst, beat: number, vel: number, o: NoteOpts = {}): void {
    this.note(inst, 60, beat, 0.25, vel, { jitter: 0.004, ...o });
  }

  /** A roll (timpani or snare) from beat a to b, crescendo from v0 to v1. */
  roll(inst: Inst, m: number, a: number, b: number, v0: number, v1: number, perSecond: number, o: NoteOpts = {}): void {
    const step = 1 / (perSecond * this.spb);
    for (let x = a; x < b - 1e-9; x += step) {
      const k = (x - a) / (b - a);
      this.note(inst, m, x, step, v0 + (v1 - v0) * k, { jitter: 0.003, ...o });
    }
  }

  render(o: { room: number; damp: number; wet: number }): Float32Array {
    const wet = reverb(this.send, this.sr, { room: o.room, damp: o.damp });
    const full = new Float32Array(this.dry.length);
    for (let i = 0; i < full.length; i++) full[i] = this.dry[i]! + o.wet * wet[i]!;
    const loop = new Float32Array(this.loopN);
    for (let i = 0; i < full.length; i++) loop[i % this.loopN]! += full[i]!;
    return loop;
  }
}

function checkBeats(p: Piece, what: string, n: number): void {
  if (Math.abs(n - p.beats) > 1e-9) throw new Error(`${p.name}: ${what} has ${n} beats, the piece ${p.beats}`);
}

// ---------------------------------------------------------------------------------------------
// The music

const SR = MUSIC_SR;
const horn = brass(SR, { index: 1.6, attack: 0.09, bright: 5, players: 2, release: 0.25 });
const trumpet = brass(SR, { index: 3.2, attack: 0.035, bright: 9, players: 2, release: 0.12 });
const trombone = brass(SR, { index: 2.6, attack: 0.05, bright: 7, players: 2, release: 0.14 });
const tuba = brass(SR, { index: 2.0, attack: 0.045, bright: 6, release: 0.1 });
const strs = strings(SR);
const strsLow = strings(SR, { cutoff: 1800, attack: 0.12 });
const strsTrem = strings(SR, { tremolo: 7, attack: 0.25 });
const strsShort = strings(SR, { attack: 0.025, release: 0.1 });
const strsShortLow = strings(SR, { attack: 0.03, release: 0.12, cutoff: 1800 });
const org = organ(SR);
const acc = accordion(SR);
const accBass = accordion(SR, { release: 0.05, attack: 0.02 });
const balalaika = pluck(SR, { decay: 0.55, bright: 0.35, pos: 0.12, body: 900 });
const pizz = pluck(SR, { decay: 0.5, bright: 0.9, pos: 0.22, body: 220 });
const bells = bell(SR);
const timp = timpani(SR);
const sn = snare(SR);
const bd = bassDrum(SR);
const cym = cymbal(SR);

/** Britain, calm: a hymn-like chorale in D major, horn on the tune, strings and organ in four parts. */
function britainCalm(): Float32Array {
  const p = new Piece('britain-calm', 70, 32);
  const sop = line(`
    F#4:1 A4:1 D5:1.5 C#5:0.5   B4:1 A4:1 G4:1 F#4:1   E4:1 F#4:0.5 G4:0.5 A4:1 B4:1   A4:4
    F#4:1 A4:1 D5:1.5 E5:0.5    F#5:1.5 E5:0.5 D5:1 B4:1   B4:1 D5:1 A4:1.5 G4:0.5   F#4:4`);
  const ch = chords(`
    D:2 Bm:1 A:1   G:1 D:1 Em:1 Bm:1   A:1 D:2 G:1   Asus4:2 A:2
    D:2 G:1 A:1    Bm:2 G:1 Em:1       G:1 D:1 D:1 A7:1   D:4`);
  const bass = line(`
    D3:2 B2:1 A2:1   G2:1 F#2:1 E2:1 D2:1   C#2:1 D2:1 F#2:1 G2:1   A2:4
    D3:1 F#3:1 G3:1 A3:1   B2:1 A2:1 G2:1 E2:1   G2:1 F#2:1 A2:2   D2:4`);
  checkBeats(p, 'soprano', lineBeats(sop));
  checkBeats(p, 'bass', lineBeats(bass));
  const inner = parts(voiceChords(ch, { count: 2, lo: 50, hi: 72, top: sop, bass }), 2);
  // melody: horn, doubled softly by the violins an octave up in the second phrase
  p.line(horn, sop, e => (e.dur >= 1.5 ? 0.72 : 0.62), { gain: 0.55, rev: 0.35, legato: 0.97 });
  p.line(
    strs,
    sop.filter(e => e.beat >= 16).map(e => ({ ...e, midi: e.midi === null ? null : e.midi + 12 })),
    0.5,
    { gain: 0.16, rev: 0.4 },
  );
  for (const part of inner) {
    p.line(strs, tie(part), 0.6, { gain: 0.26, rev: 0.35 });
    p.line(org, tie(part), 0.6, { gain: 0.14, rev: 0.4 });
  }
  p.line(strsLow, bass, 0.7, { gain: 0.34, rev: 0.3 });
  p.line(
    org,
    bass.map(e => ({ ...e, midi: e.midi === null ? null : e.midi - 12 })),
    0.6,
    { gain: 0.12, rev: 0.3 },
  );
  p.line(
    pizz,
    bass.filter((_, i) => i % 2 === 0),
    0.6,
    { gain: 0.2, rev: 0.2 },
  );
  p.note(timp, midi('D3'), 0, 1, 0.45, { gain: 0.35 });
  p.note(timp, midi('A2'), 12, 1, 0.5, { gain: 0.35 });
  p.roll(timp, midi('A2'), 30, 32, 0.15, 0.4, 12, { gain: 0.25 });
  return p.render({ room: 0.86, damp: 0.35, wet: 0.55 });
}

/** Britain, tense: D minor, strings pulsing in quavers under a horn tune, repeated bass. */
function britainTense(): Float32Array {
  const p = new Piece('britain-tense', 80, 32);
  const mel = line(`
    D5:1.5 E5:0.5 F5:1 D5:1   G5:1.5 F5:0.5 E5:1 D5:1   C#5:1.5 D5:0.5 E5:1 A4:1   D5:2 A4:2
    Bb4:1 D5:1 F5:1.5 E5:0.5   D5:1.5 C5:0.5 Bb4:1 G4:1   G4:1 Bb4:1 A4:1 G4:1   F4:2 E4:1 A4:1`);
  const ch = chords(`
    Dm:4   Gm:2 C:1 Bb:1   A7:4   Dm:2 Dm:2
    Bb:4   Gm:4   Edim:2 A7:2   Dm:2 A7:2`);
  const bass = line(`
    D3:1 D3:1 D3:1 D3:1   G2:1 G2:1 C3:1 Bb2:1   A2:1 A2:1 A2:1 A2:1   D3:1 D3:1 C3:1 C3:1
    Bb2:1 Bb2:1 Bb2:1 Bb2:1   G2:1 G2:1 G2:1 G2:1   E2:1 E2:1 A2:1 A2:1   D3:1 D3:1 A2:1 A2:1`);
  checkBeats(p, 'melody', lineBeats(mel));
  checkBeats(p, 'bass', lineBeats(bass));
  const v = voiceChords(ch, { count: 3, lo: 55, hi: 70, bass });
  for (const q of pulse(v, 0.5, i => (i % 2 === 0 ? 0.62 : 0.45))) {
    for (const m of q.notes) p.note(strsShort, m, q.beat, q.dur, q.vel, { gain: 0.15, legato: 0.6, rev: 0.25 });
  }
  p.line(horn, mel, e => (e.dur >= 1.5 ? 0.8 : 0.7), { gain: 0.55, rev: 0.3 });
  p.line(
    strs,
    mel.filter(e => e.beat >= 16),
    0.5,
    { gain: 0.18, rev: 0.3 },
  );
  p.line(strsShortLow, bass, (_, i) => (i % 4 === 0 ? 0.8 : 0.6), { gain: 0.32, legato: 0.7, rev: 0.2 });
  p.line(
    pizz,
    bass.map(e => ({ ...e, midi: e.midi === null ? null : e.midi - 12 })),
    0.55,
    { gain: 0.18, rev: 0.15 },
  );
  for (const b of [0, 8, 16, 24]) p.note(timp, midi(b === 8 ? 'A2' : b === 16 ? 'Bb2' : 'D3'), b, 1, 0.5, { gain: 0.35 });
  p.note(timp, midi('A2'), 28, 1, 0.4, { gain: 0.3 });
  p.roll(timp, midi('A2'), 30, 32, 0.2, 0.55, 12, { gain: 0.25 });
  return p.render({ room: 0.84, damp: 0.4, wet: 0.45 });
}

/** Britain, crisis: C minor, timpani ostinato, low brass stabs, a trumpet call, snare rolls. */
function britainCrisis(): Float32Array {
  const p = new Piece('britain-crisis', 88, 32);
  const ch = chords(`Cm:4 Ab:4 Fm:4 G:4 Cm:4 Db:4 G7:4 G:4`);
  const mel = line(`
    C5:1.5 G4:0.5 C5:1 Eb5:1   Eb5:1.5 C5:0.5 Ab4:2   F4:1 Ab4:1 C5:1.5 Ab4:0.5   B4:2 D5:2
    G5:1.5 Eb5:0.5 C5:1 G4:1   Ab4:1 Db5:1 F5:2   F5:1.5 D5:0.5 B4:1 G4:1   G4:1 B4:1 D5:2`);
  checkBeats(p, 'melody', lineBeats(mel));
  // timpani: root and fifth of each bar's chord, in a driving figure
  const fig: [number, number, number][] = [
    [0, 0, 1],
    [0.5, 0, 0.6],
    [1, 7, 0.8],
    [2, 0, 0.9],
    [2.5, 0, 0.6],
    [3, 7, 0.75],
    [3.5, 7, 0.55],
  ];
  ch.forEach((c, bar) => {
    const root = 43 + ((c.root - 7 + 12) % 12); // G2..F#3
    for (const [b, iv, v] of fig) p.note(timp, iv === 0 ? root : root - 5 < 41 ? root + 7 : root - 5, c.beat + b, 0.5, v * 0.8, { gain: 0.34, rev: 0.2 });
    // low brass stabs: dotted crotchet, quaver, crotchet, crotchet
    const v = voiceChords([c], { count: 3, lo: 48, hi: 62 })[0]!.notes;
    for (const [b, d, vel] of [
      [0, 1.5, 0.85],
      [1.5, 0.5, 0.7],
      [2, 1, 0.8],
      [3, 1, 0.75],
    ] as const) {
      for (const m of v) p.note(trombone, m, c.beat + b, d, vel, { gain: 0.14, legato: 0.6, rev: 0.25 });
      p.note(tuba, 36 + ((c.root - 0 + 12) % 12), c.beat + b, d, vel, { gain: 0.16, legato: 0.6, rev: 0.15 });
    }
    void bar;
  });
  p.line(trumpet, mel, e => (e.dur >= 1.5 ? 0.85 : 0.75), { gain: 0.36, rev: 0.3, legato: 0.92 });
  // high strings, tremolo, on the chord
  const hi = voiceChords(ch, { count: 2, lo: 67, hi: 84 });
  for (const part of parts(hi, 2)) p.line(strsTrem, tie(part), 0.5, { gain: 0.1, rev: 0.35 });
  p.roll(sn, 60, 14, 16, 0.15, 0.7, 14, { gain: 0.22, rev: 0.15 });
  p.roll(sn, 60, 30, 32, 0.15, 0.75, 14, { gain: 0.22, rev: 0.15 });
  p.hit(cym, 0, 0.6, { gain: 0.12, rev: 0.3 });
  p.hit(cym, 16, 0.5, { gain: 0.1, rev: 0.3 });
  return p.render({ room: 0.83, damp: 0.35, wet: 0.4 });
}

/** Oom-pah under a chord track: bass on 1 and 3 (root, then fifth), chords on 2 and 4. */
function oomPah(p: Piece, ch: Chord[], o: { bassInst: Inst; bassGain: number; chordInst: Inst; chordGain: number; lo: number; hi: number; bassLo: number; strum?: boolean }): void {
  const v = voiceChords(ch, { count: 3, lo: o.lo, hi: o.hi });
  v.forEach((c, i) => {
    const chord = ch[i]!;
    const root = o.bassLo + ((chord.root - (o.bassLo % 12) + 12) % 12);
    const fifth = root + 7 > o.bassLo + 12 ? root - 5 : root + 7;
    for (let b = 0; b < c.dur - 1e-9; b += 1) {
      const beatNo = Math.round(c.beat + b) % 4;
      if (beatNo === 0 || beatNo === 2) {
        p.note(o.bassInst, beatNo === 0 || (c.dur < 4 && b === 0) ? root : fifth, c.beat + b, 0.6, beatNo === 0 ? 0.85 : 0.7, { gain: o.bassGain, legato: 0.9, rev: 0.15 });
      } else {
        c.notes.forEach((m, k) => p.note(o.chordInst, m, c.beat + b + (o.strum ? k * 0.03 : 0), 0.45, 0.6, { gain: o.chordGain, legato: 0.9, rev: 0.2 }));
      }
    }
  });
}

/** USSR, calm: a lyrical A-minor song on the accordion over balalaika and oom-pah bass. */
function ussrCalm(): Float32Array {
  const p = new Piece('ussr-calm', 84, 32);
  const mel = line(`
    E4:1 A4:1 A4:1 B4:0.5 C5:0.5   D5:1.5 C5:0.5 A4:2   B4:1 G4:1 D5:1 B4:1   C5:2 E5:1 D5:1
    C5:1.5 A4:0.5 F4:1 A4:1   D5:1.5 C5:0.5 B4:1 A4:1   G#4:1 B4:1 E5:1.5 D5:0.5   C5:1 B4:1 A4:2`);
  const ch = chords(`Am:4 Dm:4 G:4 C:4 F:4 Dm:4 E7:4 Am:4`);
  checkBeats(p, 'melody', lineBeats(mel));
  p.line(acc, mel, e => (e.dur >= 1.5 ? 0.8 : 0.7), { gain: 0.34, rev: 0.3, legato: 0.95 });
  // second time round the balalaika doubles the tune in tremolo, a sixth below (chord tones)
  const under = mel
    .filter(e => e.beat >= 16 && e.midi !== null)
    .map(e => {
      const c = ch.find(x => e.beat >= x.beat && e.beat < x.beat + x.dur)!;
      let m = e.midi! - 3;
      while (!c.pcs.includes(m % 12) && m > e.midi! - 10) m--;
      return { ...e, midi: m };
    });
  for (const e of under) p.roll(balalaika, e.midi!, e.beat, e.beat + e.dur, 0.45, 0.5, 9, { gain: 0.12, rev: 0.3 });
  oomPah(p, ch, { bassInst: accBass, bassGain: 0.26, chordInst: balalaika, chordGain: 0.13, lo: 55, hi: 67, bassLo: 40, strum: true });
  p.line(
    pizz,
    ch.map(c => ({ beat: c.beat, dur: 1, midi: 28 + ((c.root - 4 + 12) % 12) })),
    0.55,
    { gain: 0.18 },
  );
  p.line(strs, tie(parts(voiceChords(ch, { count: 2, lo: 57, hi: 69 }), 2)[0]!), 0.4, { gain: 0.08, rev: 0.4 });
  return p.render({ room: 0.8, damp: 0.45, wet: 0.4 });
}

/** USSR, tense: a D-minor march for brass band: trumpets in thirds, tuba, accordion, snare. */
function ussrTense(): Float32Array {
  const p = new Piece('ussr-tense', 96, 32);
  const mel = line(`
    A4:0.75 A4:0.25 D5:1 D5:0.75 E5:0.25 F5:1   E5:0.75 D5:0.25 C#5:1 A4:2   D5:0.75 E5:0.25 F5:1 A5:1.5 F5:0.5   G5:1 D5:1 E5:1.5 C#5:0.5
    D5:1.5 A4:0.5 D5:1 F5:1   G5:0.75 F5:0.25 D5:1 Bb4:1 G4:1   A4:0.75 C#5:0.25 E5:1 G5:1 E5:1   D5:2 r:2`);
  const ch = chords(`Dm:4 A7:4 Dm:4 Gm:2 A:2 Dm:4 Gm:4 A7:4 Dm:4`);
  checkBeats(p, 'melody', lineBeats(mel));
  const second = mel.map(e => {
    if (e.midi === null) return e;
    const c = ch.find(x => e.beat >= x.beat - 1e-9 && e.beat < x.beat + x.dur - 1e-9)!;
    let m = e.midi - 3;
    while (!c.pcs.includes(((m % 12) + 12) % 12) && m > e.midi - 9) m--;
    return { ...e, midi: m };
  });
  p.line(trumpet, mel, e => (e.dur >= 1 ? 0.8 : 0.65), { gain: 0.3, legato: 0.85, rev: 0.25 });
  p.line(trumpet, second, e => (e.dur >= 1 ? 0.7 : 0.55), { gain: 0.17, legato: 0.85, rev: 0.25 });
  oomPah(p, ch, { bassInst: tuba, bassGain: 0.34, chordInst: acc, chordGain: 0.1, lo: 57, hi: 69, bassLo: 33 });
  // side drum: the march rhythm, a roll into the repeat
  for (let bar = 0; bar < 8; bar++) {
    const b0 = bar * 4;
    const hits: [number, number][] =
      bar === 7
        ? [
            [0, 0.8],
            [1, 0.6],
          ]
        : [
            [0, 0.8],
            [1, 0.5],
            [1.5, 0.4],
            [1.75, 0.45],
            [2, 0.7],
            [3, 0.5],
            [3.5, 0.55],
          ];
    for (const [b, v] of hits) p.hit(sn, b0 + b, v, { gain: 0.2, rev: 0.12 });
    p.hit(bd, b0, 0.8, { gain: 0.35, rev: 0.1 });
    p.hit(bd, b0 + 2, 0.6, { gain: 0.3, rev: 0.1 });
  }
  p.roll(sn, 60, 30, 32, 0.2, 0.7, 16, { gain: 0.2, rev: 0.12 });
  p.hit(cym, 0, 0.45, { gain: 0.1 });
  return p.render({ room: 0.78, damp: 0.4, wet: 0.35 });
}

/** USSR, crisis: G minor, a low brass ostinato (two bars alone), then trumpets over full band. */
function ussrCrisis(): Float32Array {
  const p = new Piece('ussr-crisis', 100, 40);
  const ch = chords(`Gm:4 Gm:4 Gm:4 Eb:4 Cm:4 D:4 Gm:4 Eb:4 Cm:2 D:2 Gm:4`);
  const mel = line(`
    r:8
    D5:2 G5:2   G5:1.5 F5:0.5 Eb5:1 Bb4:1   C5:1.5 D5:0.5 Eb5:1 G5:1   F#5:3 D5:1
    G5:2 D5:1 Bb4:1   Eb5:1.5 F5:0.5 G5:1 Eb5:1   C5:1 Eb5:1 D5:1 A4:1   G4:2 r:2`);
  checkBeats(p, 'melody', lineBeats(mel));
  // the ostinato: root, root, third, root | fifth, sharpened fourth, fifth, rest (in quavers)
  for (const c of ch) {
    const root = 43 + ((c.root - 7 + 12) % 12); // G2..F#3
    const third = root + ((c.pcs[1]! - c.pcs[0]! + 12) % 12);
    const fig = c.dur === 4 ? [root, root, third, root, root + 7, root + 6, root + 7, null] : [root, root, third, root + 7];
    fig.forEach((m, i) => {
      if (m === null) return;
      const v = i === 0 ? 0.9 : 0.72;
      p.note(trombone, m, c.beat + i * 0.5, 0.5, v, { gain: 0.27, legato: 0.75, rev: 0.2 });
      p.note(tuba, m - 12, c.beat + i * 0.5, 0.5, v, { gain: 0.22, legato: 0.75, rev: 0.1 });
    });
  }
  const second = mel.map(e => {
    if (e.midi === null) return e;
    const c = ch.find(x => e.beat >= x.beat - 1e-9 && e.beat < x.beat + x.dur - 1e-9)!;
    let m = e.midi - 3;
    while (!c.pcs.includes(((m % 12) + 12) % 12) && m > e.midi - 9) m--;
    return { ...e, midi: m };
  });
  p.line(trumpet, mel, 0.85, { gain: 0.3, legato: 0.92, rev: 0.3 });
  p.line(trumpet, second, 0.7, { gain: 0.16, legato: 0.92, rev: 0.3 });
  const hi = voiceChords(
    ch.filter(c => c.beat >= 8),
    { count: 2, lo: 67, hi: 82 },
  );
  for (const part of parts(hi, 2)) p.line(strsTrem, tie(part), 0.5, { gain: 0.09, rev: 0.35 });
  for (let bar = 0; bar < 10; bar++) {
    const b0 = bar * 4;
    for (let b = 0; b < 4; b++) p.hit(bd, b0 + b, b % 2 === 0 ? 0.85 : 0.5, { gain: 0.25, rev: 0.1 });
    if (bar !== 1 && bar !== 9) {
      p.hit(sn, b0 + 1, 0.75, { gain: 0.2, rev: 0.12 });
      p.hit(sn, b0 + 3, 0.75, { gain: 0.2, rev: 0.12 });
      p.hit(sn, b0 + 3.5, 0.4, { gain: 0.18, rev: 0.12 });
    }
  }
  p.roll(sn, 60, 6, 8, 0.15, 0.75, 16, { gain: 0.2, rev: 0.12 });
  p.roll(sn, 60, 38, 40, 0.2, 0.8, 16, { gain: 0.2, rev: 0.12 });
  p.hit(cym, 8, 0.7, { gain: 0.12, rev: 0.3 });
  p.hit(cym, 24, 0.6, { gain: 0.11, rev: 0.3 });
  return p.render({ room: 0.8, damp: 0.35, wet: 0.35 });
}

/** Title: Westminster chimes, then an English chorale answered by a Russian march, and back. */
function title(): Float32Array {
  const p = new Piece('title', 84, 40);
  // bells: the first two changes of the Westminster quarters, in G
  const chimes = line(`B4:1 A4:1 G4:1 D4:1   G4:1 B4:1 A4:1 D4:1`);
  p.line(bells, chimes, 0.8, { gain: 0.22, rev: 0.45 });
  p.note(bells, midi('G3'), 8, 2, 0.7, { gain: 0.16, rev: 0.5 });
  const ch = chords(`G:4 G:2 D:2   G:2 C:1 Am:1   D:2 G:1 D:1   Em:2 C:1 G:1   Am:1 G:1 D:2   Em:4 B7:4 Em:2 D:2 G:2 D:2`);
  // an English tune, then a Russian answer in the relative minor
  const mel = line(`
    r:8
    D5:1.5 B4:0.5 C5:1 E5:1   D5:1.5 C5:0.5 B4:1 A4:1   G5:1.5 F#5:0.5 E5:1 D5:1   C5:1 B4:1 A4:2
    B4:0.75 B4:0.25 E5:1 E5:0.75 F#5:0.25 G5:1   F#5:0.75 E5:0.25 D#5:1 B4:2   E5:0.75 F#5:0.25 G5:1 A5:1 F#5:1   G5:2 D5:2`);
  const bass = line(`
    G2:4 G2:2 D2:2   G2:2 C3:1 A2:1   D3:2 B2:1 D3:1   E3:2 C3:1 B2:1   A2:1 G2:1 D2:2
    E2:4 B2:4 E2:2 D2:2 G2:2 D2:2`);
  checkBeats(p, 'melody', lineBeats(mel));
  checkBeats(p, 'bass', lineBeats(bass));
  const english = mel.filter(e => e.beat < 24);
  const russian = mel.filter(e => e.beat >= 24);
  // pad under the bells, then chorale parts under the English tune
  const inner = parts(voiceChords(ch, { count: 2, lo: 52, hi: 71, top: mel, bass }), 2);
  for (const part of inner) {
    p.line(strs, tie(part.filter(e => e.beat < 24)), 0.55, { gain: 0.22, rev: 0.4 });
    p.line(org, tie(part.filter(e => e.beat >= 8 && e.beat < 24)), 0.55, { gain: 0.12, rev: 0.4 });
  }
  p.line(
    strsLow,
    bass.filter(e => e.beat < 24),
    0.65,
    { gain: 0.3, rev: 0.3 },
  );
  p.line(horn, english, e => (e.dur >= 1.5 ? 0.78 : 0.68), { gain: 0.5, rev: 0.35, legato: 0.97 });
  p.roll(timp, midi('D3'), 6, 8, 0.1, 0.5, 12, { gain: 0.25 });
  p.note(timp, midi('G2'), 8, 1, 0.6, { gain: 0.35 });
  // the answer: trumpets, oom-pah tuba and accordion, side drum
  const rch = ch.filter(c => c.beat >= 24 && c.beat < 36);
  p.line(
    trumpet,
    russian.filter(e => e.beat < 36),
    e => (e.dur >= 1 ? 0.8 : 0.65),
    { gain: 0.3, legato: 0.85, rev: 0.3 },
  );
  oomPah(p, rch, { bassInst: tuba, bassGain: 0.32, chordInst: acc, chordGain: 0.1, lo: 55, hi: 67, bassLo: 33 });
  for (let bar = 6; bar < 9; bar++) {
    const b0 = bar * 4;
    for (const [b, v] of [
      [0, 0.75],
      [1, 0.45],
      [1.5, 0.4],
      [2, 0.65],
      [3, 0.45],
      [3.5, 0.5],
    ] as const)
      p.hit(sn, b0 + b, v, { gain: 0.18, rev: 0.15 });
  }
  // the last bar together: G major in full brass and strings, timpani roll back to the bells
  const last = voiceChords(
    ch.filter(c => c.beat >= 36),
    { count: 3, lo: 55, hi: 67 },
  );
  for (const c of last)
    for (const m of c.notes) {
      p.note(trombone, m - 12, c.beat, c.dur, 0.75, { gain: 0.12, rev: 0.35 });
      p.note(strs, m + 12, c.beat, c.dur, 0.6, { gain: 0.14, rev: 0.4 });
    }
  p.line(
    trumpet,
    russian.filter(e => e.beat >= 36),
    0.8,
    { gain: 0.3, rev: 0.35 },
  );
  p.line(
    tuba,
    bass.filter(e => e.beat >= 36),
    0.75,
    { gain: 0.28, rev: 0.2 },
  );
  p.hit(cym, 36, 0.6, { gain: 0.12, rev: 0.4 });
  p.roll(timp, midi('D3'), 38, 40, 0.15, 0.55, 12, { gain: 0.25 });
  return p.render({ room: 0.86, damp: 0.35, wet: 0.5 });
}

const MUSIC: Record<MusicTrack, () => Float32Array> = {
  title,
  'britain-calm': britainCalm,
  'britain-tense': britainTense,
  'britain-crisis': britainCrisis,
  'ussr-calm': ussrCalm,
  'ussr-tense': ussrTense,
  'ussr-crisis': ussrCrisis,
};

// ---------------------------------------------------------------------------------------------
// The cues (44.1 kHz)

const CSR = CUE_SR;

function buffer(seconds: number): Float32Array {
  return new Float32Array(Math.ceil(seconds * CSR));
}

/** Adds damped sinusoids (frequency, decay s, amplitude) at time t. */
function modes(out: Float32Array, t: number, ms: [number, number, number][], gain: number, rng: Rng): void {
  const at = Math.round(t * CSR);
  for (const [f, d, a] of ms) {
    const w = (TAU * f * (1 + 0.01 * noise(rng))) / CSR;
    const n = Math.min(out.length - at, Math.ceil(d * 7 * CSR));
    const ph = rng() * TAU;
    for (let i = 0; i < n; i++) out[at + i]! += gain * a * Math.exp(-i / CSR / d) * Math.sin(w * i + ph);
  }
}

/** Adds a burst of filtered noise at time t. */
function burst(out: Float32Array, t: number, dur: number, decay: number, gain: number, rng: Rng, filters: Biquad[]): void {
  const at = Math.round(t * CSR);
  const n = Math.min(out.length - at, Math.ceil(dur * CSR));
  const b = new Float32Array(n);
  for (let i = 0; i < n; i++) b[i] = noise(rng) * Math.exp(-i / CSR / decay);
  for (const f of filters) f.run(b);
  for (let i = 0; i < n; i++) out[at + i]! += gain * b[i]!;
}

function room(x: Float32Array, wet: number, size = 0.6, damp = 0.5): Float32Array {
  const r = reverb(x, CSR, { room: size, damp, predelay: 0.008 });
  for (let i = 0; i < x.length; i++) x[i] = x[i]! + wet * r[i]!;
  return x;
}

function fadeOut(x: Float32Array, seconds: number): Float32Array {
  const n = Math.floor(seconds * CSR);
  for (let i = 0; i < n; i++) x[x.length - 1 - i] = x[x.length - 1 - i]! * (i / n) ** 2;
  return x;
}

/** A telegraph sounder: the armature clicks down and clacks up; dots and dashes spell "CQ". */
function cueTelegraph(rng: Rng): Float32Array {
  const out = buffer(1.9);
  const unit = 0.062;
  let t = 0.03;
  for (const letter of ['-.-.', '--.-']) {
    for (const sym of letter) {
      const len = sym === '-' ? 3 * unit : unit;
      modes(
        out,
        t,
        [
          [1240, 0.03, 1],
          [2480, 0.018, 0.55],
          [3920, 0.01, 0.35],
          [640, 0.04, 0.45],
        ],
        0.9,
        rng,
      );
      burst(out, t, 0.004, 0.001, 0.5, rng, [Biquad.hp(CSR, 2000)]);
      modes(
        out,
        t + len,
        [
          [960, 0.025, 0.7],
          [2130, 0.015, 0.45],
          [3310, 0.008, 0.3],
        ],
        0.6,
        rng,
      );
      burst(out, t + len, 0.003, 0.001, 0.3, rng, [Biquad.hp(CSR, 2000)]);
      t += len + unit;
    }
    t += 2 * unit;
  }
  return fadeOut(room(out, 0.25, 0.55), 0.1);
}

/** A typewriter: a run of key clacks with a space, the margin bell, the carriage pulled back. */
function cueTypewriter(rng: Rng): Float32Array {
  const out = buffer(2.1);
  let t = 0.03;
  for (let k = 0; k < 9; k++) {
    const space = k === 5;
    const v = rand(rng, 0.75, 1);
    if (space) {
      modes(
        out,
        t,
        [
          [420, 0.03, 1],
          [1100, 0.015, 0.5],
        ],
        0.6 * v,
        rng,
      );
    } else {
      burst(out, t, 0.01, 0.0025, 0.9 * v, rng, [Biquad.bp(CSR, rand(rng, 2800, 3600), 1.2)]);
      modes(
        out,
        t,
        [
          [rand(rng, 1600, 1900), 0.018, 0.8],
          [rand(rng, 2800, 3300), 0.01, 0.6],
          [480, 0.025, 0.6],
          [130, 0.03, 0.7],
        ],
        0.7 * v,
        rng,
      );
      // the type bar returning
      modes(out, t + 0.045, [[2300, 0.008, 0.4]], 0.3 * v, rng);
    }
    t += rand(rng, 0.085, 0.16);
  }
  // margin bell
  const bt = t + 0.05;
  modes(
    out,
    bt,
    [
      [2350, 0.9, 1],
      [2350 * 2.76, 0.35, 0.35],
      [2350 * 1.51, 0.5, 0.25],
    ],
    0.55,
    rng,
  );
  // carriage return: ratchet clicks speeding up, then a thunk
  let ct = bt + 0.3;
  for (let i = 0; i < 14; i++) {
    modes(
      out,
      ct,
      [
        [3100, 0.004, 0.8],
        [1500, 0.006, 0.4],
      ],
      0.35,
      rng,
    );
    ct += 0.028 - i * 0.0012;
  }
  burst(out, bt + 0.3, ct - bt - 0.3, 0.5, 0.12, rng, [Biquad.bp(CSR, 1200, 0.8)]);
  modes(
    out,
    ct + 0.01,
    [
      [160, 0.05, 1],
      [620, 0.03, 0.6],
      [1900, 0.012, 0.4],
    ],
    0.9,
    rng,
  );
  return fadeOut(room(out, 0.18, 0.5), 0.15);
}

/** A gavel: two knocks of hard wood on a block, in a panelled room. */
function cueGavel(rng: Rng): Float32Array {
  const out = buffer(1.1);
  const knock = (t: number, v: number) => {
    modes(
      out,
      t,
      [
        [190, 0.1, 0.7],
        [415, 0.07, 1],
        [955, 0.045, 0.6],
        [1840, 0.028, 0.35],
        [3050, 0.014, 0.2],
      ],
      v,
      rng,
    );
    burst(out, t, 0.006, 0.0015, 0.7 * v, rng, [Biquad.bp(CSR, 2500, 0.7)]);
  };
  knock(0.02, 0.85);
  knock(0.34, 1);
  return fadeOut(room(out, 0.4, 0.7, 0.45), 0.2);
}

const VOWELS: [number, number][] = [
  [730, 1090],
  [530, 1840],
  [300, 2200],
  [570, 840],
  [440, 1020],
  [500, 1500],
  [660, 1700],
];

/** A crowd: a murmur of voices (pulse trains through moving formants) that swells into approval. */
function cueCrowd(rng: Rng): Float32Array {
  const dur = 3.2;
  const out = buffer(dur);
  const voices = 22;
  for (let v = 0; v < voices; v++) {
    const male = rng() < 0.75;
    const f0 = male ? rand(rng, 95, 150) : rand(rng, 180, 240);
    const f1 = new Biquad(0, 0, 0, 0, 0);
    const f2 = new Biquad(0, 0, 0, 0, 0);
    let ph = rng();
    let syl = 0;
    let sylLen = 0;
    let amp = 0;
    let target = 0;
    let vow = VOWELS[0]!;
    let cur: [number, number] = [vow[0], vow[1]];
    const gain = rand(rng, 0.5, 1) / Math.sqrt(voices);
    const n = out.length;
    for (let i = 0; i < n; i++) {
      const t = i / CSR;
      if (--syl <= 0) {
        sylLen = rand(rng, 0.09, 0.26);
        syl = Math.floor(sylLen * CSR);
        target = rng() < 0.2 ? 0 : rand(rng, 0.4, 1);
        vow = VOWELS[Math.floor(rng() * VOWELS.length)]!;
      }
      // from 1.3 s on the crowd warms to it: louder, higher, open vowels
      const swell = Math.min(1, Math.max(0, (t - 1.3) / 0.6));
      const tgt = swell > 0 ? Math.max(target, 0.7 * swell) : target;
      amp += (tgt - amp) * 0.0015;
      if (i % 32 === 0) {
        const open = swell > 0.3 ? VOWELS[0]! : vow;
        cur = [cur[0] + (open[0] - cur[0]) * 0.08, cur[1] + (open[1] - cur[1]) * 0.08];
        f1.set('bp', CSR, cur[0] * (male ? 1 : 1.15), 4);
        f2.set('bp', CSR, cur[1] * (male ? 1 : 1.15), 5);
      }
      const pitch = f0 * (1 + 0.6 * swell) * (1 + 0.03 * Math.sin(TAU * 3 * t + v));
      ph += pitch / CSR;
      if (ph >= 1) ph -= 1;
      const src = (2 * ph - 1) * 0.6 + 0.25 * noise(rng);
      out[i]! += gain * amp * (1 + 0.8 * swell) * (f1.tick(src) + 0.6 * f2.tick(src));
    }
  }
  // room noise: breath and shuffling
  const air = buffer(dur);
  for (let i = 0; i < air.length; i++) air[i] = noise(rng) * 0.05 * (1 + Math.min(1, Math.max(0, (i / CSR - 1.3) / 0.6)));
  Biquad.bp(CSR, 1500, 0.5).run(air);
  for (let i = 0; i < out.length; i++) {
    const t = i / CSR;
    const env = Math.min(1, t / 0.35) * Math.min(1, (dur - t) / 0.9);
    out[i] = env * (out[i]! + air[i]!);
  }
  Biquad.hp(CSR, 120).run(out);
  Biquad.lp(CSR, 6000).run(out);
  return room(out, 0.35, 0.75, 0.5);
}

/** A newspaper: a page lifted and turned (rustle and crinkle), then flicked straight. */
function cueNewspaper(rng: Rng): Float32Array {
  const out = buffer(1.15);
  const gesture = (t0: number, len: number, f0: number, f1: number, v: number) => {
    const at = Math.round(t0 * CSR);
    const n = Math.ceil(len * CSR);
    const bp = Biquad.bp(CSR, f0, 0.9);
    for (let i = 0; i < n && at + i < out.length; i++) {
      const k = i / n;
      if (i % 64 === 0) bp.set('bp', CSR, f0 + (f1 - f0) * k, 0.9);
      const env = Math.sin(Math.PI * k) ** 1.5;
      out[at + i]! += v * env * bp.tick(noise(rng)) * (0.6 + 0.4 * Math.sin(TAU * 11 * k + rng() * 0.3));
      // crinkles
      if (rng() < (90 / CSR) * env * 2) burst(out, t0 + i / CSR, 0.004, rand(rng, 0.0004, 0.0015), v * rand(rng, 0.3, 1), rng, [Biquad.hp(CSR, rand(rng, 2500, 5000))]);
    }
  };
  gesture(0.02, 0.45, 1800, 4500, 0.5);
  gesture(0.42, 0.4, 3500, 1500, 0.35);
  // the flick
  burst(out, 0.92, 0.05, 0.01, 0.9, rng, [Biquad.bp(CSR, 1300, 1.2)]);
  burst(out, 0.92, 0.03, 0.004, 0.6, rng, [Biquad.hp(CSR, 3000)]);
  return fadeOut(room(out, 0.15, 0.5), 0.2);
}

/** A UI click: a small switch, down and up. */
function cueClick(rng: Rng): Float32Array {
  const out = buffer(0.09);
  modes(
    out,
    0.002,
    [
      [2600, 0.004, 1],
      [5200, 0.0025, 0.5],
      [900, 0.008, 0.35],
    ],
    1,
    rng,
  );
  burst(out, 0.002, 0.002, 0.0005, 0.5, rng, [Biquad.hp(CSR, 3000)]);
  modes(
    out,
    0.026,
    [
      [3150, 0.003, 0.6],
      [1200, 0.005, 0.2],
    ],
    0.5,
    rng,
  );
  return fadeOut(out, 0.02);
}

/** A rubber stamp: a muffled thud on paper over a desk, then the stamp lifted. */
function cueStamp(rng: Rng): Float32Array {
  const out = buffer(0.7);
  const at = Math.round(0.03 * CSR);
  let ph = 0;
  for (let i = 0; at + i < out.length; i++) {
    const t = i / CSR;
    ph += (TAU * (58 + 60 * Math.exp(-t / 0.018))) / CSR;
    out[at + i]! += 0.9 * Math.exp(-t / 0.07) * Math.sin(ph);
  }
  modes(
    out,
    0.03,
    [
      [210, 0.06, 0.5],
      [520, 0.03, 0.25],
      [1150, 0.012, 0.12],
    ],
    0.8,
    rng,
  );
  burst(out, 0.03, 0.06, 0.012, 0.8, rng, [Biquad.lp(CSR, 900)]);
  burst(out, 0.03, 0.05, 0.02, 0.25, rng, [Biquad.bp(CSR, 450, 1.5)]);
  // the paper under it: a short slap
  burst(out, 0.03, 0.02, 0.004, 0.35, rng, [Biquad.bp(CSR, 1800, 0.8)]);
  // lifted: the rubber lets go of the paper
  burst(out, 0.27, 0.02, 0.004, 0.12, rng, [Biquad.hp(CSR, 2500)]);
  return fadeOut(room(out, 0.2, 0.45, 0.5), 0.15);
}

const CUE_SYNTH: Record<Cue, (rng: Rng) => Float32Array> = {
  telegraph: cueTelegraph,
  typewriter: cueTypewriter,
  gavel: cueGavel,
  crowd: cueCrowd,
  newspaper: cueNewspaper,
  click: cueClick,
  stamp: cueStamp,
};

/** Peak each cue is mastered to. */
const CUE_PEAK: Record<Cue, number> = { telegraph: 0.7, typewriter: 0.75, gavel: 0.85, crowd: 0.6, newspaper: 0.7, click: 0.5, stamp: 0.85 };

// ---------------------------------------------------------------------------------------------
// Mastering, files

function stats(x: Float32Array): { peak: number; rms: number } {
  let peak = 0;
  let sum = 0;
  for (const v of x) {
    peak = Math.max(peak, Math.abs(v));
    sum += v * v;
  }
  return { peak, rms: Math.sqrt(sum / x.length) };
}

/** Music: DC removed, levelled to an RMS, soft-limited, the peak kept under 0.89. */
function masterMusic(x: Float32Array, sr: number, targetRms: number): { x: Float32Array; limited: number; peakIn: number } {
  // a high-pass run twice round the loop so its state at the start matches the end
  const hp = Biquad.hp(sr, 35);
  for (const v of x) hp.tick(v);
  hp.run(x);
  const { rms } = stats(x);
  scale(x, targetRms / rms);
  const knee = 0.55;
  const peakIn = stats(x).peak;
  let limited = 0;
  for (let i = 0; i < x.length; i++) {
    if (Math.abs(x[i]!) > knee) limited++;
    const a = Math.abs(x[i]!);
    if (a > knee) x[i] = Math.sign(x[i]!) * (knee + (1 - knee) * Math.tanh((a - knee) / (1 - knee)));
  }
  const { peak } = stats(x);
  if (peak > 0.89) scale(x, 0.89 / peak);
  return { x, limited: limited / x.length, peakIn };
}

function wav(x: Float32Array, sr: number): Buffer {
  const b = Buffer.alloc(44 + x.length * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + x.length * 2, 4);
  b.write('WAVE', 8);
  b.write('fmt ', 12);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(sr, 24);
  b.writeUInt32LE(sr * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(x.length * 2, 40);
  // TPDF dither from a fixed seed, so the files are the same every run
  const rng = mulberry32(0x5eed);
  for (let i = 0; i < x.length; i++) {
    const d = (rng() - rng()) / 32768;
    const v = Math.max(-1, Math.min(1, x[i]! + d));
    b.writeInt16LE(Math.round(v * 32767), 44 + i * 2);
  }
  return b;
}

function encode(stem: string, x: Float32Array, sr: number, music: boolean): void {
  const wavPath = join(WORK_DIR, `${stem}.wav`);
  writeFileSync(wavPath, wav(x, sr));
  const ogg = join(OUT_DIR, `${stem}.ogg`);
  const mp3 = join(OUT_DIR, `${stem}.mp3`);
  execFileSync('oggenc', ['--quiet', '-q', music ? '2' : '3', '--serial', String(hashString(stem) & 0x7fffffff), '-o', ogg, wavPath]);
  execFileSync('lame', ['--quiet', '--noreplaygain', '-m', 'm', '-b', music ? '40' : '64', wavPath, mp3]);
}

function main(): void {
  const args = process.argv.slice(2);
  const png = args.includes('--png');
  const only = args.filter(a => !a.startsWith('--'));
  mkdirSync(OUT_DIR, { recursive: true });
  mkdirSync(WORK_DIR, { recursive: true });
  if (png) mkdirSync(PNG_DIR, { recursive: true });
  for (const t of MUSIC_TRACKS) if (!MUSIC[t]) throw new Error(`no music for ${t}`);
  for (const c of CUES) if (!CUE_SYNTH[c]) throw new Error(`no cue ${c}`);
  const want = (name: string) => only.length === 0 || only.includes(name);
  const rows: string[] = [];
  const report = (stem: string, x: Float32Array, sr: number) => {
    const s = stats(x);
    const size = (ext: string) => statSync(join(OUT_DIR, `${stem}.${ext}`)).size;
    rows.push(
      `${stem.padEnd(22)} ${(x.length / sr).toFixed(2).padStart(6)} s  peak ${s.peak.toFixed(3)}  rms ${s.rms.toFixed(3)} (${(20 * Math.log10(s.rms)).toFixed(1)} dBFS)  ogg ${(size('ogg') / 1024).toFixed(0)} KB  mp3 ${(size('mp3') / 1024).toFixed(0)} KB`,
    );
    if (png) {
      execFileSync('sox', [join(WORK_DIR, `${stem}.wav`), '-n', 'spectrogram', '-x', '1400', '-y', '400', '-z', '75', '-t', stem, '-o', join(PNG_DIR, `${stem}.png`)]);
      // the notes: 0-1.5 kHz only
      if (x.length / sr > 0.5)
        execFileSync('sox', [
          join(WORK_DIR, `${stem}.wav`),
          '-n',
          'rate',
          '3000',
          'spectrogram',
          '-x',
          '1400',
          '-y',
          '500',
          '-z',
          '60',
          '-t',
          `${stem} (0-1.5 kHz)`,
          '-o',
          join(PNG_DIR, `${stem}-low.png`),
        ]);
    }
  };
  for (const c of CUES) {
    if (!want(c)) continue;
    const x = CUE_SYNTH[c](mulberry32(hashString(`cue:${c}`)));
    const { peak } = stats(x);
    scale(x, CUE_PEAK[c] / peak);
    encode(CUE_FILES[c], x, CUE_SR, false);
    report(CUE_FILES[c], x, CUE_SR);
  }
  for (const t of MUSIC_TRACKS) {
    if (!want(t)) continue;
    const started = Date.now();
    const { x, limited, peakIn } = masterMusic(MUSIC[t](), MUSIC_SR, 0.13);
    encode(MUSIC_FILES[t], x, MUSIC_SR, true);
    report(MUSIC_FILES[t], x, MUSIC_SR);
    rows[rows.length - 1] += `  limiter: peak in ${peakIn.toFixed(2)}, ${(limited * 100).toFixed(2)}% of samples  (${((Date.now() - started) / 1000).toFixed(1)} s)`;
  }
  console.log(rows.join('\n'));
}

main();
