// `replay FILE`: load a save, replay every move, print the final state's hash and a summary. A
// save that is not one, is for another scenario or a later version, or has been altered is
// refused; one of an earlier version is replayed under this version's rules if every move still
// plays (saying so), else refused naming the move that no longer does and why.
import { readSave as checkSave } from '../app/saveFile';
import { compile, longDate, RELATION_LABEL, score, stateHash } from '../engine/index';
import { parse, USAGE, UsageError } from './args';
import { bold, dim, printable, wrap, yellow } from './format';
import { CliError, readSave, scenarioForSave } from './scenarios';

export function replayCommand(argv: string[], out: (s: string) => void): number {
  const { values, positionals } = parse('replay', argv, { scenario: { type: 'string' } }, true);
  if (values.help) {
    out(`usage: ${USAGE.replay}`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('replay: name one save file');
  const file = positionals[0]!;
  const data = readSave(file);
  const { sc } = scenarioForSave(data, values.scenario as string | undefined, file);
  const r = checkSave(sc, data);
  if (!r.ok) throw new CliError(`${file}: refused: ${r.error}`);
  const { save, state, notice } = r.value;
  const c = compile(sc);
  const hash = stateHash(state);
  const when = state.ended ? `ended ${longDate(state.ended.day)}: ${state.ended.reason}` : `in progress at turn ${state.turn + 1} of ${c.days.length} (${longDate(c.days[state.turn]!)})`;
  out(`${bold('hash')} ${hash}`);
  out(
    `${sc.id} v${sc.version} · seed ${printable(save.seed)} · ${save.moves.length} moves · ${when} · ${RELATION_LABEL[state.relations]} · scores Britain ${score(c, state, 'britain').total.toFixed(1)}, USSR ${score(c, state, 'ussr').total.toFixed(1)}`,
  );
  if (notice) for (const l of wrap(notice, 100)) out(yellow(l));
  else out(dim('The replay reaches the recorded state.'));
  return 0;
}
