/** The in-process control surface tests use; the admin HTTP routes call the same functions. */
import type { RevokeGrantFilter, SandboxControl } from './sandbox-api.js';
import { findUserByEmail, type SandboxContext } from './sandbox-context.js';

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
  };
}
