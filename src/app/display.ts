// Display settings remembered between visits.
import type { KV } from './storage';

export interface Display {
  reducedMotion: boolean;
}
const KEY = 'asd.display';

export function readDisplay(kv: KV): Display {
  try {
    const x = JSON.parse(kv.getItem(KEY) ?? '{}') as Partial<Display>;
    return { reducedMotion: x.reducedMotion === true };
  } catch {
    return { reducedMotion: false };
  }
}

export function writeDisplay(kv: KV, d: Display): void {
  try {
    kv.setItem(KEY, JSON.stringify(d));
  } catch {
    /* not remembered; it still applies now */
  }
}
