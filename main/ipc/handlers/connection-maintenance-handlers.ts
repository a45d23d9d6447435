import type { RequestOf, ResponseOf } from '../../../preload/contract.js';
import { deleteConnection as removeConnection, editConnection, makeDefault, moveConnection as relocateConnection } from '../../core/services/connection-management.js';
import { toConnectionSummary } from '../../core/services/connection-summary.js';
import { nowOf } from '../../core/services/service-context.js';
import type { ConnectionRecord } from '../../core/store/store-schema.js';
import type { IpcContext } from '../ipc-context.js';

function changed(ctx: IpcContext, ...folderIds: string[]): void {
  for (const folderId of new Set(folderIds)) ctx.services.emit({ type: 'connections:changed', payload: { folderId } });
}

function summary(ctx: IpcContext, record: ConnectionRecord) {
  return toConnectionSummary(record, nowOf(ctx.services), { assets: ctx.services.store.listAssets() });
}

export function checkConnection(ctx: IpcContext, request: RequestOf<'connections:check'>): Promise<ResponseOf<'connections:check'>> {
  return ctx.connections.checker.check(request.connectionId);
}

export async function checkFolder(ctx: IpcContext, request: RequestOf<'connections:check-folder'>): Promise<ResponseOf<'connections:check-folder'>> {
  return { results: await ctx.connections.checker.checkFolder(request.folderId) };
}

export async function updateConnection(ctx: IpcContext, request: RequestOf<'connections:update'>): Promise<ResponseOf<'connections:update'>> {
  const record = await editConnection(ctx.services.store, request.connectionId, request, nowOf(ctx.services), ctx.services);
  changed(ctx, record.folderId);
  return summary(ctx, record);
}

export async function makeDefaultConnection(ctx: IpcContext, request: RequestOf<'connections:make-default'>): Promise<ResponseOf<'connections:make-default'>> {
  const record = await makeDefault(ctx.services.store, request.connectionId);
  changed(ctx, record.folderId);
  return summary(ctx, record);
}

export async function moveConnection(ctx: IpcContext, request: RequestOf<'connections:move'>): Promise<ResponseOf<'connections:move'>> {
  const from = ctx.services.store.getConnection(request.connectionId).folderId;
  const record = await relocateConnection(ctx.services.store, request.connectionId, request.folderId, ctx.services);
  changed(ctx, from, record.folderId);
  return summary(ctx, record);
}

export async function deleteConnection(ctx: IpcContext, request: RequestOf<'connections:delete'>): Promise<ResponseOf<'connections:delete'>> {
  const record = await removeConnection(ctx.services.store, request.connectionId, ctx.services);
  changed(ctx, record.folderId);
  return { ok: true };
}
