// Third parties: each power's alignment (-100 with Moscow .. +100 with London) moves with events
// and lobbying (scenario effects) and otherwise settles back toward its own interest.
import { addFig, type Draft } from './draft';

export function thirdPartyStep(d: Draft, days: number): void {
  for (const p of d.c.parties) {
    const v = d.s.fig[p.iAlign]!;
    const back = (p.rest - v) * Math.min(1, (0.03 * days) / 7);
    if (Math.abs(back) >= 0.05) addFig(d, p.iAlign, back, 'rule:alignment-settles', d.rec ? `${p.name} returns toward its own interest` : undefined);
  }
}
