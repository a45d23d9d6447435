import type { RequestOf, ResponseOf } from '../../../preload/contract.js';
import type { IpcContext } from '../ipc-context.js';

/** Settings → Security and the unlock screen: how secrets are protected, and whether the store is open. */
export function getSecurityStatus(ctx: IpcContext, _request: RequestOf<'security:get-status'>): Promise<ResponseOf<'security:get-status'>> {
  return ctx.security.status();
}

/** Opens a locked store with the recovery passphrase; a wrong one answers RECOVERY_PASSPHRASE_WRONG. */
export async function unlockVault(ctx: IpcContext, request: RequestOf<'security:unlock'>): Promise<ResponseOf<'security:unlock'>> {
  await ctx.security.unlock(request.passphrase);
  return ctx.security.status();
}

export async function setRecoveryPassphrase(ctx: IpcContext, request: RequestOf<'security:set-recovery-passphrase'>): Promise<ResponseOf<'security:set-recovery-passphrase'>> {
  await ctx.security.setRecoveryPassphrase(request.passphrase);
  return ctx.security.status();
}

export async function removeRecoveryPassphrase(ctx: IpcContext, _request: RequestOf<'security:remove-recovery-passphrase'>): Promise<ResponseOf<'security:remove-recovery-passphrase'>> {
  await ctx.security.removeRecoveryPassphrase();
  return ctx.security.status();
}
