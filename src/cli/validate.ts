// `validate FILE...`: check scenario files and print what each holds, or the error.
import { basename } from 'node:path';
import { compile } from '../engine/index';
import type { Scenario } from '../scenario/schema';
import { parse, USAGE, UsageError } from './args';
import { bold, green, printable, red } from './format';
import { CliError, readScenario } from './scenarios';

export function summary(sc: Scenario): string {
  const c = compile(sc);
  const per = <T extends { side: string }>(xs: readonly T[]) => `${xs.filter(x => x.side === 'britain').length} Britain / ${xs.filter(x => x.side === 'ussr').length} USSR`;
  const decisions = sc.events.filter(e => e.decision);
  const options = decisions.reduce((a, e) => a + e.decision!.options.length, 0);
  return [
    `"${sc.id}" v${sc.version}, ${c.days.length} turns`,
    `ministers ${per(sc.ministers)}`,
    `events ${sc.events.length}`,
    `decisions (branch points) ${decisions.length} with ${options} options`,
    `actions ${per(sc.actions)}`,
    `groups ${sc.groups.length}`,
    `terms ${sc.negotiation.terms.length}`,
    `outcomes ${sc.history.outcomes.length}`,
  ].join(', ');
}

export function validateCommand(argv: string[], out: (s: string) => void, errOut: (s: string) => void): number {
  const { values, positionals } = parse('validate', argv, {}, true);
  if (values.help) {
    out(`usage: ${USAGE.validate}`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('validate: name at least one scenario file');
  let bad = 0,
    skipped = 0;
  for (const file of positionals) {
    // `scenarios/*.json` includes the editors' JSON Schema: it describes scenarios, it is not one.
    if (basename(file) === 'scenario.schema.json') {
      skipped++;
      out(`skip ${bold(file)}: the JSON Schema for editors, not a scenario`);
      continue;
    }
    try {
      const sc = readScenario(file);
      out(`${green('OK')}   ${bold(file)}: ${summary(sc)}`);
    } catch (e) {
      // Any failure is this file's: report it and go on to the next.
      bad++;
      errOut(`${red('FAIL')} ${printable(e instanceof CliError ? e.message : `${file}: ${String(e)}`, true)}`);
    }
  }
  const checked = positionals.length - skipped;
  if (checked > 1) out(`${checked - bad} of ${checked} scenario files valid`);
  return bad ? 1 : 0;
}
