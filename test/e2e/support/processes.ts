import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../support/free-port.js';

export { freePort };

export const ROOT = process.cwd();

export interface RunningProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a TypeScript entry point with tsx, logs its output to a file, and waits for the line naming its URL. */
function startTsProcess(entry: string, env: Record<string, string>, logFile: string, urlPattern: RegExp): Promise<RunningProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${entry} did not start in time:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = urlPattern.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        url: match[1],
        child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${output}`));
    });
  });
}

export function startSandboxProcess(options: { callbackUrl: string; logDir: string }): Promise<RunningProcess> {
  mkdirSync(options.logDir, { recursive: true });
  return startTsProcess(
    'main/sandbox/start.ts',
    { SANDBOX_PORT: '0', CONNECTDESK_CALLBACK_URL: options.callbackUrl },
    join(options.logDir, 'sandbox.log'),
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  );
}

/** `sandboxUrl: null` lets the shell start its own sandbox in-process, as the app does. */
export function startShellProcess(options: { dataDir: string; sandboxUrl: string | null; callbackUrl: string; logDir: string; env?: Record<string, string> }): Promise<RunningProcess> {
  mkdirSync(options.logDir, { recursive: true });
  return startTsProcess(
    'scripts/browser-shell/start.ts',
    {
      CONNECTDESK_SHELL_PORT: '0',
      CONNECTDESK_DATA_DIR: options.dataDir,
      CONNECTDESK_ENVIRONMENT: 'sandbox',
      ...(options.sandboxUrl ? { CONNECTDESK_SANDBOX_URL: options.sandboxUrl } : {}),
      CONNECTDESK_CALLBACK_URL: options.callbackUrl,
      // Offline connections recover by themselves; in tests, quickly.
      CONNECTDESK_OFFLINE_RETRY_MS: '1000',
      ...options.env,
    },
    join(options.logDir, 'shell.log'),
    /browser shell: (http:\/\/127\.0\.0\.1:\d+\/)/,
  );
}

/** Flips sandbox failure switches through its admin endpoint, as support staff would. */
export async function setSandboxSwitches(sandboxUrl: string, patch: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxUrl}/__admin/switches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  if (!response.ok) throw new Error(`switches: ${response.status} ${await response.text()}`);
}

/** Calls one of the sandbox's admin endpoints (expire-access-tokens, revoke-grants, reset, advance-clock). */
export async function sandboxAdmin(sandboxUrl: string, action: string, body: Record<string, unknown> = {}): Promise<unknown> {
  const response = await fetch(`${sandboxUrl}/__admin/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${action}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Gives a sandbox OAuth app a new client secret, as "Rotate secret" in Atlassian's developer
 * console: from then on the old secret gets 401 at the token endpoint. Returns the new secret.
 */
export async function rotateSandboxClientSecret(sandboxUrl: string, clientId: string, clientSecret?: string): Promise<string> {
  const answer = (await sandboxAdmin(sandboxUrl, 'rotate-client-secret', { clientId, ...(clientSecret ? { clientSecret } : {}) })) as { clientSecret: string };
  return answer.clientSecret;
}

/** The sandbox's log of token-endpoint calls (credentials masked), oldest first. */
export async function sandboxTokenRequests(sandboxUrl: string): Promise<Array<{ grantType: string | null; status: number; body: Record<string, string> }>> {
  const response = await fetch(`${sandboxUrl}/__admin/token-requests`);
  if (!response.ok) throw new Error(`token-requests: ${response.status} ${await response.text()}`);
  return (await response.json()) as Array<{ grantType: string | null; status: number; body: Record<string, string> }>;
}
