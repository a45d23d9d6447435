/**
 * Runs the real `connectdesk` launcher (main/cli/bin.mjs: node + tsx) as a child process and drives
 * its sign-ins over HTTP the way a person's browser would: the sandbox's sign-in and consent forms,
 * then the redirect to the CLI's loopback callback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { SandboxHandle } from '../../main/sandbox/index.js';
import { runConsent, TestBrowser } from '../sandbox/sandbox-test-kit.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const CLI_BIN = resolve(REPO_ROOT, 'main/cli/bin.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  child: ChildProcess;
  /** Resolves with the first match of `pattern` in stderr (progress and the URL to open go there). */
  stderrMatch(pattern: RegExp): Promise<RegExpMatchArray>;
  done: Promise<CliResult>;
}

/** The test's environment without the developer's own ConnectDesk settings, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('CONNECTDESK_')));
  return { ...inherited, ...env };
}

export function startCli(args: string[], env: Record<string, string>): RunningCli {
  const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: REPO_ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const watchers: Array<() => void> = [];
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const watch of watchers.splice(0)) watch();
  });
  const done = new Promise<CliResult>((resolveDone) => child.on('close', (code) => resolveDone({ code, stdout, stderr })));
  const stderrMatch = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolveMatch, reject) => {
      const look = () => {
        const match = pattern.exec(stderr);
        if (match) return resolveMatch(match);
        watchers.push(look);
      };
      void done.then((result) => reject(new Error(`the CLI ended (exit ${result.code}) before printing ${pattern}:\n${result.stderr}`)));
      look();
    });
  return { child, stderrMatch, done };
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return startCli(args, env).done;
}

export const AUTHORIZE_URL = /(http:\/\/\S+\/authorize\?\S+)/;

/**
 * `connect`/`reconnect --no-browser`: reads the printed URL, signs in on the sandbox as `email`,
 * then follows Atlassian's redirect to the CLI's loopback callback, as the browser would.
 */
export async function signInThroughCli(sandbox: SandboxHandle, args: string[], env: Record<string, string>, email: string): Promise<CliResult & { authorizeUrl: string }> {
  const cli = startCli(args, env);
  const [, authorizeUrl] = await cli.stderrMatch(AUTHORIZE_URL);
  const callback = await runConsent(sandbox, { rawQuery: new URL(authorizeUrl!).search.slice(1), email, browser: new TestBrowser(sandbox.url) });
  const page = await fetch(callback);
  if (page.status !== 200) throw new Error(`the loopback callback answered ${page.status}`);
  return { ...(await cli.done), authorizeUrl: authorizeUrl! };
}

/** Parses stdout as the one JSON document --json promises. */
export function json<T = Record<string, unknown>>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}
