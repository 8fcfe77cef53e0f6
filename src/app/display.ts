// Display settings remembered between visits.
import type { KV } from './storage';

export interface Display {
  reducedMotion: boolean;
  /** The desk's single-letter keys (O, N, R, G, W, C, S, M, ?); they can be turned off (WCAG 2.1.4), as speech input may type them. */
  letterKeys: boolean;
}
const KEY = 'asd.display';

export function readDisplay(kv: KV): Display {
  try {
    const x = JSON.parse(kv.getItem(KEY) ?? '{}') as Partial<Display>;
    // Absent (a browser that saved settings before there was a choice): on, as they were.
    return { reducedMotion: x.reducedMotion === true, letterKeys: x.letterKeys !== false };
  } catch {
    return { reducedMotion: false, letterKeys: true };
  }
}

export function writeDisplay(kv: KV, d: Display): void {
  try {
    kv.setItem(KEY, JSON.stringify(d));
  } catch {
    /* not remembered; it still applies now */
  }
}
