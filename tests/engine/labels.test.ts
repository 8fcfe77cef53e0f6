// The one table of presentation constants: bands cover the whole war danger range in order, and
// every state of relations has both labels.
import { describe, expect, it } from 'vitest';
import { RELATION_LABEL, RELATION_LABELS, RELATIONS, SIDE_LABEL, sideLabel, WAR_DANGER_BANDS, warDangerBand } from '../../src/engine/index';

describe('presentation constants', () => {
  it('war danger bands start at 0, rise, and each value falls in the band its thresholds say', () => {
    expect(WAR_DANGER_BANDS[0]!.from).toBe(0);
    for (let k = 1; k < WAR_DANGER_BANDS.length; k++) expect(WAR_DANGER_BANDS[k]!.from).toBeGreaterThan(WAR_DANGER_BANDS[k - 1]!.from);
    expect([0, 34.9, 35, 59.9, 60, 100].map(v => warDangerBand(v).name)).toEqual(['calm', 'calm', 'tense', 'tense', 'crisis', 'crisis']);
  });

  it('every state of relations has a long and a short label, and RELATION_LABEL is the long one', () => {
    for (const r of RELATIONS) {
      expect(RELATION_LABELS[r].long.length).toBeGreaterThan(0);
      expect(RELATION_LABELS[r].short.length).toBeGreaterThan(0);
      expect(RELATION_LABEL[r]).toBe(RELATION_LABELS[r].long);
    }
  });

  it('sides are named as a player reads them, and an unknown side from a save is quoted as given', () => {
    expect(SIDE_LABEL).toEqual({ britain: 'Britain', ussr: 'the USSR' });
    expect([sideLabel('britain'), sideLabel('ussr'), sideLabel('france')]).toEqual(['Britain', 'the USSR', 'france']);
  });
});
