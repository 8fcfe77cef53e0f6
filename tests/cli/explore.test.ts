// `npm run explore`: from a date of history, a stored branch (id or id@date) or a share code; bad
// input is refused with the reason (exit 1 for a refused input, 2 for a usage error).
import { describe, expect, it } from 'vitest';
import { FileKV } from '../../src/app/history/fileKV';
import { encodeShareCode, HistoryTree, TRUNK_ID, TreeStore } from '../../src/app/history/index';
import { loadScenarioFile } from '../loadScenario';
import { cli, tempDir } from './helpers';

const sc = loadScenarioFile('1927');
const store = tempDir();
const tree = HistoryTree.create(sc);
const tip = tree.steps(TRUNK_ID).find(s => s.move.type === 'decide' && s.move.event === 'arcos-tip')!;
const b = tree.branch(
  { node: TRUNK_ID, at: tip.index },
  { players: { britain: 'historical', ussr: 'historical' }, moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' }] },
);
if (!b.ok) throw new Error(b.error);
tree.playComputers(b.value.id, 10);
new TreeStore(new FileKV(store)).save(tree);

describe('explore', () => {
  it('prints the distribution from a date of history, with history marked', async () => {
    const r = cli(['explore', '--scenario', '1927', '--at', '1927-05-02', '--games', '30', '--workers', '1']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('What-if explorer · 1927');
    expect(r.out).toContain('history at Monday 2 May 1927');
    expect(r.out).toMatch(/★\s+Arcos is raided\s+100\.0%/);
    expect(r.out).toContain('Rupture by date');
    expect(r.out).toContain('30 continuations');
  });

  it('explores from a stored branch and from a share code, as JSON', async () => {
    const r = cli(['explore', '--scenario', '1927', '--at', `${b.value.id}`, '--games', '20', '--workers', '2', '--store', store, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.from).toBe(`branch ${b.value.id} (its end)`);
    expect(j.distribution.games).toBe(20);
    const code = await encodeShareCode(sc, tree.line(b.value.id));
    const s = cli(['explore', '--scenario', '1927', '--at', code, '--games', '20', '--workers', '1', '--json']);
    expect(s.code).toBe(0);
    // The same line and players: the same distribution.
    expect(JSON.parse(s.out).distribution).toEqual(j.distribution);
  });

  it('plays the players chosen for each side from a date of a stored branch, and explains its plausibility in words', () => {
    const at = `${b.value.id}@1927-05-28`;
    const r = cli(['explore', '--scenario', '1927', '--at', at, '--players', 'persona,random', '--games', '12', '--workers', '1', '--store', store, '--plausibility']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Players\s+Britain: persona · USSR: random/);
    expect(r.out).toContain(`branch ${b.value.id}`);
    expect(r.out).toContain('Plausibility of the path to this point');
    // The refusal of the raid is named as a choice the sources do not record.
    expect(r.out).toMatch(/choices? depart from what the sources record.*A tip about Arcos/s);
    const j = JSON.parse(cli(['explore', '--scenario', '1927', '--at', at, '--players', 'persona,random', '--games', '12', '--workers', '1', '--store', store, '--json']).out);
    expect(j.distribution.players).toEqual({ britain: 'persona', ussr: 'random' });
    expect(j.distribution.games).toBe(12);
  }, 120_000);

  it('refuses an unknown branch, a damaged code, a bad date and too many games', async () => {
    const unknown = cli(['explore', '--scenario', '1927', '--at', 'b99', '--store', store, '--games', '5']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('there is no branch "b99"');
    const code = await encodeShareCode(sc, tree.line(b.value.id));
    const bad = cli(['explore', '--scenario', '1927', '--at', `${code.slice(0, -3)}xyz`, '--games', '5']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/damaged|cannot be read/);
    expect(cli(['explore', '--scenario', '1927', '--at', '1927-13-40']).code).toBe(2);
    const many = cli(['explore', '--scenario', '1927', '--games', '10001']);
    expect(many.code).toBe(2);
    expect(many.err).toContain('at most 10000');
  });
});
