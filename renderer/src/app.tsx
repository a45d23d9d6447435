import { useEffect } from 'react';
import { subscribe } from './api/client';
import { AddConnectionDialog } from './features/add-connection/add-connection-dialog';
import { ConnectionActionDialogs } from './features/connections/connection-action-dialogs';
import { useFoldersStore } from './features/folders/folders-store';
import { useSecurityStore } from './features/security/security-store';
import { UnlockScreen } from './features/security/unlock-screen';
import { useSettingsStore } from './features/settings/settings-store';
import { FolderPane } from './features/workspace/folder-pane';
import { Sidebar } from './features/workspace/sidebar';

/**
 * The secret store first: while it is locked, the unlock screen stands in for the workspace (main
 * answers nothing else then). A status that cannot be read shows the workspace and its errors.
 */
export function App() {
  const status = useSecurityStore((s) => s.status);
  const error = useSecurityStore((s) => s.error);
  const loadSecurity = useSecurityStore((s) => s.load);

  useEffect(() => {
    void loadSecurity();
  }, [loadSecurity]);

  if (status?.locked) return <UnlockScreen status={status} />;
  if (!status && !error) return <div className="app-starting" aria-busy="true" />;
  return <Workspace />;
}

function Workspace() {
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
