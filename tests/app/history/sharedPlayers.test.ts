// A branch taken in from a share code or branch file names who really played each part of it: the
// code and file say it for every stretch, written-out ones too, and the tree cuts the branch where
// the players change. Older codes and files give the players their stretches name and say plainly
// that the rest was not recorded, rather than guess; a damaged code is still refused with its reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  branchFile,
  branchFileCheck,
  CODE_PREFIX,
  checkShared,
  encodeShareCode,
  type HistoryTree,
  type NodeId,
  parseShared,
  playersText,
  shareSegments,
  TRUNK_ID,
  TreeStore,
  treeSlot,
} from '../../../src/app/history/index';
import type { TreeData } from '../../../src/app/history/types';
import { MemoryKV } from '../../../src/app/storage';
import { legacyHash, type Side, stateHash } from '../../../src/engine/index';
import { decisionStep, mixedBranch, refusalOf, sc1927, tree1927 } from './helpers';

/** Who played each move of a node's path, as the tree records it (the node whose own move it is). */
const playersByMove = (t: HistoryTree, id: NodeId) => Array.from({ length: t.length(id) }, (_, k) => [...t.ancestry(id)].reverse().find(n => n.at <= k)!.players);

async function taken(text: string, into = tree1927()) {
  const p = parseShared(text);
  if (!p.ok) throw p.error;
  const c = await checkShared(sc1927, p.value);
  if (!c.ok) throw c.error;
  const n = into.adopt(c.value.line, { label: c.value.label, segments: c.value.segments });
  if (!n.ok) throw new Error(n.error);
  return { tree: into, id: n.value.id, checked: c.value };
}

/**
 * mixedBranch's path as a code of format 3, made before codes said who played written-out stretches
 * (made again, as format 3 wrote it, for 1927 version 8, under which the persona standing in for the
 * person plays one order differently; so was branch-format2.json; for version 9, the talks closed once
 * an agreement is ratified, only their version, end state's hash and check, this branch's moves being the same;
 * for search version 9 and persona version 2 (package tables set aside the notes on the table; a figure
 * set outright valued), only those versions and the check: the players make the same moves in this branch;
 * for search version 10 (a playout's dice keyed to each move), made again as format 3 wrote it, as was
 * branch-format2.json: search:2 plays otherwise in this branch, and the two people's moves after it follow;
 * for search version 11 (the other side's refusals read), only that version and the check: search:2
 * makes the same moves in this branch; for search version 12 (a side that gives ground in its notes
 * played as the negotiator in the futures), the same; for search version 13 (such a side's answers
 * read two ways), the same; for search version 14 (the other side's worth as that side reckons it), the same).
 */
const ASD3 =
  'ASD3-AwQxOTI3CQloaXN0b3J5LTAEAAADAgEACHNlYXJjaDoyAQkODQgAAAECAAIFAAMABAApAAEABQEAAgAAAgIAEgAOAgIDAAYACwEGAAMBAAIDAwIEAQUAAQAEAAACAQACAQIAAgMACHNlYXJjaDoyAgICCQ4KAAAGAgMAAAAMAAcDAQAmAgADAQATAgADADY211t3mw-Mr4-xvA';

describe('who played a shared branch', () => {
  it('is carried by codes and files and given to every node of the branch taken in', async () => {
    const t = tree1927();
    const id = mixedBranch(t);
    const line = t.line(id);
    const code = await encodeShareCode(sc1927, line, shareSegments(t, id));
    expect(code.startsWith(CODE_PREFIX)).toBe(true);
    const file = await branchFile(sc1927, line, 'Three kinds of play', '', shareSegments(t, id));
    for (const text of [code, file]) {
      const { tree, id: got, checked } = await taken(text);
      expect(checked.line).toEqual(line);
      expect(stateHash(tree.state(got))).toBe(stateHash(t.state(id)));
      expect(playersByMove(tree, got)).toEqual(playersByMove(t, id));
      // Cut where the players change: history, a person against search:2, two computers, two people.
      expect(tree.ancestry(got).map(n => [n.at, n.players])).toEqual(t.ancestry(id).map(n => [n.at, n.players]));
      expect(tree.node(got)!.label).toBe(text === file ? 'Three kinds of play' : '');
    }
    // The tree it came from already holds it, with the same players: nothing is added.
    const back = await taken(code, t);
    expect(back.id).toBe(id);
  });

  it('is not claimed for moves the tree holds as played by others: the branch starts where its players did', async () => {
    const t = tree1927();
    const id = mixedBranch(t);
    const code = await encodeShareCode(sc1927, t.line(id), shareSegments(t, id));
    // Another tree holds the same first moves, said to be played by the historical players.
    const other = tree1927();
    const first = t.ancestry(id)[1]!;
    const held = other.branch({ node: TRUNK_ID, at: first.at }, { players: { britain: 'historical', ussr: 'historical' }, moves: t.moves(first.id).slice(first.at, first.at + 5) });
    if (!held.ok) throw new Error(held.error);
    const { tree, id: got } = await taken(code, other);
    expect(tree.node(held.value.id)!.players).toEqual({ britain: 'historical', ussr: 'historical' });
    expect(playersByMove(tree, got)).toEqual(playersByMove(t, id));
  });

  it('is read from an old code (format 3) where its stretches name it, and otherwise said to be not recorded', async () => {
    const t = tree1927();
    const id = mixedBranch(t);
    const want = playersByMove(t, id);
    const tip = decisionStep(t, 'arcos-tip').index;
    const old = readFileSync(new URL('./fixtures/branch-format2.json', import.meta.url), 'utf8');
    for (const text of [ASD3, old]) {
      const { tree, id: got, checked } = await taken(text);
      expect(checked.line).toEqual(t.line(id));
      const players = playersByMove(tree, got);
      // History's own moves join the trunk; the stretches made again name their players; the
      // written-out stretch of the two people did not say who played it.
      const people = t.ancestry(id).at(-1)!.at;
      expect(players.slice(0, people)).toEqual(want.slice(0, people));
      expect(players.slice(people)).toEqual(want.slice(people).map(() => null));
      expect(players[tip]).toEqual({ britain: 'human', ussr: 'search:2' });
      expect(playersText(sc1927, tree.node(got)!.players)).toContain('not recorded');
      // It can be kept and loaded again as it is.
      const kv = new MemoryKV();
      expect(new TreeStore(kv).save(tree).ok).toBe(true);
      const again = new TreeStore(kv).load(sc1927);
      expect(again.ok && again.value!.node(got)!.players).toBeNull();
    }
  });

  it('is not invented for a line taken in without it', () => {
    const t = tree1927();
    const id = mixedBranch(t);
    const fresh = tree1927();
    const n = fresh.adopt(t.line(id));
    if (!n.ok) throw new Error(n.error);
    expect(fresh.node(n.value.id)!.players).toBeNull();
    expect(fresh.playComputers(n.value.id).ok).toBe(false);
    expect(playersText(sc1927, { britain: 'human', ussr: 'search:2' })).toBe('Britain: a person; Soviet Union: the computer, thinking ahead, strength 2');
  });
});

describe('a damaged or edited code or file that says who played', () => {
  it('is refused with its reason', async () => {
    const t = tree1927();
    const id = mixedBranch(t);
    const code = await encodeShareCode(sc1927, t.line(id), shareSegments(t, id));
    const k = CODE_PREFIX.length + 20;
    const bad = parseShared(code.slice(0, k) + (code[k] === 'A' ? 'B' : 'A') + code.slice(k + 1));
    expect(!bad.ok && bad.error.kind).toBe('corrupt');
    expect(!bad.ok && bad.error.message).toContain('damaged');
    const f = JSON.parse(await branchFile(sc1927, t.line(id), '', '', shareSegments(t, id)));
    const kind = refusalOf;
    // Another player named without fixing the check: damaged.
    const renamed = { ...f, segments: f.segments.map((x: { at: number }, j: number) => (j === 1 ? { ...x, players: { britain: 'human', ussr: 'persona' } } : x)) };
    expect(await kind(renamed)).toBe('corrupt');
    // With the check fixed: the part no longer names the players its stretch was made by.
    renamed.check = branchFileCheck(renamed);
    expect(await kind(renamed)).toBe('altered');
    // A player this game does not have, or no segments at all in a file of format 3.
    const unknown = { ...f, segments: [{ at: 0, players: { britain: 'banana', ussr: 'human' } }] };
    unknown.check = branchFileCheck(unknown);
    expect(await kind(unknown)).toBe('format');
    const none = { ...f };
    delete none.segments;
    expect(await kind(none)).toBe('format');
  });
});

/** A stored tree as formats 1 and 2 wrote it: each reply naming the n-th note sent, each end state hashed so (renumber.ts). */
function oldNumbering(t: HistoryTree, d: TreeData): TreeData {
  const nodes = d.nodes.map(n => {
    const sent = t.state(n.id).offers; // every note of the node's path, in the order sent
    const place = (side: Side, k: number) => sent.findIndex(o => o.from !== side && o.n === k) + 1;
    const moves = n.moves.map(m => (m.type === 'orders' ? { ...m, orders: m.orders.map(o => (o.kind === 'reply' ? { ...o, offer: place(m.side, o.offer) } : o)) } : m));
    return { ...n, moves };
  });
  return { ...d, nodes, hashes: Object.fromEntries(d.nodes.map(n => [n.id, legacyHash(t.state(n.id))])) };
}

describe('the stored tree and who played', () => {
  it('loads an old store (format 1), and refuses one that names a player this game does not have', () => {
    const t = tree1927();
    mixedBranch(t);
    const kv = new MemoryKV();
    expect(new TreeStore(kv).save(t).ok).toBe(true);
    const d = JSON.parse(kv.getItem(treeSlot('1927'))!);
    expect(d.formatVersion).toBe(3);
    const load = (x: unknown) => {
      const k = new MemoryKV();
      k.setItem(treeSlot('1927'), JSON.stringify(x));
      return new TreeStore(k).load(sc1927);
    };
    // Format 1 also numbered notes in one series for both sides: the stored moves and hashes as it wrote them.
    const v1 = load(oldNumbering(t, { ...d, formatVersion: 1 }));
    expect(v1.ok && v1.value!.nodes().map(n => n.players)).toEqual(t.nodes().map(n => n.players));
    // Notes from both sides, so the old numbering's hashes differ from today's; read back, the same moves as the tree saved.
    expect(t.nodes().some(n => legacyHash(t.state(n.id)) !== stateHash(t.state(n.id)))).toBe(true);
    expect(v1.ok && v1.value!.toData().nodes.map(n => n.moves)).toEqual(d.nodes.map((n: TreeData['nodes'][number]) => n.moves));
    // Format 1 always named the players.
    const nulled = { ...oldNumbering(t, { ...d, formatVersion: 1 }), nodes: d.nodes.map((n: object, j: number) => (j === 1 ? { ...n, players: null } : n)) };
    const r1 = load(nulled);
    expect(!r1.ok && r1.error.message).toContain('does not say who plays each side');
    const banana = { ...d, nodes: d.nodes.map((n: object, j: number) => (j === 1 ? { ...n, players: { britain: 'banana', ussr: 'human' } } : n)) };
    const r2 = load(banana);
    expect(!r2.ok && r2.error.message).toContain('names an unknown player for Britain: "banana"');
  });
});
