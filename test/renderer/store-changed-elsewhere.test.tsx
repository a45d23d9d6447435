// @vitest-environment happy-dom
import './setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakeBridge } from './fake-bridge';
import { makeConnection } from './fixtures';
import { renderApp } from './render-app';

const folders = [
  { id: 'shared', name: 'Shared', parentId: null, createdAt: '2025-01-01T00:00:00Z', connectionCount: 0 },
  { id: 'archive', name: 'Archive', parentId: null, createdAt: '2025-01-02T00:00:00Z', connectionCount: 0 },
];

const sidebarCount = (folderId: string) => document.querySelector(`[data-folder-id="${folderId}"] .folder-item-count`)?.textContent ?? '';

/** What main sends when another process (the connectdesk CLI) changed the store file. */
async function changedElsewhere(fake: FakeBridge) {
  await act(async () => {
    fake.emit('connections:changed', { folderId: null });
    await new Promise((r) => setTimeout(r, 10));
  });
}

describe('a store changed by another process (connections:changed, folderId null)', () => {
  it("reloads the sidebar's counts and the open folder's connections", async () => {
    const { fake } = renderApp({ folders, connections: [makeConnection(1, 'shared')] });
    const table = await screen.findByRole('table', { name: 'Connections in Shared' });
    expect(sidebarCount('shared')).toBe('1');
    fake.connections.push(makeConnection(2, 'shared', { name: 'Added by the CLI' }), makeConnection(3, 'archive'));
    await changedElsewhere(fake);
    await waitFor(() => expect(within(table).getByText('Added by the CLI')).toBeInTheDocument());
    expect(sidebarCount('shared')).toBe('2');
    expect(sidebarCount('archive')).toBe('1');
  });

  it("reloads the open folder's credential assets; a change to one folder's connections does not", async () => {
    const { fake, user } = renderApp({ folders });
    await user.click(await screen.findByRole('tab', { name: 'Credential assets' }));
    await screen.findByRole('button', { name: 'New credential asset' });
    const assetLists = () => fake.calls.filter((c) => c.channel === 'assets:list').length;
    const before = assetLists();
    await act(async () => {
      fake.emit('connections:changed', { folderId: 'shared' });
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(assetLists()).toBe(before);

    fake.assets.create({ folderId: 'shared', name: 'Ops secret', description: '', source: { kind: 'env', variable: 'OPS_SECRET' } });
    await changedElsewhere(fake);
    expect(await screen.findByText('Ops secret')).toBeInTheDocument();
  });
});
