import lockfile from 'proper-lockfile';
import { AppError } from '../errors/app-error.js';

/**
 * A lock shared by every process that opens the same store (the app, the CLI, a second shell):
 * proper-lockfile's mkdir lock next to `path`, with retries and stale-lock recovery, so a crashed
 * holder never blocks the store for good.
 */
export async function withFileLock<T>(path: string, action: () => Promise<T> | T, options: { staleMs?: number } = {}): Promise<T> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(path, {
      realpath: false,
      stale: options.staleMs ?? 15_000,
      retries: { retries: 400, factor: 1.15, minTimeout: 5, maxTimeout: 100 },
    });
  } catch (cause) {
    throw new AppError('UNEXPECTED', {
      message: 'The ConnectDesk store is locked by another process.',
      remediation: 'Wait a moment and try again; if it persists, close other ConnectDesk windows or command-line runs.',
      detail: path,
      cause,
    });
  }
  try {
    return await action();
  } finally {
    await release().catch(() => undefined);
  }
}
