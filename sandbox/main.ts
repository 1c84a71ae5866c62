import { optionsFromEnv } from './config';
import { createSandbox } from './server';

/** `npm run sandbox`: the Konaplate imitation server, configured from KONAPLATE_SANDBOX_* env. */

async function main() {
  const options = optionsFromEnv();
  const sandbox = createSandbox(options);
  const { port, host } = await sandbox.listen();
  const shownHost = host.includes(':') ? `[${host}]` : host;
  console.log(`Konaplate sandbox listening on http://${shownHost}:${port}/open-api`);
  console.log(
    `  encryption ${options.crypto ? `on (key id ${options.crypto.keyId})` : 'off'}, control endpoint ${options.controlEnabled ? 'on' : 'off'}`,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`Konaplate sandbox stopping (${signal})`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
