// `npm run serve`: the classroom server from the command line. The port is 2567 unless --port or
// CLASS_PORT says otherwise (0 picks a free one); logs are kept in .class-data/ unless --data or
// CLASS_DATA names another directory, or in Redis with --redis URL (or REDIS_URL; a path is a Unix
// socket). It serves the built app (dist/, from `npm run build`; --web DIR, or --web none) at the same address.

import { startClassServer } from './server';

function flag(name: string): string | undefined {
  const k = process.argv.indexOf(`--${name}`);
  if (k < 0) return undefined;
  const v = process.argv[k + 1];
  if (v === undefined || v.startsWith('--')) {
    console.error(`--${name} needs a value`);
    process.exit(2);
  }
  return v;
}

const portText = flag('port') ?? process.env.CLASS_PORT ?? '2567';
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`the port must be a number from 0 to 65535, not ${portText}`);
  process.exit(2);
}

const server = await startClassServer({
  port,
  host: flag('host') ?? process.env.CLASS_HOST ?? '0.0.0.0',
  dataDir: flag('data') ?? process.env.CLASS_DATA ?? '.class-data',
  redis: flag('redis') ?? process.env.REDIS_URL,
  webDir: flag('web') === 'none' ? null : (flag('web') ?? 'dist'),
  publicAddress: flag('public-address') ?? process.env.CLASS_PUBLIC_ADDRESS,
});

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    void server.close().then(() => process.exit(0));
  });
}
