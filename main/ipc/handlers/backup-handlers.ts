import type { RequestOf, ResponseOf } from '../../../preload/contract.js';
import { AppError } from '../../core/errors/app-error.js';
import type { IpcContext } from '../ipc-context.js';

// TODO(issue 4, backup helper): implement over a long-lived BackupService.
export function exportBackupFile(_ctx: IpcContext, _request: RequestOf<'backup:export'>): Promise<ResponseOf<'backup:export'>> {
  throw new AppError('UNEXPECTED', { detail: 'not implemented' });
}
export function previewBackupFile(_ctx: IpcContext, _request: RequestOf<'backup:preview'>): Promise<ResponseOf<'backup:preview'>> {
  throw new AppError('UNEXPECTED', { detail: 'not implemented' });
}
export function importBackupFile(_ctx: IpcContext, _request: RequestOf<'backup:import'>): Promise<ResponseOf<'backup:import'>> {
  throw new AppError('UNEXPECTED', { detail: 'not implemented' });
}
export function discardBackupPreview(_ctx: IpcContext, _request: RequestOf<'backup:discard'>): ResponseOf<'backup:discard'> {
  throw new AppError('UNEXPECTED', { detail: 'not implemented' });
}
