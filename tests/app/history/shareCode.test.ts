// Share codes and branch files replay a branch exactly, re-rolls and all, into a fresh tree; a code
// or file that is not one, damaged, for another scenario or version, with an illegal move or an
// altered end state is refused with its kind and reason, and nothing stored changes.
import { describe, expect, it } from 'vitest';
import {
  branchFile,
  branchFileCheck,
  CODE_PREFIX,
  checkShared,
  describeDivergence,
  encodeShareCode,
  parseShareCode,
  parseShared,
  type ShareRefusal,
  type ShareResult,
  TRUNK_ID,
  TreeStore,
  treeSlot,
} from '../../../src/app/history/index';
import { MemoryKV } from '../../../src/app/storage';
import { stateHash } from '../../../src/engine/index';
import type { Scenario } from '../../../src/scenario/schema';
import { loadScenarioFile } from '../../loadScenario';
import { decisionStep, sc1927, tree1927 } from './helpers';

/** A tree with a played branch off the tip, and a re-rolled branch of that branch. */
function sample() {
  const t = tree1927();
  const tip = decisionStep(t, 'arcos-tip');
  const a = t.branch(
    { node: TRUNK_ID, at: tip.index },
    { label: 'No raid', players: { britain: 'persona', ussr: 'persona' }, moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' }] },
  );
  if (!a.ok) throw new Error(a.error);
  t.playComputers(a.value.id, 30);
  const b = t.branch({ node: a.value.id, at: tip.index + 10 }, { reseed: 'fresh-dice', players: { britain: 'random', ussr: 'persona' } });
  if (!b.ok) throw new Error(b.error);
  t.playComputers(b.value.id, 25);
  return { t, a: a.value.id, b: b.value.id };
}

const refusal = <T>(r: ShareResult<T>): ShareRefusal | null => (r.ok ? null : r.error.kind);

describe('share codes', () => {
  it('round-trip a branch (with a re-roll) into a fresh tree, to the same state', async () => {
    const { t, b } = sample();
    const code = await encodeShareCode(sc1927, t.line(b));
    expect(code.startsWith(CODE_PREFIX)).toBe(true);
    const p = parseShareCode(code);
    if (!p.ok) throw p.error;
    const c = await checkShared(sc1927, p.value);
    if (!c.ok) throw c.error;
    expect(c.value.line).toEqual(t.line(b));
    const fresh = tree1927();
    const n = fresh.adopt(c.value.line, { label: 'shared' });
    if (!n.ok) throw new Error(n.error);
    expect(stateHash(fresh.state(n.value.id))).toBe(stateHash(t.state(b)));
    // Adopting the same line again finds the branch rather than copying it.
    const again = fresh.adopt(c.value.line);
    expect(again.ok && again.value.id).toBe(n.value.id);
  });

  it('write history’s own moves as a count, so a branch off history is short', async () => {
    const t = tree1927();
    expect((await encodeShareCode(sc1927, t.line(TRUNK_ID))).length).toBeLessThan(60);
    const tip = decisionStep(t, 'arcos-tip');
    const a = t.branch({ node: TRUNK_ID, at: tip.index }, { moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' }] });
    if (!a.ok) throw new Error(a.error);
    expect((await encodeShareCode(sc1927, t.line(a.value.id))).length).toBeLessThan(70);
  });

  it('refuse what is not a code, and a damaged code', async () => {
    const { t, a } = sample();
    const code = await encodeShareCode(sc1927, t.line(a));
    expect(refusal(parseShareCode('hello'))).toBe('format');
    expect(refusal(parseShareCode(`${CODE_PREFIX}!!!`))).toBe('format');
    // Cut short: the check digits no longer match.
    expect(refusal(parseShareCode(code.slice(0, 12)))).toBe('corrupt');
    for (const k of [CODE_PREFIX.length + 3, Math.floor(code.length / 2), code.length - 2]) {
      const ch = code[k] === 'A' ? 'B' : 'A';
      const bad = code.slice(0, k) + ch + code.slice(k + 1);
      const r = parseShareCode(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['corrupt', 'format']).toContain(r.error.kind);
    }
    const dropped = code.slice(0, 30) + code.slice(31);
    expect(refusal(parseShareCode(dropped))).not.toBeNull();
    // Line breaks and spaces, as a code pasted from an e-mail has them, are fine.
    expect(parseShareCode(`${code.slice(0, 20)}\n  ${code.slice(20)}`).ok).toBe(true);
  });

  it('refuse a code for another version of the scenario, or another scenario', async () => {
    const { t, a } = sample();
    const code = await encodeShareCode(sc1927, t.line(a));
    const p = parseShareCode(code);
    if (!p.ok) throw p.error;
    const v3: Scenario = { ...sc1927, version: sc1927.version + 1 };
    const r = await checkShared(v3, p.value);
    expect(refusal(r)).toBe('version');
    if (!r.ok) expect(r.error.message).toContain(`made with the 1927 scenario version ${sc1927.version}; this game has version ${v3.version}`);
    expect(refusal(await checkShared(loadScenarioFile('1929'), p.value))).toBe('scenario');
  });
});

describe('branch files', () => {
  it('round-trip, and carry the divergence for a reader', async () => {
    const { t, b } = sample();
    const text = await branchFile(sc1927, t.line(b), 'Dice', describeDivergence(t, b).text);
    const f = JSON.parse(text);
    expect(f.divergence).toBe(describeDivergence(t, b).text);
    const p = parseShared(text);
    if (!p.ok) throw p.error;
    const c = await checkShared(sc1927, p.value);
    if (!c.ok) throw c.error;
    expect(c.value.label).toBe('Dice');
    expect(stateHash(c.value.state)).toBe(stateHash(t.state(b)));
  });

  it('refuse a damaged file, an illegal move and an altered end state', async () => {
    const { t, a } = sample();
    const f = JSON.parse(await branchFile(sc1927, t.line(a), '', ''));
    expect(refusal(parseShared('{ not json'))).toBe('format');
    expect(refusal(parseShared(JSON.stringify({ ...f, format: 'something-else' })))).toBe('format');
    // Edited without fixing the check: damaged.
    expect(refusal(parseShared(JSON.stringify({ ...f, seed: 'other' })))).toBe('corrupt');
    // Edited by someone who fixed the check: the replay finds it out.
    const moves = f.stretches[0].moves;
    const illegal = { ...f, stretches: [{ moves: [...moves.slice(0, 3), { type: 'decide', side: 'britain', event: 'arcos-raid', option: 'restrict' }, ...moves.slice(3)] }] };
    illegal.check = branchFileCheck(illegal);
    const pi = parseShared(JSON.stringify(illegal));
    if (!pi.ok) throw pi.error;
    expect(refusal(await checkShared(sc1927, pi.value))).toBe('illegal');
    const altered = { ...f, stretches: [{ moves: moves.slice(0, -1) }] };
    altered.check = branchFileCheck(altered);
    const pa = parseShared(JSON.stringify(altered));
    if (!pa.ok) throw pa.error;
    expect(refusal(await checkShared(sc1927, pa.value))).toBe('altered');
  });

  it('a refused code or file changes nothing stored', async () => {
    const { t } = sample();
    const kv = new MemoryKV();
    expect(new TreeStore(kv).save(t).ok).toBe(true);
    const stored = kv.getItem(treeSlot('1927'));
    const code = await encodeShareCode(sc1927, t.line(t.nodes()[1]!.id));
    for (const bad of [`${code}A`, code.replace(/.$/, c => (c === 'A' ? 'B' : 'A')), '{}']) {
      const p = parseShared(bad);
      const ok = p.ok && (await checkShared(sc1927, p.value)).ok;
      expect(ok).toBe(false);
    }
    expect(kv.getItem(treeSlot('1927'))).toBe(stored);
    const back = new TreeStore(kv).load(sc1927);
    expect(back.ok && back.value?.nodes().length).toBe(t.nodes().length);
  });
});
