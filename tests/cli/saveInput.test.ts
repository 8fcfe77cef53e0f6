// Hostile saves: a save names its scenario by id only and is never a way to open a path; text
// from a save reaches the terminal without control characters.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/cli/format';
import { createGame, makeSave } from '../../src/engine/index';
import { ScenarioSchema } from '../../src/scenario/schema';
import { cli, MINI, tempDir } from './helpers';

const dir = tempDir();
const sc = ScenarioSchema.parse(JSON.parse(readFileSync(MINI, 'utf8')));
/** A save of the mini scenario at its start, with some fields replaced. */
function saveFile(name: string, fields: Record<string, unknown>): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ ...makeSave(sc, '7', [], createGame(sc, '7')), ...fields }));
  return file;
}
const ESC = '\x1b';

describe('a save never names a file to open', () => {
  it('an empty file is called empty, by replay and play --load alike', () => {
    const file = join(dir, 'empty.json');
    writeFileSync(file, '');
    for (const r of [cli(['replay', file]), cli(['play', '--load', file], '')]) {
      expect(r.code).toBe(1);
      expect(r.err).toContain(`error: ${file}: not a save file: the file is empty`);
    }
  });

  for (const path of ['/dev/zero', '/etc/passwd', '../tests/fixtures/mini', 'scenarios/1927']) {
    it(`replay and play --load refuse a save naming ${path}`, () => {
      const file = saveFile(`names-${path.replace(/\W/g, '_')}.json`, { scenario: path });
      for (const r of [cli(['replay', file]), cli(['play', '--load', file], '')]) {
        expect(r.code).toBe(1);
        expect(r.err).toContain(`error: ${file}: scenario: "${path}" is not a scenario id`);
        expect(r.err).toContain('never by a path');
        expect(r.out).not.toContain('root:');
        expect(r.err).not.toContain('root:');
      }
    });
  }

  it('an id that is not shipped is refused, naming the shipped ones', () => {
    const file = saveFile('mini-id.json', { scenario: 'mini' });
    const r = cli(['replay', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`error: ${file}: the save is for scenario "mini", which is not among the shipped scenarios (1927, 1929, 1932); give --scenario ID|FILE`);
    // Named by the person running the command, the same file is fine.
    const ok = cli(['replay', file, '--scenario', MINI]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('mini v1 · seed 7 · 0 moves');
  });

  it('a shipped id is found without --scenario', () => {
    const real = JSON.parse(readFileSync('scenarios/1932.json', 'utf8'));
    const sc32 = ScenarioSchema.parse(real);
    const file = join(dir, '1932.json');
    writeFileSync(file, JSON.stringify(makeSave(sc32, 's', [], createGame(sc32, 's'))));
    const r = cli(['replay', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1932 v');
  });

  it('a device or an oversized file given as a save or with --scenario is not read', () => {
    const r = cli(['replay', '/dev/zero']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error: /dev/zero: cannot read: not a regular file');
    const s = cli(['replay', saveFile('plain.json', {}), '--scenario', '/dev/zero']);
    expect(s.code).toBe(1);
    expect(s.err).toContain('error: /dev/zero: cannot read: not a regular file');
    const big = join(dir, 'big.json');
    writeFileSync(big, ' '.repeat(16 * 1024 * 1024 + 1));
    const t = cli(['replay', big]);
    expect(t.code).toBe(1);
    expect(t.err).toContain(`error: ${big}: cannot read: 16777217 bytes, more than the limit of 16777216 (16 MB)`);
  });
});

describe('text from a save is printed without control characters', () => {
  it('printable() removes control characters and bidirectional overrides, keeping newlines only in multi-line text', () => {
    expect(printable(`a${ESC}[2J${ESC}]0;title\x07b\u202Ec\x9bd\x7f`)).toBe('a[2J]0;titlebcd');
    expect(printable('one\ttwo\r\nthree')).toBe('one twothree');
    expect(printable('one\ttwo\r\nthree', true)).toBe('one two\nthree');
    expect(printable('Soviet · £ «ok» — fine')).toBe('Soviet · £ «ok» — fine');
  });

  it('a scenario id with control characters is printed without them', () => {
    const file = saveFile('ctrl-id.json', { scenario: `mini${ESC}[2J${ESC}]0;pwned\x07` });
    const r = cli(['replay', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`error: ${file}: scenario: "mini[2J]0;pwned" is not a scenario id`);
    expect(r.err).not.toContain(ESC);
  });

  it('a seed with control characters is refused by replay and play --load', () => {
    const file = saveFile('ctrl-seed.json', { seed: `7${ESC}[2J` });
    for (const r of [cli(['replay', file, '--scenario', MINI]), cli(['play', '--load', file, '--scenario', MINI], '')]) {
      expect(r.code).toBe(1);
      expect(r.err).toContain(`error: ${file}: seed: the save's seed holds control characters`);
      expect(r.err + r.out).not.toContain(ESC);
    }
  });

  it('a move or a side quoted in an error is printed without control characters', () => {
    const moves = saveFile('ctrl-move.json', { moves: [{ type: `decide${ESC}[31m`, side: 'britain' }] });
    const r = cli(['replay', moves, '--scenario', MINI]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('move 1 (decide[31m by Britain) is illegal');
    expect(r.err).not.toContain(ESC);
    const side = saveFile('ctrl-side.json', { cli: { side: `ussr${ESC}[2J` } });
    const s = cli(['play', '--load', side, '--scenario', MINI], '');
    expect(s.code).toBe(1);
    expect(s.err).toContain('the save names an unknown side: "ussr\\u001b[2J"');
    expect(s.err).not.toContain(ESC);
  });
});
