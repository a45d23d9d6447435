import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { readEnvironmentSettings } from '../../main/environments/environment-settings.js';
import { startBrowserShell } from './shell-server.js';

/** `npm run shell`: the real UI in a browser where Electron cannot run. Prints the URL it serves. */
const settings = readEnvironmentSettings();
const dataDir = resolve(process.env.CONNECTDESK_DATA_DIR ?? join(homedir(), '.connectdesk-shell'));
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const shell = await startBrowserShell({
  dataDir,
  rendererDir: resolve(process.env.CONNECTDESK_RENDERER_DIR ?? 'renderer-dist'),
  settings,
  port: Number(process.env.CONNECTDESK_SHELL_PORT ?? 5174),
  version,
  keychain: process.env.CONNECTDESK_SHELL_KEYCHAIN,
});
console.log(`ConnectDesk browser shell: ${shell.url}`);
console.log(`Store: ${shell.storePath} (secrets sealed with the INSECURE development key)`);
if (shell.lockedAtStart) console.log('The secret store is locked: the page asks for the recovery passphrase.');
console.log(`Environment on first run: ${settings.CONNECTDESK_ENVIRONMENT}; callback URL ${settings.CONNECTDESK_CALLBACK_URL}`);

const stop = () => void shell.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
