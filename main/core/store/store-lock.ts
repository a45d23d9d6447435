import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../errors/app-error.js';

/**
 * A lock shared by every process that opens the same store (the app, the CLI, a second shell):
 * proper-lockfile's mkdir lock next to `path`, with retries and stale-lock recovery, so a crashed
 * holder never blocks the store for good.
 */
export async function withFileLock<T>(path: string, action: () => Promise<T> | T, options: { staleMs?: number } = {}): Promise<T> {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(path, {
      realpath: false,
      stale: options.staleMs ?? 15_000,
      retries: { retries: 400, factor: 1.15, minTimeout: 5, maxTimeout: 100 },
      // The default throws from a timer, which would crash the app after a long sleep; the next
      // write simply takes the lock again.
      onCompromised: () => undefined,
    });
  } catch (cause) {
    const locked = (cause as NodeJS.ErrnoException).code === 'ELOCKED';
    throw new AppError('STORE_LOCKED', {
      ...(locked ? { message: 'The ConnectDesk store is locked by another process.' } : { remediation: 'Check that you may write to the data folder, then try again.' }),
      detail: `${path}: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`,
      cause,
    });
  }
  try {
    return await action();
  } finally {
    await release().catch(() => undefined);
  }
}
