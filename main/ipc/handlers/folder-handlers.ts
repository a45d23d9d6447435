import type { RequestOf, ResponseOf } from '../../../preload/contract.js';
import { deleteFolder as removeFolder, moveFolder as relocateFolder, renameFolder as retitleFolder } from '../../core/services/folder-management.js';
import { listFolders as listFolderSummaries } from '../../core/services/folder-listing.js';
import type { FolderRecord } from '../../core/store/store-schema.js';
import type { IpcContext } from '../ipc-context.js';

function withCount(ctx: IpcContext, folder: FolderRecord): ResponseOf<'folders:create'> {
  return { ...folder, connectionCount: ctx.services.store.listConnections(folder.id).length };
}

export function listFolders(ctx: IpcContext, _request: RequestOf<'folders:list'>): ResponseOf<'folders:list'> {
  return listFolderSummaries(ctx.services.store);
}

export async function createFolder(ctx: IpcContext, request: RequestOf<'folders:create'>): Promise<ResponseOf<'folders:create'>> {
  return withCount(ctx, await ctx.services.store.createFolder(request.name.trim(), request.parentId));
}

export async function renameFolder(ctx: IpcContext, request: RequestOf<'folders:rename'>): Promise<ResponseOf<'folders:rename'>> {
  return withCount(ctx, await retitleFolder(ctx.services.store, request.folderId, request.name.trim()));
}

export async function moveFolder(ctx: IpcContext, request: RequestOf<'folders:move'>): Promise<ResponseOf<'folders:move'>> {
  return withCount(ctx, await relocateFolder(ctx.services.store, request.folderId, request.parentId));
}

export async function deleteFolder(ctx: IpcContext, request: RequestOf<'folders:delete'>): Promise<ResponseOf<'folders:delete'>> {
  const { removedConnectionIds: _removed, ...counts } = await removeFolder(ctx.services.store, request.folderId, request.connections);
  ctx.services.emit({ type: 'connections:changed', payload: { folderId: null } });
  return counts;
}
