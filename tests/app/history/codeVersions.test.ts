// Share codes and branch files that leave the computer's moves out carry the computer players'
// versions (src/ai/versions.ts): one made with players whose play has since changed is refused as
// 'players', naming the player, and nothing stored changes; what writes every move out still loads.
// Codes and files carry the teacher's injected events. Branch files hold a path as compactly as a
// code; files of format 1 and codes of format 2 (made before this) still load.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAYER_VERSIONS } from '../../../src/ai/versions';
import { branchFile, branchFileCheck, checkShared, encodeShareCode, type HistoryTree, parseShared, shareSegments, TRUNK_ID, TreeStore, treeSlot } from '../../../src/app/history/index';
import { MemoryKV } from '../../../src/app/storage';
import { stateHash } from '../../../src/engine/index';
import { decisionStep, sc1927, tree1927 } from './helpers';

const versions = PLAYER_VERSIONS as Record<string, number>;
const saved = { ...versions };
afterEach(() => Object.assign(versions, saved));

/** The Arcos tip refused, then the persona on both sides for 40 moves, as the tree plays them. */
function personaBranch(t: HistoryTree) {
  const tip = decisionStep(t, 'arcos-tip');
  const a = t.branch({ node: TRUNK_ID, at: tip.index }, { players: { britain: 'persona', ussr: 'persona' }, moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' }] });
  if (!a.ok) throw new Error(a.error);
  t.playComputers(a.value.id, 40);
  return a.value.id;
}

async function read(text: string) {
  const p = parseShared(text);
  if (!p.ok) throw p.error;
  return checkShared(sc1927, p.value);
}

describe("the computer players' versions in codes and files", () => {
  it('refuse a short code made with another version of a computer player, naming it, and change nothing stored', async () => {
    const t = tree1927();
    const id = personaBranch(t);
    const short = await encodeShareCode(sc1927, t.line(id), shareSegments(t, id));
    const full = await encodeShareCode(sc1927, t.line(id));
    const kv = new MemoryKV();
    expect(new TreeStore(kv).save(t).ok).toBe(true);
    const stored = kv.getItem(treeSlot('1927'));

    versions.persona = saved.persona! + 1;
    const r = await read(short);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('players');
      expect(r.error.message).toContain(`the computer player “persona” at version ${saved.persona}`);
      expect(r.error.message).toContain(`this game has version ${saved.persona! + 1}`);
    }
    expect(kv.getItem(treeSlot('1927'))).toBe(stored);
    // A code that writes every move out does not depend on the players: it still loads.
    const f = await read(full);
    expect(f.ok && f.value.line).toEqual(t.line(id));
    // Another player's version does not matter to this code.
    Object.assign(versions, saved);
    versions.negotiator = saved.negotiator! + 1;
    const other = await read(short);
    expect(other.ok && other.value.line).toEqual(t.line(id));
  });

  it('refuse a compact branch file the same way; old formats still load', async () => {
    const t = tree1927();
    const id = personaBranch(t);
    const text = await branchFile(sc1927, t.line(id), 'Personas', 'x', shareSegments(t, id));
    versions.persona = saved.persona! + 1;
    const r = await read(text);
    expect(!r.ok && r.error.kind).toBe('players');
    Object.assign(versions, saved);
    // A code of format 2, made before codes carried versions, of this same branch.
    const old = await read('ASD2-AgQxOTI3AwloaXN0b3J5LTAFAAECAwMpAQAAAQLCrnccVpKsU94qBxE');
    expect(old.ok && old.value.line).toEqual(t.line(id));
    // A branch file of format 1, which listed every move, of this same branch.
    const file1 = await read(readFileSync(new URL('./fixtures/branch-format1.json', import.meta.url), 'utf8'));
    expect(file1.ok && file1.value.line).toEqual(t.line(id));
    expect(file1.ok && file1.value.label).toBe('Arcos tip refused, personas on');
  });
});

describe('compact branch files', () => {
  it('hold only the people’s moves, readably, and replay the branch exactly', async () => {
    const t = tree1927();
    const id = personaBranch(t);
    const line = t.line(id);
    const text = await branchFile(sc1927, line, 'Personas', 'The tip refused', shareSegments(t, id));
    const old = readFileSync(new URL('./fixtures/branch-format1.json', import.meta.url), 'utf8');
    expect(text.length).toBeLessThan(old.length / 3);
    const f = JSON.parse(text);
    expect(f.formatVersion).toBe(2);
    expect(f.historyMoves).toBe(decisionStep(t, 'arcos-tip').index);
    expect(f.stretches).toHaveLength(1);
    const st = f.stretches[0];
    expect(st.players).toEqual({ britain: 'persona', ussr: 'persona' });
    expect(st.versions).toEqual({ persona: PLAYER_VERSIONS.persona });
    expect(st.total).toBe(line.moves.length - f.historyMoves);
    // The move put in by hand, as the engine writes a move.
    expect(st.people).toEqual([{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' }]);
    const r = await read(text);
    if (!r.ok) throw r.error;
    expect(r.value.line).toEqual(line);
    expect(stateHash(r.value.state)).toBe(stateHash(t.state(id)));
  });

  it('refuse a damaged, edited or foreign file with the reason', async () => {
    const t = tree1927();
    const id = personaBranch(t);
    const f = JSON.parse(await branchFile(sc1927, t.line(id), '', '', shareSegments(t, id)));
    const kind = async (x: unknown) => {
      const p = parseShared(JSON.stringify(x));
      if (!p.ok) return p.error.kind;
      const c = await checkShared(sc1927, p.value);
      return c.ok ? null : c.error.kind;
    };
    expect(await kind({ ...f, formatVersion: 9 })).toBe('format');
    expect(await kind({ ...f, format: 'someone-else/branch' })).toBe('format');
    expect(await kind({ ...f, stretches: [{ madeBy: 'guesswork' }] })).toBe('format');
    // Edited without fixing the check: damaged.
    expect(await kind({ ...f, historyMoves: f.historyMoves - 1 })).toBe('corrupt');
    // Edited with the check fixed: a person's move changed, then the length changed.
    const st = f.stretches[0];
    const moved = { ...f, stretches: [{ ...st, people: [{ ...st.people[0], option: 'approve' }] }] };
    moved.check = branchFileCheck(moved);
    expect(await kind(moved)).not.toBeNull();
    const shorter = { ...f, stretches: [{ ...st, total: st.total - 1 }] };
    shorter.check = branchFileCheck(shorter);
    expect(await kind(shorter)).toBe('altered');
  });
});

describe("the teacher's events in codes and files", () => {
  it('are carried, and the computer’s moves around them are made again exactly', async () => {
    const t = tree1927();
    const id = personaBranch(t);
    expect(t.inject(id, 'frontier-incident').ok).toBe(true);
    t.playComputers(id, 20);
    const line = t.line(id);
    expect(line.injected).toHaveLength(1);
    const short = await encodeShareCode(sc1927, line, shareSegments(t, id));
    // Still short: the stretch is cut at the event, and both halves leave the computer's moves out.
    expect(short.length).toBeLessThan(120);
    const file = await branchFile(sc1927, line, '', '', shareSegments(t, id));
    expect(JSON.parse(file).injected).toEqual(line.injected);
    for (const text of [short, file, await encodeShareCode(sc1927, line)]) {
      const r = await read(text);
      if (!r.ok) throw r.error;
      expect(r.value.line).toEqual(line);
      expect(stateHash(r.value.state)).toBe(stateHash(t.state(id)));
      const fresh = tree1927();
      const n = fresh.adopt(r.value.line);
      if (!n.ok) throw new Error(n.error);
      expect(fresh.node(n.value.id)!.injected).toEqual(line.injected);
    }
  });
});
