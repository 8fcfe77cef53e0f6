// Saves of an earlier scenario version (issue 10). `v3-1929-historical` (40 moves, history's
// players, human Britain) was written by the engine at main ef92961, when the scenarios were
// version 3 and the dice one stream drawn in turn; it still replays under the current rules (keyed
// dice since version 4; version 10) but to another state. `v2-1927-persona-random` and `v2-1929-persona-random`
// (70 moves each) were written at main 9e9db69 (version 2) and no longer replay: a random incident
// they answered does not come under the current dice. The first loads with a notice naming both
// versions, in the app, the match, a hand-in, `replay` and `play --load`; the others are refused
// naming both versions, the move that no longer replays, when it was made and why. Nothing is
// written over the old file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHandIn } from '../../src/app/handIn';
import { Match } from '../../src/app/match';
import { readSave } from '../../src/app/saveFile';
import { loadSave, stateHash } from '../../src/engine/index';
import { cli, tempDir } from '../cli/helpers';
import { loadScenarioFile } from '../loadScenario';

const fixture = (name: string) => `tests/fixtures/saves/${name}.json`;
const read = (name: string) => JSON.parse(readFileSync(fixture(name), 'utf8'));
const sc1927 = loadScenarioFile('1927');
const sc1929 = loadScenarioFile('1929');
const BOTH_1929 = 'made with the 1929 scenario version 3; this game has version 10';
const BOTH_1929_V2 = 'made with the 1929 scenario version 2; this game has version 10';
const dir = tempDir();

describe('a save of an earlier scenario version whose moves still replay', () => {
  const data = read('v3-1929-historical');

  it('is loaded under the new rules with a notice naming both versions, as a save of the new version', () => {
    expect(data.scenarioVersion).toBe(3);
    expect(sc1929.version).toBe(10);
    // The engine alone, asked for the exact game, refuses it and says why.
    const strict = loadSave(sc1929, data);
    expect(strict.ok ? '' : strict.error).toBe(`this save was ${BOTH_1929}`);
    const r = readSave(sc1929, data);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.notice).toBe(
      `This save was ${BOTH_1929}, whose rules differ. All 40 of its moves still play under the new rules, so it is loaded as they play out now: figures and events may differ from when it was saved.`,
    );
    expect(r.value.save.moves).toEqual(data.moves);
    expect(r.value.save.app.sides).toEqual(data.app.sides);
    // What it gives back is a save of the current version that loads exactly, with its own hash.
    expect(r.value.save.scenarioVersion).toBe(10);
    expect(r.value.save.hash).toBe(stateHash(r.value.state));
    const again = readSave(sc1929, JSON.parse(JSON.stringify(r.value.save)));
    expect(again.ok && again.value.notice).toBeUndefined();
    // The rules changed what the moves lead to, not only the version number: this is the case the notice warns of.
    expect(stateHash({ ...r.value.state, version: 3 })).not.toBe(data.hash);
  });

  it('restores a match that carries the notice and plays on, and loads as a hand-in with it', async () => {
    const m = await Match.restore(sc1929, data);
    if (!m.ok) throw new Error(m.error);
    expect(m.value.loadNotice).toContain(BOTH_1929);
    expect(m.value.moveCount).toBe(40);
    expect(m.value.next().kind).not.toBe('stuck');
    m.value.dispose();
    const h = readHandIn(sc1929, data);
    expect(h.ok && h.value.notice).toContain(BOTH_1929);
  });

  it('`replay` and `play --load` say so in the terminal, and --save will not write over it', () => {
    const r = cli(['replay', fixture('v3-1929-historical')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out.replace(/\s+/g, ' ')).toContain(`This save was ${BOTH_1929}, whose rules differ. All 40 of its moves still play under the new rules`);
    expect(r.out).not.toContain('The replay reaches the recorded state');

    const p = cli(['play', '--load', fixture('v3-1929-historical')], '');
    expect(p.code, p.err).toBe(0);
    expect(p.out).toContain('Loaded a saved game: 40 moves replayed.');
    expect(p.out.replace(/\s+/g, ' ')).toContain(`This save was ${BOTH_1929}`);

    // Saving over the file it loads would put a current-version game where the version-3 save was.
    const copy = join(dir, 'v3.json');
    const text = readFileSync(fixture('v3-1929-historical'), 'utf8');
    writeFileSync(copy, text);
    const over = cli(['play', '--load', copy, '--save', copy], '');
    expect(over.code).toBe(1);
    expect(over.err).toContain(BOTH_1929);
    expect(over.err).toContain('--save must name another file');
    expect(readFileSync(copy, 'utf8')).toBe(text);
  }, 240_000);
});

describe('a save of an earlier scenario version whose moves no longer replay', () => {
  it('is refused naming both versions, the move, its date and why: a decision on an incident that no longer comes', () => {
    const r = readSave(sc1927, read('v2-1927-persona-random'));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toBe(
        'this save was made with the 1927 scenario version 2; this game has version 9, whose rules differ, and it no longer replays under them: move 3 (decision by Britain) is illegal: "A Comintern appeal against Britain" is not awaiting a decision by Britain (the move of turn 2, Monday 9 May 1927)',
      );
  });

  it('is refused in the match, a hand-in and the terminal', async () => {
    const data = read('v2-1929-persona-random');
    const m = await Match.restore(sc1929, data);
    expect(m.ok).toBe(false);
    if (!m.ok) {
      expect(m.error).toContain(`this save was ${BOTH_1929_V2}, whose rules differ, and it no longer replays under them: move 5 (decision by Britain) is illegal:`);
      expect(m.error).toContain('"A Comintern outburst" is not awaiting a decision by Britain');
      expect(m.error).toContain('(the move of turn 2, Monday 4 February 1929)');
    }
    expect(readHandIn(sc1929, data).ok).toBe(false);
    for (const r of [cli(['replay', fixture('v2-1929-persona-random')]), cli(['play', '--load', fixture('v2-1929-persona-random')], '')]) {
      expect(r.code).toBe(1);
      expect(r.err.replace(/\s+/g, ' ')).toContain(`this save was ${BOTH_1929_V2}, whose rules differ, and it no longer replays under them: move 5`);
    }
  }, 240_000);

  it('a save of a later version than the game is refused, naming both', () => {
    const r = readSave(sc1929, { ...read('v3-1929-historical'), scenarioVersion: 11 });
    expect(r.ok ? '' : r.error).toBe(
      'this save was made with the 1929 scenario version 11; this game has version 10, older than the save: if the file is as it was saved, play it with a newer copy of the game; if its scenario or version was edited, it cannot be loaded',
    );
  });
});
