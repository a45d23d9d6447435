import { useEffect, useState } from 'react';
import type { AssetSummaryDto, FolderDto } from '../../../../preload/contract';
import { subscribe } from '../../api/client';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { PlusIcon } from '../../components/icons';
import { MenuItem, MoreMenu } from '../../components/more-menu';
import { Spinner } from '../../components/spinner';
import { formatFull, formatRelative } from '../connections/relative-time';
import { AssetDialog } from './asset-dialog';
import { describeKind, useAssetsStore } from './assets-store';
import { DeleteAssetDialog } from './delete-asset-dialog';

const NO_ASSETS: AssetSummaryDto[] = [];

type Open = { kind: 'new' } | { kind: 'edit'; asset: AssetSummaryDto } | { kind: 'delete'; asset: AssetSummaryDto } | null;

/** "New credential asset": the empty state's, or the toolbar's once the folder has assets. */
const newAssetButton = () => document.querySelector<HTMLElement>('[data-new-asset]');
const assetMenuButton = (assetId: string) => [...document.querySelectorAll<HTMLElement>('[data-asset-menu]')].find((b) => b.dataset.assetMenu === assetId) ?? null;
/**
 * Where focus goes when a dialog closes and its opener is gone (the empty state's button after the
 * first asset, a menu item): the asset's row menu, or New credential asset when the row is gone.
 */
const focusAfter = (assetId?: string) => () => (assetId ? assetMenuButton(assetId) : null) ?? newAssetButton();

/** The Credential assets tab: the folder's assets, New, and per-row Edit and Delete. */
export function AssetsTab({ folder }: { folder: FolderDto }) {
  const items = useAssetsStore((s) => (s.folderId === folder.id ? s.items : NO_ASSETS));
  const status = useAssetsStore((s) => (s.folderId === folder.id ? s.status : 'loading'));
  const error = useAssetsStore((s) => s.error);
  const load = useAssetsStore((s) => s.load);
  const [open, setOpen] = useState<Open>(null);

  useEffect(() => {
    void load(folder.id);
  }, [folder.id, load]);

  // folderId null: the store changed as a whole (a backup import, another process such as the
  // connectdesk CLI), which may have changed assets too. Changes to one folder's connections do not.
  useEffect(
    () =>
      subscribe('connections:changed', ({ folderId }) => {
        if (folderId === null) void load(folder.id);
      }),
    [folder.id, load],
  );

  const close = () => setOpen(null);
  const newButton = (
    <Button variant="primary" data-new-asset="" onClick={() => setOpen({ kind: 'new' })}>
      <PlusIcon /> New credential asset
    </Button>
  );
  const dialogs = (
    <>
      {open?.kind === 'new' ? <AssetDialog folderId={folder.id} onClose={close} returnFocus={focusAfter()} /> : null}
      {open?.kind === 'edit' ? <AssetDialog folderId={folder.id} asset={open.asset} onClose={close} returnFocus={focusAfter(open.asset.id)} /> : null}
      {open?.kind === 'delete' ? <DeleteAssetDialog asset={open.asset} onClose={close} returnFocus={focusAfter(open.asset.id)} /> : null}
    </>
  );

  if (status === 'error' && error) {
    return <ErrorBanner error={error} action={<Button onClick={() => void load(folder.id)}>Try again</Button>} />;
  }
  if (status !== 'ready' && items.length === 0) {
    return (
      <p className="pane-note">
        <Spinner /> Loading credential assets…
      </p>
    );
  }
  if (items.length === 0) {
    return (
      <>
        <EmptyState title="No credential assets in this folder yet" action={newButton}>
          Keep a secret once and use it in connections; change it here and connections use the new value next time. An asset can hold the value itself, or
          point to your OS keychain or an environment variable.
        </EmptyState>
        {dialogs}
      </>
    );
  }

  const now = Date.now();
  return (
    <div className="assets">
      <div className="toolbar">
        <span className="toolbar-count">
          {items.length} {items.length === 1 ? 'credential asset' : 'credential assets'}
        </span>
        <div className="toolbar-spacer" />
        {newButton}
      </div>
      <table className="asset-table" aria-label={`Credential assets in ${folder.name}`}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Used by</th>
            <th scope="col">Updated</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((asset) => (
            <tr key={asset.id}>
              <th scope="row">
                <span className="asset-name">{asset.name}</span>
                {asset.description ? <span className="asset-description">{asset.description}</span> : null}
              </th>
              <td>{describeKind(asset)}</td>
              <td>{asset.usedBy.length > 0 ? asset.usedBy.map((c) => c.name).join(', ') : <span className="muted">Not used</span>}</td>
              <td>
                <time dateTime={asset.updatedAt} title={formatFull(asset.updatedAt)}>
                  {formatRelative(asset.updatedAt, now)}
                </time>
              </td>
              <td className="asset-actions">
                <MoreMenu label={`More actions for asset ${asset.name}`} heading={asset.name} align="end" trigger={{ 'data-asset-menu': asset.id }}>
                  <MenuItem onSelect={() => setOpen({ kind: 'edit', asset })}>Edit</MenuItem>
                  <MenuItem danger onSelect={() => setOpen({ kind: 'delete', asset })}>
                    Delete
                  </MenuItem>
                </MoreMenu>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {dialogs}
    </div>
  );
}
