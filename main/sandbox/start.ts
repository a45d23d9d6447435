/**
 * Standalone sandbox: `tsx main/sandbox/start.ts`.
 * SANDBOX_PORT (default 4599), CONNECTDESK_CALLBACK_URL (default the app's callback URL),
 * SANDBOX_STATE_FILE (optional): a JSON file where the sandbox keeps its signing key, grants,
 * refresh/access token state and switches, so connections survive a restart of the sandbox.
 * Unset: everything is in memory and every restart forgets all connections.
 */
import { DEFAULT_CALLBACK_URL } from '../core/atlassian/environment.js';
import { startSandbox } from './sandbox-server.js';
import { loadDefaultSeed } from './sandbox-seed.js';

const DEFAULT_PORT = 4599;

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SANDBOX_PORT must be a port number, got "${value}"`);
  return port;
}

async function main(): Promise<void> {
  const callbackUrl = process.env.CONNECTDESK_CALLBACK_URL || DEFAULT_CALLBACK_URL;
  const seed = loadDefaultSeed();
  const stateFile = process.env.SANDBOX_STATE_FILE || undefined;
  const sandbox = await startSandbox({ port: portFromEnv(process.env.SANDBOX_PORT), callbackUrl, seed, stateFile });
  const lines = [
    `Atlassian sandbox listening on ${sandbox.url}`,
    `  Developer console: ${sandbox.url}/`,
    `  Callback URL registered on the apps: ${callbackUrl}`,
    `  Managed app: ${sandbox.managedApp.clientId} (${sandbox.managedApp.label})`,
    `  State file: ${stateFile ?? '(none: state is lost when the sandbox stops)'}`,
    `  Demo sign-in: demo@example.com / connectdesk`,
    ...seed.users.map((u) => `    ${u.email.padEnd(24)} ${u.demonstrates}`),
    'Press Ctrl+C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Sandbox failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
