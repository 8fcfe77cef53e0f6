// A branch's game keeps in its save where its own play began and who played the path before it
// (`app.kept`), and the terminal's end screen, as the browser's, says who took each decision:
// history's before the branch began, the person's after it. Saves without it load as before.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decidedBy } from '../../src/app/endReport';
import { playersOn } from '../../src/app/history/index';
import { Match } from '../../src/app/match';
import { makeAppSave } from '../../src/app/saveFile';
import { compile } from '../../src/engine/index';
import { personBranchAfterTip, sc1927 } from '../app/history/helpers';
import { cli, tempDir } from './helpers';

const dir = tempDir();
const c = compile(sc1927);
const title = (id: string) => c.events[c.eventIndex.get(id)!]!.title;

/** A 1927 branch Britain takes over after history's tip about Arcos, played to its end; its save with and without `app.kept`. */
function branchGame() {
  const { t, id, at } = personBranchAfterTip();
  const sides = t.node(id)!.players!;
  const state = t.state(id);
  const moves = t.moves(id);
  const plain = makeAppSave(sc1927, t.line(id).seed, moves, state, sides);
  const segments = t.ancestry(id).map(n => ({ at: n.at, players: n.players }));
  const kept = { ...plain, app: { ...plain.app, kept: { from: at, players: segments.filter(x => x.at < at) } } };
  // What the browser's end screen says (the tree's own record of who played).
  const expected = decidedBy(moves, at, k => (k >= at ? sides : playersOn(segments, k)));
  return { at, state, plain, kept, expected };
}

describe('a branch’s game and who took its decisions', () => {
  const g = branchGame();

  it('keeps where the branch began through a save and a restore, and says who took each decision from it', async () => {
    expect(g.state.ended).not.toBeNull();
    const m = await Match.restore(sc1927, JSON.parse(JSON.stringify(g.kept)));
    if (!m.ok) throw new Error(m.error);
    expect(m.value.decidedBy()).toEqual(g.expected);
    expect(g.expected.get('arcos-tip')).toEqual({ before: true, who: 'history' });
    expect([...g.expected.values()].some(x => x.who === 'you')).toBe(true);
    // Saved again, it keeps it.
    expect(m.value.save().app.kept).toEqual(g.kept.app.kept);
    m.value.dispose();
    // A save without it (every save before it was recorded) is the seat's players' throughout.
    const old = await Match.restore(sc1927, JSON.parse(JSON.stringify(g.plain)));
    if (!old.ok) throw new Error(old.error);
    expect(old.value.decidedBy()).toBeNull();
    expect(old.value.save().app.kept).toBeUndefined();
    old.value.dispose();
  });

  it('refuses a save whose record of the branch is malformed, naming the field', async () => {
    const bad = (kept: unknown) => Match.restore(sc1927, { ...JSON.parse(JSON.stringify(g.kept)), app: { ...g.kept.app, kept } });
    const r1 = await bad({ from: 1e6, players: [] });
    expect(r1.ok ? null : r1.error).toMatch(/app\.kept\.from/);
    const r2 = await bad({ from: g.at, players: [{ at: 0, players: { britain: 'nobody', ussr: 'human' } }] });
    expect(r2.ok ? null : r2.error).toMatch(/app\.kept\.players\[0\]/);
    const r3 = await bad({ from: g.at, players: [{ at: g.at, players: null }] });
    expect(r3.ok ? null : r3.error).toMatch(/app\.kept\.players\[0\]\.at/);
  });

  it('has the terminal’s end screen name history for a decision before the branch began, and the person after', () => {
    const file = join(dir, 'branch.json');
    writeFileSync(file, JSON.stringify(g.kept));
    const r = cli(['play', '--load', file], '');
    expect(r.err).toBe('');
    const out = r.out.replace(/\s+/g, ' ');
    expect(out).toContain(`${title('arcos-tip')}: history chose "`);
    expect(out).toMatch(/history chose "[^"]+" \(before this branch began\)/);
    expect(out).toContain('not by you in it');
    expect(out).toMatch(/: you chose "/);
  });
});
