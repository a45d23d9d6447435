import { Tabs } from 'radix-ui';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { AssetsTab } from '../assets/assets-tab';
import { ConnectionsTab } from '../connections/connections-tab';
import { selectCurrentFolder, useFoldersStore } from '../folders/folders-store';

/** The main pane: the selected folder's title and its tabs. */
export function FolderPane() {
  const folder = useFoldersStore(selectCurrentFolder);
  const status = useFoldersStore((s) => s.status);
  const error = useFoldersStore((s) => s.error);
  const load = useFoldersStore((s) => s.load);

  if (status === 'error' && error) {
    return (
      <main className="pane">
        <ErrorBanner error={error} action={<Button onClick={() => void load()}>Try again</Button>} />
      </main>
    );
  }
  if (!folder) {
    return (
      <main className="pane">
        <EmptyState title={status === 'ready' ? 'No folder selected' : 'Loading…'} />
      </main>
    );
  }

  return (
    <main className="pane" aria-labelledby="pane-title">
      <header className="pane-header">
        <p className="pane-eyebrow">Folder</p>
        <h1 id="pane-title" className="pane-title">
          {folder.name}
        </h1>
      </header>
      <Tabs.Root className="tabs" defaultValue="connections">
        <Tabs.List className="tabs-list" aria-label={`${folder.name} sections`}>
          <Tabs.Trigger className="tabs-trigger" value="connections">
            Connections
          </Tabs.Trigger>
          <Tabs.Trigger className="tabs-trigger" value="assets">
            Credential assets
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content className="tabs-content" value="connections">
          <ConnectionsTab folder={folder} />
        </Tabs.Content>
        <Tabs.Content className="tabs-content" value="assets">
          <AssetsTab folder={folder} />
        </Tabs.Content>
      </Tabs.Root>
    </main>
  );
}
