// A history tree survives a reload (the browser's localStorage, a directory in Node); a damaged
// or altered stored tree is refused with the reason and never overwritten silently.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileKV } from '../../../src/app/history/fileKV';
import { damagedSlot, TRUNK_ID, TreeStore, treeSlot } from '../../../src/app/history/index';
import { MemoryKV } from '../../../src/app/storage';
import { stateHash } from '../../../src/engine/index';
import { decisionStep, sc1927, tree1927 } from './helpers';

function grown() {
  const t = tree1927();
  const tip = decisionStep(t, 'arcos-tip');
  const a = t.branch(
    { node: TRUNK_ID, at: tip.index },
    { label: 'Refused', players: { britain: 'persona', ussr: 'historical' }, moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' }] },
  );
  if (!a.ok) throw new Error(a.error);
  t.playComputers(a.value.id, 20);
  const b = t.branch({ node: a.value.id, at: tip.index + 4 }, { reseed: 'again' });
  if (!b.ok) throw new Error(b.error);
  return t;
}

describe('the stored tree', () => {
  it('survives a reload: same branches, labels, players and states', () => {
    const kv = new MemoryKV();
    const t = grown();
    expect(new TreeStore(kv).save(t).ok).toBe(true);
    const r = new TreeStore(kv).load(sc1927);
    if (!r.ok) throw new Error(r.error.message);
    const back = r.value!;
    expect(back.nodes().map(n => [n.id, n.parent, n.at, n.label, n.reseed, n.players])).toEqual(t.nodes().map(n => [n.id, n.parent, n.at, n.label, n.reseed, n.players]));
    for (const n of t.nodes()) expect(stateHash(back.state(n.id))).toBe(stateHash(t.state(n.id)));
    // New branches after a reload get new ids.
    const c = back.branch({ node: TRUNK_ID, at: 1 });
    expect(c.ok && t.node(c.value.id)).toBeUndefined();
  });

  it('gives null when nothing is stored', () => {
    const r = new TreeStore(new MemoryKV()).load(sc1927);
    expect(r.ok && r.value).toBeNull();
  });

  it('refuses a damaged or altered tree, and does not overwrite it until asked to set it aside', () => {
    const t = grown();
    for (const damage of [
      (x: string) => x.slice(0, x.length / 2),
      (x: string) => x.replace('"label":"Refused"', '"label":7'),
      (x: string) => {
        // A move changed: the recorded hashes find it out.
        const d = JSON.parse(x);
        d.nodes[1].moves.splice(3, 1);
        return JSON.stringify(d);
      },
      (x: string) => x.replace(/"scenarioVersion":\d+/, '"scenarioVersion":99'),
    ]) {
      const kv = new MemoryKV();
      new TreeStore(kv).save(t);
      const bad = damage(kv.getItem(treeSlot('1927'))!);
      kv.setItem(treeSlot('1927'), bad);
      const store = new TreeStore(kv);
      const r = store.load(sc1927);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.kind).toBe('damaged');
      const fresh = tree1927();
      const s = store.save(fresh);
      expect(s.ok).toBe(false);
      if (!s.ok) expect(s.error).toContain('was not overwritten');
      expect(kv.getItem(treeSlot('1927'))).toBe(bad);
      expect(store.save(fresh, { setAsideDamaged: true }).ok).toBe(true);
      expect(kv.getItem(damagedSlot('1927'))).toBe(bad);
      const again = store.load(sc1927);
      expect(again.ok && again.value?.nodes().length).toBe(1);
    }
  });

  it('keeps saving over its own tree without re-checking it', () => {
    const kv = new MemoryKV();
    const store = new TreeStore(kv);
    const t = grown();
    expect(store.save(t).ok).toBe(true);
    t.rename(t.nodes()[1]!.id, 'Renamed');
    expect(store.save(t).ok).toBe(true);
    expect(kv.getItem(treeSlot('1927'))).toContain('Renamed');
  });

  it('lives in a directory in Node, one file per slot', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'asd-tree-'));
    try {
      const t = grown();
      expect(new TreeStore(new FileKV(dir)).save(t).ok).toBe(true);
      const r = new TreeStore(new FileKV(dir)).load(sc1927);
      expect(r.ok && r.value?.nodes().length).toBe(t.nodes().length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
