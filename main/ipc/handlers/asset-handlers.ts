import type { RequestOf, ResponseOf } from '../../../preload/contract.js';
import { AssetService } from '../../core/assets/asset-service.js';
import type { IpcContext } from '../ipc-context.js';

function assets(ctx: IpcContext): AssetService {
  return new AssetService({ store: ctx.services.store, vault: ctx.services.vault, ...(ctx.services.now ? { now: ctx.services.now } : {}) });
}

export function listAssets(ctx: IpcContext, request: RequestOf<'assets:list'>): ResponseOf<'assets:list'> {
  return assets(ctx).list(request.folderId);
}

export function createAsset(ctx: IpcContext, request: RequestOf<'assets:create'>): Promise<ResponseOf<'assets:create'>> {
  return assets(ctx).create(request);
}

export function updateAsset(ctx: IpcContext, request: RequestOf<'assets:update'>): Promise<ResponseOf<'assets:update'>> {
  const { assetId, ...change } = request;
  return assets(ctx).update(assetId, change);
}

export async function deleteAsset(ctx: IpcContext, request: RequestOf<'assets:delete'>): Promise<ResponseOf<'assets:delete'>> {
  await assets(ctx).delete(request.assetId);
  return { ok: true };
}
