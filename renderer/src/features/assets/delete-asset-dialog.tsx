import type { AssetSummaryDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/form-dialog';
import { useAssetsStore } from './assets-store';

/** Delete an asset after confirmation. Main refuses (ASSET_IN_USE) while a connection uses it: the banner says so. */
export function DeleteAssetDialog({ asset, onClose }: { asset: AssetSummaryDto; onClose: () => void }) {
  const remove = useAssetsStore((s) => s.remove);
  const confirm = async () => {
    await invoke('assets:delete', { assetId: asset.id });
    remove(asset.id);
  };
  return (
    <FormDialog title={`Delete ${asset.name}?`} submitLabel="Delete" destructive onSubmit={confirm} onClose={onClose}>
      <p>
        {asset.usedBy.length > 0
          ? `Used by ${asset.usedBy.map((c) => c.name).join(', ')}. An asset in use cannot be deleted: give those connections another secret first.`
          : asset.kind === 'stored'
            ? 'Its value is removed from this computer. This cannot be undone.'
            : 'ConnectDesk forgets the reference; the secret itself stays where it is.'}
      </p>
    </FormDialog>
  );
}
