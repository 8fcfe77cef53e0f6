// 1927 (version 9): papers of third powers that neither London nor Moscow read are told to neither
// side. Dirksen's memorandum of 3 June is an unpublished paper of the German Foreign Ministry (thesis
// fn L4155-4160), the Japanese ambassador's remark on Stalin's return from the Caucasus is in the
// Japanese Foreign Ministry's files (fn L4431-4434); both once stood in news both sides read. And the
// thesis names Cushendun as Cecil's successor at the Duchy without dating his appointment (L5512-5516),
// so he is not named at the resignation of August.
import { describe, expect, it } from 'vitest';
import { historicalPlayer, runGame } from '../../src/ai/index';
import { compile, createGame, seatView } from '../../src/engine/index';
import { SIDES } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const event = (id: string) => sc.events.find(e => e.id === id)!;
const told = (id: string) => JSON.stringify([event(id).title, event(id).text, event(id).effects ?? []]);

describe('1927: third powers’ papers and an undated appointment', () => {
  it('Birkenhead’s speech and Stalin’s article no longer carry Dirksen’s or the Japanese ambassador’s papers', () => {
    expect(told('birkenhead-softens')).not.toContain('Dirksen');
    expect(told('stalin-pravda')).not.toMatch(/Japanese/);
  });

  it('Cecil’s resignation does not name his successor', () => {
    expect(told('cecil-resigns')).not.toContain('Cushendun');
  });

  it('no side reads them in the historical game', () => {
    const s = runGame(sc, createGame(sc, 'history-0'), { britain: historicalPlayer, ussr: historicalPlayer }, false).state;
    for (const side of SIDES) {
      const v = seatView(c, s, side);
      const read = [...c.events.filter(e => v.fired[e.i]! >= 0).map(e => `${e.title} ${e.text}`), ...v.news.map(n => n.text)].join('\n');
      expect(read).toContain('Stalin writes at length in Pravda');
      expect(read).not.toMatch(/Dirksen|Japanese ambassador|Cushendun/);
    }
  });
});
