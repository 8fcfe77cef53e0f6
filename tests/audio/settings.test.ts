import { describe, expect, it } from 'vitest';
import {
  AUDIO_SETTINGS_KEY,
  AudioSettingsStore,
  browserStorage,
  clampVolume,
  DEFAULT_AUDIO_SETTINGS,
  type KeyValueStorage,
  memoryStorage,
  parseAudioSettings,
  serializeAudioSettings,
} from '../../src/audio/settings';

describe('audio settings', () => {
  it('defaults are volume 0.7, not muted', () => {
    expect(DEFAULT_AUDIO_SETTINGS).toEqual({ volume: 0.7, muted: false });
    expect(new AudioSettingsStore(memoryStorage()).load()).toEqual({ volume: 0.7, muted: false });
    expect(new AudioSettingsStore(null).load()).toEqual({ volume: 0.7, muted: false });
  });

  it('round-trips through the storage under asd.audio', () => {
    const mem = memoryStorage();
    const store = new AudioSettingsStore(mem);
    expect(store.save({ volume: 0.35, muted: true })).toBe(true);
    expect(mem.data.has(AUDIO_SETTINGS_KEY)).toBe(true);
    expect(AUDIO_SETTINGS_KEY).toBe('asd.audio');
    // a new store on the same storage: as after a reload
    expect(new AudioSettingsStore(mem).load()).toEqual({ volume: 0.35, muted: true });
    store.save({ volume: 0, muted: false });
    expect(new AudioSettingsStore(mem).load()).toEqual({ volume: 0, muted: false });
  });

  it('corrupt stored values fall back to the defaults', () => {
    const cases: [string, { volume: number; muted: boolean }][] = [
      ['not json', { volume: 0.7, muted: false }],
      ['', { volume: 0.7, muted: false }],
      ['null', { volume: 0.7, muted: false }],
      ['[1,2]', { volume: 0.7, muted: false }],
      ['42', { volume: 0.7, muted: false }],
      ['"loud"', { volume: 0.7, muted: false }],
      ['{"volume":"0.5","muted":"yes"}', { volume: 0.7, muted: false }],
      ['{"volume":null,"muted":1}', { volume: 0.7, muted: false }],
      ['{"volume":0.4}', { volume: 0.4, muted: false }],
      ['{"muted":true}', { volume: 0.7, muted: true }],
      ['{"volume":0.2,"muted":true,"extra":1}', { volume: 0.2, muted: true }],
    ];
    for (const [raw, want] of cases) {
      expect(parseAudioSettings(raw), raw).toEqual(want);
      expect(new AudioSettingsStore(memoryStorage({ [AUDIO_SETTINGS_KEY]: raw })).load(), raw).toEqual(want);
    }
    expect(parseAudioSettings(null)).toEqual(DEFAULT_AUDIO_SETTINGS);
  });

  it('volumes are clamped to 0..1; non-numbers are the default', () => {
    expect(clampVolume(1.5)).toBe(1);
    expect(clampVolume(-0.2)).toBe(0);
    expect(clampVolume(0.25)).toBe(0.25);
    expect(clampVolume(Number.NaN)).toBe(0.7);
    expect(clampVolume(Number.POSITIVE_INFINITY)).toBe(0.7);
    expect(clampVolume('1')).toBe(0.7);
    expect(parseAudioSettings('{"volume":7,"muted":false}')).toEqual({ volume: 1, muted: false });
    expect(parseAudioSettings('{"volume":-3,"muted":false}')).toEqual({ volume: 0, muted: false });
    expect(JSON.parse(serializeAudioSettings({ volume: 9, muted: true }))).toEqual({ volume: 1, muted: true });
  });

  it('a storage that throws acts as empty and never throws', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = new AudioSettingsStore(broken);
    expect(store.load()).toEqual(DEFAULT_AUDIO_SETTINGS);
    expect(store.save({ volume: 0.1, muted: true })).toBe(false);
  });

  it('there is no browser storage in Node', () => {
    expect(browserStorage()).toBeNull();
  });
});
