// The command-line front end: `tsx src/cli/main.ts <command> ...` (npm run play|sim|explore|replay|validate|schema|print).
// Exit status: 0 done, 1 a refused input (bad scenario, bad save, ...), 2 a usage error.
import { USAGE, UsageError } from './args';
import { exploreCommand } from './explore';
import { printable } from './format';
import { playCommand } from './play';
import { printCommand } from './print';
import { replayCommand } from './replay';
import { CliError } from './scenarios';
import { schemaCommand } from './schema';
import { simCommand } from './sim';
import { validateCommand } from './validate';

const out = (s: string) => {
  process.stdout.write(`${s}\n`);
};
const errOut = (s: string) => {
  process.stderr.write(`${s}\n`);
};

function usage(): string {
  return ['usage: tsx src/cli/main.ts <command> [options]   (or npm run <command> -- [options])', '', ...Object.values(USAGE).map(u => `  ${u}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'play':
        return await playCommand(rest, out);
      case 'sim':
        return simCommand(rest, out, errOut);
      case 'explore':
        return await exploreCommand(rest, out);
      case 'replay':
        return replayCommand(rest, out);
      case 'validate':
        return validateCommand(rest, out, errOut);
      case 'schema':
        return schemaCommand(rest, out);
      case 'print':
        return await printCommand(rest, out);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(usage());
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    // Messages quote what the files and arguments held: printed without their control characters.
    if (e instanceof UsageError) {
      errOut(`error: ${printable(e.message, true)}`);
      errOut(command && USAGE[command] ? `usage: ${USAGE[command]}` : usage());
      return 2;
    }
    if (e instanceof CliError) {
      errOut(`error: ${printable(e.message, true)}`);
      return 1;
    }
    throw e;
  }
}

// A closed pipe (`... | head`) ends the command quietly.
process.stdout.on('error', e => {
  if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  code => {
    process.exitCode = code;
  },
  e => {
    errOut(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 1;
  },
);
