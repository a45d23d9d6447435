/** The in-process control surface tests use; the admin HTTP routes call the same functions. */
import type { RevokeGrantFilter, SandboxControl } from './sandbox-api.js';
import { findApp, findUserByEmail, type SandboxContext } from './sandbox-context.js';
import { randomId } from './sandbox-state.js';

/** Raised for a clientId the seed does not know; the admin route answers 404. */
export class UnknownAppError extends Error {
  constructor(readonly clientId: string) {
    super(`The sandbox has no OAuth app with client ID "${clientId}".`);
  }
}

export const MIN_CLIENT_SECRET_LENGTH = 8;

export function createControl(ctx: SandboxContext): SandboxControl {
  return {
    switches: () => ctx.state.switches(),
    setSwitches: (patch) => ctx.state.setSwitches(patch),
    reset: () => ctx.state.reset(),
    revokeGrant: (filter: RevokeGrantFilter = {}) => {
      const emailAccount = filter.email === undefined ? undefined : (findUserByEmail(ctx, filter.email)?.accountId ?? null);
      if (emailAccount === null) return 0;
      return ctx.state.families.revokeWhere(
        (g) =>
          (filter.accountId === undefined || g.accountId === filter.accountId) &&
          (emailAccount === undefined || g.accountId === emailAccount) &&
          (filter.clientId === undefined || g.clientId === filter.clientId),
        ctx.now(),
      ).length;
    },
    expireAccessTokens: () => ctx.state.expireAccessTokens(),
    tokenRequests: () => ctx.state.tokenRequests(),
    advanceClock: (ms: number) => ctx.state.advanceClock(ms),
    rotateClientSecret: (clientId: string, clientSecret?: string) => {
      const app = findApp(ctx, clientId);
      if (!app) throw new UnknownAppError(clientId);
      const next = clientSecret ?? `${app.clientId}-secret-${randomId(18)}`;
      if (next.length < MIN_CLIENT_SECRET_LENGTH) throw new RangeError(`a client secret needs at least ${MIN_CLIENT_SECRET_LENGTH} characters`);
      ctx.state.rotateClientSecret(app.clientId, next);
      return { clientId: app.clientId, clientSecret: next };
    },
  };
}
