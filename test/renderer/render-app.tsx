import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/app';
import { useAddConnectionStore } from '../../renderer/src/features/add-connection/add-connection-store';
import { useAssetsStore } from '../../renderer/src/features/assets/assets-store';
import { useConnectionActionsStore } from '../../renderer/src/features/connections/connection-actions-store';
import { useConnectionsStore } from '../../renderer/src/features/connections/connections-store';
import { useDiagnosticsStore } from '../../renderer/src/features/diagnostics/diagnostics-store';
import { useFolderActionsStore } from '../../renderer/src/features/folders/folder-actions-store';
import { useFoldersStore } from '../../renderer/src/features/folders/folders-store';
import { useSecurityStore } from '../../renderer/src/features/security/security-store';
import { useSettingsStore } from '../../renderer/src/features/settings/settings-store';
import { FakeBridge, type FakeBridgeOptions } from './fake-bridge';

const initial = {
  folders: useFoldersStore.getInitialState(),
  connections: useConnectionsStore.getInitialState(),
  add: useAddConnectionStore.getInitialState(),
  settings: useSettingsStore.getInitialState(),
  connectionActions: useConnectionActionsStore.getInitialState(),
  folderActions: useFolderActionsStore.getInitialState(),
  assets: useAssetsStore.getInitialState(),
  security: useSecurityStore.getInitialState(),
  diagnostics: useDiagnosticsStore.getInitialState(),
};

/** Fresh stores, a fake main behind window.connectdesk, and the whole app rendered. */
export function renderApp(options: FakeBridgeOptions = {}) {
  useFoldersStore.setState(initial.folders, true);
  useConnectionsStore.setState(initial.connections, true);
  useAddConnectionStore.setState(initial.add, true);
  useSettingsStore.setState(initial.settings, true);
  useConnectionActionsStore.setState(initial.connectionActions, true);
  useFolderActionsStore.setState(initial.folderActions, true);
  useAssetsStore.setState(initial.assets, true);
  useSecurityStore.setState(initial.security, true);
  useDiagnosticsStore.setState(initial.diagnostics, true);
  const fake = new FakeBridge(options);
  window.connectdesk = fake;
  const user = userEvent.setup();
  const view = render(<App />);
  return { fake, user, ...view };
}
