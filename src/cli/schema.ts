// `schema --out PATH`: write the editors' JSON Schema, generated from the zod definition.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { scenarioJsonSchema } from '../scenario/schema';
import { parse, USAGE } from './args';

export function schemaCommand(argv: string[], out: (s: string) => void): number {
  const { values } = parse('schema', argv, { out: { type: 'string', short: 'o' } });
  if (values.help) {
    out(`usage: ${USAGE.schema}`);
    return 0;
  }
  const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  const path = values.out as string | undefined;
  if (!path || path === '-') {
    process.stdout.write(text);
    return 0;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  out(`wrote ${path} (${text.length.toLocaleString('en-GB')} bytes)`);
  return 0;
}
