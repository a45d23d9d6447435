import type { RequestOf, ResponseOf } from '../../../preload/contract.js';
import { AppError } from '../../core/errors/app-error.js';
import type { IpcContext } from '../ipc-context.js';

// TODO(issue 4, security helper): implement over the vault session.
export function getSecurityStatus(_ctx: IpcContext, _request: RequestOf<'security:get-status'>): Promise<ResponseOf<'security:get-status'>> {
  throw new AppError('UNEXPECTED', { detail: 'not implemented' });
}
export function unlockVault(_ctx: IpcContext, _request: RequestOf<'security:unlock'>): Promise<ResponseOf<'security:unlock'>> {
  throw new AppError('UNEXPECTED', { detail: 'not implemented' });
}
export function setRecoveryPassphrase(_ctx: IpcContext, _request: RequestOf<'security:set-recovery-passphrase'>): Promise<ResponseOf<'security:set-recovery-passphrase'>> {
  throw new AppError('UNEXPECTED', { detail: 'not implemented' });
}
export function removeRecoveryPassphrase(_ctx: IpcContext, _request: RequestOf<'security:remove-recovery-passphrase'>): Promise<ResponseOf<'security:remove-recovery-passphrase'>> {
  throw new AppError('UNEXPECTED', { detail: 'not implemented' });
}
