// Games kept in the browser: each in its own slot, a new game never overwrites another, a full
// store is reported, and a damaged index does not lose the games.
import { describe, expect, it } from 'vitest';
import { Match } from '../../src/app/match';
import type { AppSave } from '../../src/app/saveFile';
import { forgetGame, KEEP_GAMES, listGames, MemoryKV, readGame, type SavedGame, storagePort, storeGame } from '../../src/app/storage';
import { loadScenarioFile } from '../loadScenario';

const meta = (id: string): SavedGame => ({
  id,
  scenario: '1927',
  title: 'The 1927 crisis',
  sides: { britain: 'human', ussr: 'persona' },
  seed: id,
  date: '2 May 1927',
  turn: 0,
  updated: 0,
  ended: false,
});
const save = (seed: string) => ({ format: 'anglo-soviet-diplomacy/save', seed }) as unknown as AppSave;

describe('browser storage', () => {
  it('keeps each game in its own slot, most recent first', () => {
    const kv = new MemoryKV();
    expect(storeGame(kv, meta('a'), save('a'))).toBeNull();
    expect(storeGame(kv, meta('b'), save('b'))).toBeNull();
    expect(listGames(kv).map(g => g.id)).toEqual(['b', 'a']);
    expect(readGame(kv, 'a')).toEqual(save('a'));
    storeGame(kv, meta('a'), save('a2'));
    expect(listGames(kv).map(g => g.id)).toEqual(['a', 'b']);
    expect(readGame(kv, 'b')).toEqual(save('b'));
  });

  it(`keeps the ${KEEP_GAMES} most recent games`, () => {
    const kv = new MemoryKV();
    for (let k = 0; k < KEEP_GAMES + 3; k++) storeGame(kv, meta(`g${k}`), save(`g${k}`));
    expect(listGames(kv)).toHaveLength(KEEP_GAMES);
    expect(readGame(kv, 'g0')).toBeNull();
    expect(readGame(kv, `g${KEEP_GAMES + 2}`)).not.toBeNull();
  });

  it('reports a store the browser refuses, and keeps what was there', () => {
    const kv = new MemoryKV();
    storeGame(kv, meta('a'), save('a'));
    const full = Object.assign(new MemoryKV(), {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    full.getItem = k => kv.getItem(k);
    expect(storeGame(full, meta('b'), save('b'))).toMatch(/would not store.*QuotaExceeded.*file/);
    expect(readGame(kv, 'a')).toEqual(save('a'));
  });

  it('survives a damaged index or slot', () => {
    const kv = new MemoryKV();
    storeGame(kv, meta('a'), save('a'));
    kv.setItem('asd.game.a', '{not json');
    expect(readGame(kv, 'a')).toBeNull();
    kv.setItem('asd.games', 'garbage');
    expect(listGames(kv)).toEqual([]);
    forgetGame(kv, 'a');
    expect(kv.getItem('asd.game.a')).toBeNull();
  });

  it('a match stores itself in its slot after every move; a refused save stores nothing, even for the same slot', async () => {
    const sc = loadScenarioFile('1927');
    const kv = new MemoryKV();
    const r = Match.create(sc, { scenario: '1927', seed: 's', sides: { britain: 'human', ussr: 'persona' } }, { store: storagePort(kv, 'g1', sc.title, () => 5) });
    if (!r.ok) throw new Error(r.error);
    const m = r.value;
    m.start();
    expect(listGames(kv)).toEqual([
      { id: 'g1', scenario: '1927', title: sc.title, sides: { britain: 'human', ussr: 'persona' }, seed: 's', date: expect.stringMatching(/1927/), turn: 0, updated: 5, ended: false },
    ]);
    await m.advance();
    const a = m.affordances('britain');
    if (a.decision) m.submit('britain', { type: 'decide', side: 'britain', event: a.decision.event.id, option: a.decision.options[0]!.option.id });
    else m.submit('britain', { type: 'orders', side: 'britain', orders: [] });
    const good = readGame(kv, 'g1');
    expect(good).toEqual(JSON.parse(JSON.stringify(m.save())));
    const bad = await Match.restore(sc, { ...(good as object), hash: '0000000000000000' }, { store: storagePort(kv, 'g1', sc.title) });
    expect(bad.ok).toBe(false);
    expect(readGame(kv, 'g1')).toEqual(good);
  });
});
