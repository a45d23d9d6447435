import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/app';
import { useAddConnectionStore } from '../../renderer/src/features/add-connection/add-connection-store';
import { useConnectionsStore } from '../../renderer/src/features/connections/connections-store';
import { useFoldersStore } from '../../renderer/src/features/folders/folders-store';
import { useSettingsStore } from '../../renderer/src/features/settings/settings-store';
import { FakeBridge, type FakeBridgeOptions } from './fake-bridge';

const initial = {
  folders: useFoldersStore.getInitialState(),
  connections: useConnectionsStore.getInitialState(),
  add: useAddConnectionStore.getInitialState(),
  settings: useSettingsStore.getInitialState(),
};

/** Fresh stores, a fake main behind window.connectdesk, and the whole app rendered. */
export function renderApp(options: FakeBridgeOptions = {}) {
  useFoldersStore.setState(initial.folders, true);
  useConnectionsStore.setState(initial.connections, true);
  useAddConnectionStore.setState(initial.add, true);
  useSettingsStore.setState(initial.settings, true);
  const fake = new FakeBridge(options);
  window.connectdesk = fake;
  const user = userEvent.setup();
  const view = render(<App />);
  return { fake, user, ...view };
}
