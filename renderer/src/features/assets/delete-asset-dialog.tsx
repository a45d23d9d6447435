import type { AssetSummaryDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { Button } from '../../components/button';
import { FormDialog } from '../../components/form-dialog';
import { Modal } from '../../components/modal';
import { useFoldersStore } from '../folders/folders-store';
import { useAssetsStore } from './assets-store';

interface Props {
  asset: AssetSummaryDto;
  onClose: () => void;
  returnFocus?: () => HTMLElement | null;
}

/**
 * Delete an asset after confirmation. An asset in use cannot be deleted, so then there is nothing to
 * confirm: the dialog lists the connections using it and says what to do first. (Main still refuses
 * with ASSET_IN_USE should a connection have started using it since the list loaded: the banner says so.)
 */
export function DeleteAssetDialog({ asset, onClose, returnFocus }: Props) {
  const remove = useAssetsStore((s) => s.remove);
  if (asset.usedBy.length > 0) return <AssetInUseDialog asset={asset} onClose={onClose} returnFocus={returnFocus} />;
  const confirm = async () => {
    await invoke('assets:delete', { assetId: asset.id });
    remove(asset.id);
  };
  return (
    <FormDialog title={`Delete ${asset.name}?`} submitLabel="Delete" destructive onSubmit={confirm} onClose={onClose} returnFocus={returnFocus}>
      <p>{asset.kind === 'stored' ? 'Its value is removed from this computer. This cannot be undone.' : 'ConnectDesk forgets the reference; the secret itself stays where it is.'}</p>
    </FormDialog>
  );
}

function AssetInUseDialog({ asset, onClose, returnFocus }: Props) {
  const folders = useFoldersStore((s) => s.folders);
  const count = asset.usedBy.length;
  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Can’t delete ${asset.name} yet`}
      size="sm"
      returnFocus={returnFocus}
      footer={
        <Button variant="primary" autoFocus onClick={onClose}>
          Close
        </Button>
      }
    >
      <div className="form-stack">
        <p>{count === 1 ? 'A connection takes its client secret from this asset:' : `${count} connections take their client secret from this asset:`}</p>
        <ul className="asset-users" aria-label={`Connections using ${asset.name}`}>
          {asset.usedBy.map((c) => (
            <li key={c.connectionId}>
              <span className="user-text">{c.name}</span>
              {/* A connection moved to another folder keeps its asset: say where it is. */}
              {c.folderId !== asset.folderId ? <span className="muted"> in {folders.find((f) => f.id === c.folderId)?.name ?? 'another folder'}</span> : null}
            </li>
          ))}
        </ul>
        <p className="field-hint">
          First point {count === 1 ? 'it' : 'each of them'} at another credential asset or a typed secret (Reconnect, then Secret options), then delete the asset.
        </p>
      </div>
    </Modal>
  );
}
