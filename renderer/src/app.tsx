import { useEffect } from 'react';
import { subscribe } from './api/client';
import { AddConnectionDialog } from './features/add-connection/add-connection-dialog';
import { ConnectionActionDialogs } from './features/connections/connection-action-dialogs';
import { useFoldersStore } from './features/folders/folders-store';
import { useSettingsStore } from './features/settings/settings-store';
import { FolderPane } from './features/workspace/folder-pane';
import { Sidebar } from './features/workspace/sidebar';

export function App() {
  const loadFolders = useFoldersStore((s) => s.load);
  const loadSettings = useSettingsStore((s) => s.load);

  useEffect(() => {
    void loadFolders();
    void loadSettings();
    // Folder counts change with connections.
    return subscribe('connections:changed', () => void loadFolders());
  }, [loadFolders, loadSettings]);

  return (
    <div className="app">
      <Sidebar />
      <FolderPane />
      <AddConnectionDialog />
      <ConnectionActionDialogs />
    </div>
  );
}
