// `validate`, `schema` and argument handling, run as child processes of `tsx src/cli/main.ts`
// against the mini fixture.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/schema';
import { cli, MINI, tempDir } from './helpers';

const dir = tempDir();

describe('validate', () => {
  it('accepts the fixture and prints its counts', () => {
    const r = cli(['validate', MINI]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`OK   ${MINI}`);
    expect(r.out).toContain('ministers 3 Britain / 2 USSR');
    expect(r.out).toContain('events 5');
    expect(r.out).toContain('decisions (branch points) 2');
    expect(r.out).toContain('actions 4 Britain / 2 USSR');
  });

  it('refuses a broken copy, naming the file and the path to the bad field', () => {
    const sc = JSON.parse(readFileSync(MINI, 'utf8'));
    sc.events[1].effects[0].fig = 'noSuchFigure';
    const badRef = join(dir, 'bad-ref.json');
    writeFileSync(badRef, JSON.stringify(sc));
    const sc2 = JSON.parse(readFileSync(MINI, 'utf8'));
    sc2.ministers[1].influence = 99;
    const badField = join(dir, 'bad-field.json');
    writeFileSync(badField, JSON.stringify(sc2));

    const r = cli(['validate', MINI, badRef, badField, join(dir, 'nope.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('1 of 4 scenario files valid');
    expect(r.err).toContain('nope.json: cannot read');
    expect(r.out).toContain(`OK   ${MINI}`);
    expect(r.err).toContain(`${badRef}: events[1].effects[0].fig: unknown figure "noSuchFigure"`);
    expect(r.err).toContain(`${badField}: ministers[1].influence`);
  });

  it('validate scenarios/*.json checks every scenario and skips the JSON Schema beside them', () => {
    const r = cli(['validate', 'scenarios/1927.json', 'scenarios/1929.json', 'scenarios/1932.json', 'scenarios/scenario.schema.json']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('skip scenarios/scenario.schema.json');
    expect(r.out).toContain('3 of 3 scenario files valid');
  });
});

describe('schema and usage', () => {
  it('writes the JSON Schema', () => {
    const out = join(dir, 'schema.json');
    const r = cli(['schema', '--out', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it('rejects bad arguments with exit 2 and an unknown scenario with exit 1', () => {
    const usage = cli(['play', '--scenario', MINI, '--side', 'france']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--side must be one of: britain, ussr');
    // The usage names every computer player --opponent takes.
    for (const name of ['persona', 'historical', 'random', 'negotiator', 'boulware', 'conceder', 'hardliner', 'titfortat', 'search:1..4', 'human']) expect(usage.err).toContain(name);
    const r = cli(['sim', '--scenario', 'no-such-scenario']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no scenario "no-such-scenario"');
  });
});
