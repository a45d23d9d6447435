import type { ConnectionServices } from './connection-services.js';
import type { ServiceContext } from './service-context.js';

/** Errors that pass by themselves (Atlassian busy): retried like Offline, and cleared by the first success. */
const TRANSIENT_CODES = new Set(['ATLASSIAN_RATE_LIMITED', 'ATLASSIAN_SERVER_ERROR']);

/**
 * Offline is not a failure: while a connection is Offline, a cheap call (accessible-resources) is
 * tried now and then; the first one that gets through puts it back to Connected (ConnectionApi
 * records that). Returns the function that stops it. While `paused()` (the secret store is locked)
 * nothing is tried: every try would only fail on the vault.
 */
export function startOfflineRecovery(
  ctx: ServiceContext,
  services: ConnectionServices,
  intervalMs: number,
  options: { paused?: () => boolean } = {},
): () => void {
  let running = false;
  const tick = async () => {
    if (running || options.paused?.()) return;
    running = true;
    try {
      const offline = ctx.store.listConnections().filter((c) => c.status.state === 'offline' || TRANSIENT_CODES.has(c.status.reason?.code ?? ''));
      for (const connection of offline) {
        await services.api.accessibleResources(connection.id).catch(() => undefined);
      }
    } catch {
      // The store may be briefly unreadable (another process writing); the next tick tries again.
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
