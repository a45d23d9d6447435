import type { RequestOf, ResponseOf } from '../../../preload/contract.js';
import { AppError } from '../../core/errors/app-error.js';
import type { IpcContext } from '../ipc-context.js';

// TODO(issue 5): getDiagnostics → buildConnectionDiagnostics (diagnostics helper); exportSupportBundle → buildSupportBundle (redaction helper).
export function getDiagnostics(_ctx: IpcContext, _request: RequestOf<'diagnostics:get'>): Promise<ResponseOf<'diagnostics:get'>> {
  throw new AppError('UNEXPECTED', { detail: 'not implemented' });
}
export function exportSupportBundle(_ctx: IpcContext, _request: RequestOf<'diagnostics:export-bundle'>): Promise<ResponseOf<'diagnostics:export-bundle'>> {
  throw new AppError('UNEXPECTED', { detail: 'not implemented' });
}
