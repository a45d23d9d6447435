import lockfile from 'proper-lockfile';
import { note } from './output.js';

/**
 * Says so when another process (the app, another run) holds the store's write lock: the write
 * that follows waits for it (store-lock.ts) rather than racing it, and a person should know why.
 */
export async function announceIfStoreBusy(storePath: string): Promise<void> {
  const busy = await lockfile.check(storePath, { realpath: false, stale: 15_000 }).catch(() => false);
  if (busy) note('The store is being changed by another ConnectDesk process; waiting for it…');
}
