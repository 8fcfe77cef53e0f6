// `npm run explore -- --branch EVENT.OPTION`: the terminal makes a branch in the stored tree (the
// other option at that decision of history or of a stored branch), which the browser and later runs
// then find; a bad event or option is refused with the options there are, and nothing is stored.
import { describe, expect, it } from 'vitest';
import { FileKV } from '../../src/app/history/fileKV';
import { TRUNK_ID, TreeStore } from '../../src/app/history/index';
import { makeBranch } from '../../src/cli/explore';
import { loadScenarioFile } from '../loadScenario';
import { cli, tempDir } from './helpers';

const sc = loadScenarioFile('1927');

describe('explore --branch', () => {
  it('stores a branch taking the other option, named by its divergence', () => {
    const store = tempDir();
    const a = makeBranch(sc, 'arcos-tip.refuse', undefined, store);
    expect(a.what).toMatch(/^new branch b1 \(At “A tip about Arcos” .* Britain chose “Refuse/);
    const back = new TreeStore(new FileKV(store)).load(sc);
    if (!back.ok || !back.value) throw new Error('no stored tree');
    const n = back.value.node(a.id)!;
    expect(n.parent).toBe(TRUNK_ID);
    expect(back.value.moves(a.id).at(-1)).toEqual({ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' });
    expect(a.line).toEqual(back.value.line(a.id));
    // Refused with the reason, the stored tree unchanged.
    expect(() => makeBranch(sc, 'arcos-tip.nonsense', undefined, store)).toThrow(/not an option of arcos-tip \(have: /);
    expect(() => makeBranch(sc, 'no-such-event.x', undefined, store)).toThrow(/not an event with a decision/);
    expect(() => makeBranch(sc, 'arcos-tip.refuse', 'b99', store)).toThrow(/--at must name history or a stored branch/);
    const after = new TreeStore(new FileKV(store)).load(sc);
    expect(after.ok && after.value?.nodes().map(x => x.id)).toEqual([TRUNK_ID, a.id]);
  });

  it('runs from the command line and says which branch it made', () => {
    const store = tempDir();
    const r = cli(['explore', '--scenario', '1927', '--branch', 'arcos-tip.refuse', '--games', '10', '--workers', '1', '--store', store, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.branch).toBe('b1');
    expect(j.distribution.games).toBe(10);
  }, 120_000);
});
