import { useState } from 'react';
import { Button } from '../../components/button';
import { GearIcon, PlusIcon } from '../../components/icons';
import { FolderActionDialogs } from '../folders/folder-action-dialogs';
import { FolderTree } from '../folders/folder-tree';
import { useFoldersStore } from '../folders/folders-store';
import { NewFolderDialog } from '../folders/new-folder-dialog';
import { EnvironmentBadge } from '../settings/environment-badge';
import { SettingsDialog } from '../settings/settings-dialog';

/** The left column: app name, folders, New folder, environment and Settings. */
export function Sidebar() {
  const [newFolderOpen, setNewFolderOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const selectedId = useFoldersStore((s) => s.selectedId);
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <span className="brand-mark" aria-hidden="true">
          C
        </span>
        <span className="brand-name">ConnectDesk</span>
      </div>
      <nav className="sidebar-nav" aria-labelledby="folders-heading">
        <div className="sidebar-section-head">
          <h2 id="folders-heading" className="sidebar-heading">
            Folders
          </h2>
          <Button variant="ghost" size="sm" iconOnly aria-label="New folder" title="New folder" onClick={() => setNewFolderOpen(true)}>
            <PlusIcon />
          </Button>
        </div>
        <FolderTree />
      </nav>
      <div className="sidebar-footer">
        <EnvironmentBadge />
        <Button variant="ghost" size="sm" onClick={() => setSettingsOpen(true)}>
          <GearIcon /> Settings
        </Button>
      </div>
      {/* Nests under the selected folder, except Shared: it holds shared connections, not a folder hierarchy. */}
      <NewFolderDialog open={newFolderOpen} onOpenChange={setNewFolderOpen} defaultParentId={selectedId === 'shared' ? null : selectedId} />
      <SettingsDialog open={settingsOpen} onOpenChange={setSettingsOpen} />
      <FolderActionDialogs />
    </aside>
  );
}
