import type { RequestOf, ResponseOf } from '../../../preload/contract.js';
import { listFolders as listFolderSummaries } from '../../core/services/folder-listing.js';
import type { IpcContext } from '../ipc-context.js';

export function listFolders(ctx: IpcContext, _request: RequestOf<'folders:list'>): ResponseOf<'folders:list'> {
  return listFolderSummaries(ctx.services.store);
}

export function createFolder(ctx: IpcContext, request: RequestOf<'folders:create'>): ResponseOf<'folders:create'> {
  const folder = ctx.services.store.createFolder(request.name.trim(), request.parentId);
  return { ...folder, connectionCount: 0 };
}
