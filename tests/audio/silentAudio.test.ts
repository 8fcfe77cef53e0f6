import { describe, expect, it } from 'vitest';
import { CUES } from '../../src/audio/audio';
import { makeAudio } from '../../src/audio/index';
import { AUDIO_SETTINGS_KEY, AudioSettingsStore, memoryStorage } from '../../src/audio/settings';
import { SilentAudio } from '../../src/audio/silentAudio';

describe('silent audio', () => {
  it('records cues, music and stops in order', () => {
    const a = new SilentAudio();
    for (const c of CUES) a.cue(c);
    a.music('britain', 'tense');
    a.music('title', 'crisis');
    expect(a.currentTrack()).toBe('title');
    a.stopMusic();
    expect(a.currentTrack()).toBeNull();
    expect(a.cues()).toEqual([...CUES]);
    expect(a.calls.slice(CUES.length)).toEqual([{ kind: 'music', side: 'britain', mood: 'tense' }, { kind: 'music', side: 'title', mood: 'crisis' }, { kind: 'stopMusic' }]);
    a.clear();
    expect(a.calls).toEqual([]);
  });

  it('records volume and mute, clamps the volume and remembers both', () => {
    const mem = memoryStorage();
    const a = new SilentAudio(new AudioSettingsStore(mem));
    expect(a.volume()).toBe(0.7);
    expect(a.muted()).toBe(false);
    a.setVolume(2);
    expect(a.volume()).toBe(1);
    a.setVolume(0.3);
    a.setMuted(true);
    expect(a.muted()).toBe(true);
    expect(a.calls).toEqual([
      { kind: 'volume', volume: 1 },
      { kind: 'volume', volume: 0.3 },
      { kind: 'muted', muted: true },
    ]);
    expect(JSON.parse(mem.data.get(AUDIO_SETTINGS_KEY)!)).toEqual({ volume: 0.3, muted: true });
    const again = new SilentAudio(new AudioSettingsStore(mem));
    expect(again.volume()).toBe(0.3);
    expect(again.muted()).toBe(true);
  });

  it('makeAudio gives a silent port in Node, with the settings from the given storage', () => {
    const mem = memoryStorage({ [AUDIO_SETTINGS_KEY]: '{"volume":0.45,"muted":true}' });
    const a = makeAudio(mem);
    expect(a).toBeInstanceOf(SilentAudio);
    expect(a.volume()).toBe(0.45);
    expect(a.muted()).toBe(true);
    expect(() => {
      a.cue('gavel');
      a.music('ussr', 'calm');
      a.stopMusic();
    }).not.toThrow();
  });
});
