// The JSON Schema that editors use is generated from the zod definition; the committed copy must
// not drift from it (regenerate with `npm run schema`).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/schema';

it('scenarios/scenario.schema.json is up to date with src/scenario/schema.ts', () => {
  const committed = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8'));
  expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
});
