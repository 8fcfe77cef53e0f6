// Display settings kept between visits (src/app/display.ts): the single-letter keys can be turned
// off (WCAG 2.1.4) and stay off; a browser that kept settings before the choice existed has them on.
import { describe, expect, it } from 'vitest';
import { readDisplay, writeDisplay } from '../../src/app/display';
import type { KV } from '../../src/app/storage';

function memory(): KV & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: k => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: k => void data.delete(k) };
}

describe('display settings', () => {
  it('have the letter keys on by default, and on for settings saved before the choice', () => {
    const kv = memory();
    expect(readDisplay(kv)).toEqual({ reducedMotion: false, letterKeys: true });
    kv.setItem('asd.display', JSON.stringify({ reducedMotion: true }));
    expect(readDisplay(kv)).toEqual({ reducedMotion: true, letterKeys: true });
    kv.setItem('asd.display', 'not json');
    expect(readDisplay(kv).letterKeys).toBe(true);
  });

  it('keep the letter keys off once turned off', () => {
    const kv = memory();
    writeDisplay(kv, { reducedMotion: false, letterKeys: false });
    expect(readDisplay(kv)).toEqual({ reducedMotion: false, letterKeys: false });
  });
});
