// Share codes (formats 1 to 4) and branch files (1 to 3) made before each side numbered its own
// notes: their replies named the n-th note sent. The fixture was written by main at 029f92a from the
// 1927 game of two personas in tests/fixtures/save-v1-notes.json (four notes, British and Soviet,
// each answered): a file and a code holding every move written out (both sides played by hand), and
// a code holding none (both sides' computers, made again here); their scenario version and end hash were
// written again for version 5, whose added private events change no move, for version 6 (an added
// event that changes no move either) and for version 7 (the break announced the day after the
// Cabinet: these personas break by an order, never at that Cabinet, so no move changes) and for version 8
// (events no longer repeat history's orders: the figures change, the personas' moves here do not) and for version 9
// (the talks close once an agreement is ratified; private asides in events of their own: these personas ratify
// nothing, so the same moves reach other figures); the computers' code, for persona version 2 (a figure set
// outright valued), its version and check only: these personas make the same moves. Each must replay to the same game.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkShared, parseShared } from '../../../src/app/history/index';
import { legacyHash, loadSave, type Save } from '../../../src/engine/index';
import { must } from '../../engine/helpers';
import { sc1927 } from './helpers';

const old = JSON.parse(readFileSync(new URL('./fixtures/notes-one-series.json', import.meta.url), 'utf8')) as { hash: string; file: string; codePeople: string; codeComputers: string };
const save = (JSON.parse(readFileSync(new URL('../../fixtures/save-v1-notes.json', import.meta.url), 'utf8')) as Record<string, Save>).p1927!;
const replies = (moves: Save['moves']) => moves.flatMap(m => (m.type === 'orders' ? m.orders.filter(o => o.kind === 'reply') : []));

describe('a branch made when notes were numbered in one series', () => {
  // The same game, renumbered, as its save loads.
  const renumbered = must(loadSave(sc1927, JSON.parse(JSON.stringify(save))));

  it.each(['file', 'codePeople', 'codeComputers'] as const)('%s: replays to the same game, its replies renumbered', async which => {
    if (which === 'file') expect(JSON.parse(old.file).formatVersion).toBe(3);
    else expect(old[which].startsWith('ASD4-')).toBe(true);
    const p = parseShared(old[which]);
    if (!p.ok) throw new Error(p.error.message);
    const r = await checkShared(sc1927, p.value);
    if (!r.ok) throw new Error(r.error.message);
    expect(legacyHash(r.value.state)).toBe(old.hash);
    expect(r.value.line.moves).toEqual(renumbered.save.moves);
    expect(replies(r.value.line.moves)).toHaveLength(4);
    expect(replies(r.value.line.moves)).not.toEqual(replies(save.moves));
  });

  it('is refused as altered when its hash is not the one its moves reach', async () => {
    const p = parseShared(old.file);
    if (!p.ok) throw new Error(p.error.message);
    const r = await checkShared(sc1927, { ...p.value, hash: '0123456789abcdef' });
    expect(r.ok ? null : r.error.kind).toBe('altered');
  });
});
