import type { RequestOf, ResponseOf } from '../../../preload/contract.js';
import type { IpcContext } from '../ipc-context.js';

// Files cross the bridge as base64: the renderer reads and saves them itself (Electron and the browser shell alike).
const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const fromBase64 = (data: string): Uint8Array => new Uint8Array(Buffer.from(data, 'base64'));

export async function exportBackupFile(ctx: IpcContext, request: RequestOf<'backup:export'>): Promise<ResponseOf<'backup:export'>> {
  const file = await ctx.connections.backups.export(request.scope, request.passphrase, ctx.host.version);
  return { fileName: file.fileName, data: toBase64(file.bytes), counts: file.counts };
}

export function previewBackupFile(ctx: IpcContext, request: RequestOf<'backup:preview'>): Promise<ResponseOf<'backup:preview'>> {
  return ctx.connections.backups.preview(fromBase64(request.data), request.passphrase);
}

export function importBackupFile(ctx: IpcContext, request: RequestOf<'backup:import'>): Promise<ResponseOf<'backup:import'>> {
  return ctx.connections.backups.import(request.previewId, request.conflicts);
}

export function discardBackupPreview(ctx: IpcContext, request: RequestOf<'backup:discard'>): ResponseOf<'backup:discard'> {
  ctx.connections.backups.discard(request.previewId);
  return { ok: true };
}
