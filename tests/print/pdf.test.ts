// The printables as PDF, made by `npm run print` in headless Chromium, read back with pdftotext
// (Debian's poppler-utils; .ci/run installs it): the role sheets hold every role's name and secret
// aim, one page each; the debrief holds the group, its players and the question. Bad input is
// refused with the reason and leaves an existing output file as it was. The PDF tests are skipped,
// saying why, where Chromium or pdftotext is missing; the refusals run everywhere.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { makeHandIn } from '../../src/app/handIn';
import { createGame } from '../../src/engine/index';
import { ROOT, tempDir } from '../cli/helpers';
import { chromiumPath, noChromiumReason } from '../e2e/chromium';
import { loadScenarioFile } from '../loadScenario';

const dir = tempDir();
const run = (args: string[]) => {
  // Chromium starts slowly on a busy machine: a generous limit, no timing asserted.
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', 'print', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const skip = !chromiumPath() ? noChromiumReason() : !hasPdftotext ? 'no pdftotext (apt-get install poppler-utils)' : '';
/** The PDF's text, with runs of white space (line breaks included) made one space. */
const pdfText = (file: string): string => {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
};
const flat = (t: string) => t.replace(/\s+/g, ' ');
/** The first words of a text, enough to find it in a PDF's text whatever the line breaks. */
const opening = (t: string, words = 7) => t.split(/\s+/).slice(0, words).join(' ');

const sc = loadScenarioFile('1932');
const game = runGame(sc, createGame(sc, 'pdf'), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });
const handIn = join(dir, 'group.json');
writeFileSync(handIn, JSON.stringify(makeHandIn(sc, 'pdf', game.moves, game.state, { britain: 'human', ussr: 'human' }, 'Group 2 (Friday)', [{ role: 'litvinov', player: 'Dmitri' }])));

describe.skipIf(!!skip)(skip ? `printables as PDF (skipped: ${skip})` : 'printables as PDF', () => {
  it("role sheets: one page per role, each with the role's name and secret aim", () => {
    const out = join(dir, 'sheets.pdf');
    const r = run(['--scenario', '1932', '--sheets', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const text = pdfText(out);
    const pages = text.split('\f').filter(p => p.trim() !== '');
    expect(pages).toHaveLength(sc.roles!.length);
    sc.roles!.forEach((role, k) => {
      const page = flat(pages[k]!);
      const name = role.minister ? sc.ministers.find(m => m.id === role.minister)!.name : role.name!;
      expect(page).toContain(name);
      expect(page).toContain(opening(role.secretAim));
      expect(page).toContain(opening(role.briefing));
      for (const o of role.objectives) expect(page).toContain(opening(o.label, 4));
    });
  }, 300_000);

  it('the debrief: the group, its player, the timeline, the question', () => {
    const out = join(dir, 'debrief.pdf');
    const r = run(['--debrief', handIn, '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const text = flat(pdfText(out));
    expect(text).toContain('Group 2 (Friday)');
    expect(text).toContain('Maxim Litvinov (Dmitri)');
    expect(text).toContain("Your group's timeline beside history's");
    expect(text).toContain('How successful was the USSR in establishing links with other major European powers?');
    expect(text).toMatch(/thesis L\d+/);
  }, 300_000);
});

describe('print refuses bad input', () => {
  it('an unknown role: exit 1 with the reason, nothing written', () => {
    const out = join(dir, 'none.html');
    const r = run(['--scenario', '1927', '--sheets', out, '--role', 'nobody']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('there is no role "nobody" in scenario "1927"');
    expect(existsSync(out)).toBe(false);
  });

  it('a corrupt or foreign save: exit 1 with the reason, and the earlier output left as it was', () => {
    const out = join(dir, 'kept.html');
    writeFileSync(out, 'an earlier debrief');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "format": "anglo-soviet-diplomacy/save", "scenario": "1932", ');
    let r = run(['--debrief', bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('not a save file: it is not JSON');
    writeFileSync(bad, JSON.stringify({ format: 'something-else', scenario: '1932' }));
    r = run(['--debrief', bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('not a save file of this game');
    const altered = JSON.parse(readFileSync(handIn, 'utf8'));
    altered.hash = '0123456789abcdef';
    writeFileSync(bad, JSON.stringify(altered));
    r = run(['--debrief', bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('the file has been altered or damaged');
    expect(readFileSync(out, 'utf8')).toBe('an earlier debrief');
  });

  it('an output that is neither .pdf nor .html, or both commands at once: a usage error', () => {
    expect(run(['--scenario', '1927', '--sheets', join(dir, 'x.txt')]).code).toBe(2);
    expect(run(['--scenario', '1927', '--sheets', join(dir, 'x.pdf'), '--debrief', handIn]).code).toBe(2);
  });

  it('writes the HTML whole, with a sheet per role asked for', () => {
    const out = join(dir, 'two.html');
    const r = run(['--scenario', '1927', '--sheets', out, '--role', 'trotsky', '--role', 'chamberlain']);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('<section class="sheet')).toHaveLength(3);
  });
});
