// Who sits in the body that decides for each side (the British Cabinet, the Politburo), and who is
// weighed in its decisions without a seat in it (member: false): their students advise, not vote.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const outside = (id: string) =>
  compile(loadScenarioFile(id))
    .ministers.filter(m => !m.member)
    .map(m => m.id)
    .sort();

describe('members of the deciding body', () => {
  it('mark the envoys, officials, junior ministers and candidate members of each scenario as outside it', () => {
    // Mikoyan was a candidate member of the Politburo (a voice, no vote); the Narkomindel's people, Rosengolts,
    // Manuilsky, Kuusinen and Piatakov were never members; Dalton, Mosley, Elliot and Colville held posts outside
    // the Cabinet; Vansittart and Ovey were officials.
    expect(outside('1927')).toEqual(['chicherin', 'khinchuk', 'litvinov', 'maisky', 'mikoyan', 'rosengolts']);
    expect(outside('1929')).toEqual(['chicherin', 'dalton', 'dovgalevsky', 'litvinov', 'mikoyan', 'mosley', 'piatakov', 'sokolnikov']);
    expect(outside('1932')).toEqual(
      ['bogomolov', 'colville', 'elliot', 'krestinsky', 'kuusinen', 'litvinov', 'maisky', 'manuilsky', 'ovey', 'ozersky', 'piatakov', 'rosengolts', 'sokolnikov', 'vansittart'].sort(),
    );
  });

  it('refuse a body of the other side, and a Narkomindel man counted a member', () => {
    const sc = loadScenarioFile('1927');
    const k = sc.ministers.findIndex(m => m.id === 'chicherin');
    const edit = (m: object) => () => compile({ ...sc, ministers: sc.ministers.map((x, j) => (j === k ? { ...x, ...m } : x)) });
    expect(edit({ member: undefined })).toThrow(/ministers\[\d+\]\.member.*Narkomindel/);
    expect(edit({ body: 'cabinet' })).toThrow(/ministers\[\d+\]\.body.*"cabinet" is not a body of the ussr side/);
  });
});
