import type { AssetSummaryDto, RequestOf, ResponseOf } from '../../preload/contract';
import { InvokeError, notFound } from './fake-invoke-error';

/** In-memory credential assets for the fake bridge: the same shapes main answers with, never a value. */
export class FakeAssets {
  readonly items: AssetSummaryDto[] = [];
  /** Asset ids main treats as used by a connection: assets:delete refuses them with ASSET_IN_USE. */
  readonly inUse = new Set<string>();
  private counter = 0;

  list(request: RequestOf<'assets:list'>): ResponseOf<'assets:list'> {
    return this.items.filter((a) => a.folderId === request.folderId);
  }

  create(request: RequestOf<'assets:create'>): ResponseOf<'assets:create'> {
    const now = new Date().toISOString();
    const asset: AssetSummaryDto = {
      id: `asset-${++this.counter}`,
      folderId: request.folderId,
      name: request.name,
      description: request.description ?? '',
      kind: request.source.kind,
      reference: referenceOf(request.source),
      createdAt: now,
      updatedAt: now,
      usedBy: [],
    };
    this.items.push(asset);
    return asset;
  }

  update(request: RequestOf<'assets:update'>): ResponseOf<'assets:update'> {
    const asset = this.items.find((a) => a.id === request.assetId);
    if (!asset) throw notFound('asset');
    if (request.name !== undefined) asset.name = request.name;
    if (request.description !== undefined) asset.description = request.description;
    if (request.source) Object.assign(asset, { kind: request.source.kind, reference: referenceOf(request.source) });
    asset.updatedAt = new Date().toISOString();
    return asset;
  }

  delete(request: RequestOf<'assets:delete'>): ResponseOf<'assets:delete'> {
    const index = this.items.findIndex((a) => a.id === request.assetId);
    if (index === -1) throw notFound('asset');
    if (this.inUse.has(request.assetId)) {
      const names = this.items[index]?.usedBy.map((c) => c.name).join(', ') || 'a connection';
      throw new InvokeError({
        code: 'ASSET_IN_USE',
        message: `This credential asset is used by ${names}.`,
        remediation: 'Give those connections another client secret, then delete the asset.',
      });
    }
    this.items.splice(index, 1);
    return { ok: true };
  }
}

function referenceOf(source: RequestOf<'assets:create'>['source']): AssetSummaryDto['reference'] {
  if (source.kind === 'keychain') return { service: source.service, account: source.account };
  if (source.kind === 'env') return { variable: source.variable };
  return null;
}
