// `validate` on hostile scenario files: each is refused with the file, the path and the reason,
// and the files after it are still checked.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MINI, tempDir } from './helpers';

const dir = tempDir();
type Json = Record<string, unknown>;
function hostile(name: string, edit: (sc: Json) => void): string {
  const sc = JSON.parse(readFileSync(MINI, 'utf8')) as Json;
  edit(sc);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(sc));
  return file;
}

describe('validate on hostile files', () => {
  it('refuses conditions nested 1,500 deep with the file, the path and the limit, and goes on to the next files', () => {
    const deep = hostile('deep.json', sc => {
      let c: Json = { fig: 'tension', gte: 1 };
      for (let k = 0; k < 1500; k++) c = { not: c };
      (sc.events as Json[])[1]!.when = c;
    });
    const title = hostile('title.json', sc => {
      sc.title = 'Mini\x1b[2J\x1b]0;pwned\x07';
    });
    const calendar = hostile('calendar.json', sc => {
      sc.calendar = { start: '1927-05-02', end: '9999-12-31', phases: [{ name: 'Daily', until: '9999-12-31', stepDays: 1 }] };
    });
    const r = cli(['validate', deep, title, calendar, MINI]);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('RangeError');
    expect(r.err).toContain(`FAIL ${deep}: events[1].when${'.not'.repeat(61)}: nested more than 64 deep (objects and lists may nest at most 64 levels)`);
    expect(r.err).toContain(`FAIL ${title}: title: the text holds a control character (U+001B)`);
    expect(r.err).not.toContain('\x1b');
    expect(r.err).toContain(`FAIL ${calendar}: calendar.end: a date is from 1700-01-01 to 2099-12-31`);
    expect(r.err).toContain(`${calendar}: calendar.end: the calendar has 2948482 turns; at most 1000 are allowed`);
    expect(r.out).toContain(`OK   ${MINI}`);
    expect(r.out).toContain('1 of 4 scenario files valid');
  });
});
