// @vitest-environment happy-dom
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSupportBundleStore } from '../../renderer/src/features/diagnostics/support-bundle-store';
import { captureDownloads } from './captured-downloads';
import { makeConnection } from './fixtures';
import { InvokeError } from './fake-invoke-error';
import { renderApp } from './render-app';

const folders = [
  { id: 'shared', name: 'Shared', parentId: null, createdAt: '2025-01-01T00:00:00Z', connectionCount: 0 },
  { id: 'eng', name: 'Engineering', parentId: null, createdAt: '2025-01-01T00:00:00Z', connectionCount: 0 },
];

const downloads = captureDownloads();
beforeEach(() => {
  useSupportBundleStore.setState(useSupportBundleStore.getInitialState(), true);
});

async function openFromRow(user: UserEvent, name: string) {
  await user.click(await screen.findByRole('button', { name: `More actions for ${name}` }));
  await user.click(await screen.findByRole('menuitem', { name: 'Export support bundle…' }));
  return screen.findByRole('dialog', { name: 'Export support bundle' });
}

describe('export support bundle', () => {
  it('from a connection: offers this connection, its folder or everything, exports busily, saves the JSON and says what is in it', async () => {
    const { fake, user } = renderApp({ folders, connections: [makeConnection(0, 'shared')] });
    const d = await openFromRow(user, 'Confluence 00000');
    expect(within(d).getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual([
      'This connectionConfluence 00000',
      'This folderShared, with its subfolders',
      'EverythingAll folders and connections.',
    ]);
    expect(within(d).getByRole('radio', { name: /This connection/ })).toBeChecked();
    expect(within(d).getByText(/Secrets are never in it/)).toBeInTheDocument();

    fake.diagnostics.bundleDelayMs = 50;
    await user.click(within(d).getByRole('button', { name: 'Export' }));
    expect(within(d).getByRole('button', { name: 'Checking and exporting…' })).toHaveAttribute('aria-busy', 'true');
    const saved = await within(d).findByRole('status');
    expect(saved).toHaveTextContent('Saved connectdesk-support-conn-shared-0-2026-12-03.json — 1 connection, 4 events, 6 HTTP traces, 120 log lines.');
    expect(fake.callsTo('diagnostics:export-bundle')).toEqual([{ scope: { kind: 'connection', connectionId: 'conn-shared-0' } }]);
    expect(downloads.map((x) => x.fileName)).toEqual(['connectdesk-support-conn-shared-0-2026-12-03.json']);
    expect(downloads[0]!.blob.type).toBe('application/json');
    expect(JSON.parse(await downloads[0]!.blob.text())).toMatchObject({ format: 'connectdesk-support-bundle' });

    expect(within(d).getByRole('button', { name: 'Done' })).toHaveFocus();
    await user.click(within(d).getByRole('button', { name: 'Save again' }));
    expect(downloads).toHaveLength(2);
    await user.click(within(d).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Export support bundle' })).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'More actions for Confluence 00000' })).toHaveFocus());
  });

  it('exports the connection\'s folder when chosen', async () => {
    const { fake, user } = renderApp({ folders, connections: [makeConnection(0, 'shared')] });
    const d = await openFromRow(user, 'Confluence 00000');
    await user.click(within(d).getByRole('radio', { name: /This folder/ }));
    await user.click(within(d).getByRole('button', { name: 'Export' }));
    expect(await within(d).findByRole('status')).toHaveTextContent('3 connections, 12 events, 18 HTTP traces, 120 log lines');
    expect(fake.callsTo('diagnostics:export-bundle')).toEqual([{ scope: { kind: 'folder', folderId: 'shared' } }]);
    expect(downloads.map((x) => x.fileName)).toEqual(['connectdesk-support-shared-2026-12-03.json']);
  });

  it('shows a refused bundle plainly — not saved, where the secret was and what to do — and saves nothing until a retry succeeds', async () => {
    const { fake, user } = renderApp({ folders, connections: [makeConnection(0, 'shared')] });
    const d = await openFromRow(user, 'Confluence 00000');
    fake.diagnostics.failNextBundle = new InvokeError({
      code: 'SUPPORT_BUNDLE_LEAK',
      message: 'The support bundle was not written: a last check found a secret in it.',
      remediation: 'Nothing was saved or sent. Please report this to the ConnectDesk developers with the detail below.',
      detail: 'Found a refresh_token value at $.connections[0].diagnostics.traces[2].responseBody (character 17).',
    });
    await user.click(within(d).getByRole('button', { name: 'Export' }));
    const alert = await within(d).findByRole('alert');
    expect(alert).toHaveTextContent('The support bundle was not saved: it would have contained a secret');
    expect(alert).toHaveTextContent('Please report this to the ConnectDesk developers');
    expect(alert).toHaveTextContent('Where: Found a refresh_token value at $.connections[0].diagnostics.traces[2].responseBody (character 17).');
    expect(alert).toHaveTextContent('SUPPORT_BUNDLE_LEAK');
    expect(downloads).toEqual([]);
    expect(within(d).getByRole('button', { name: 'Export' })).not.toHaveAttribute('aria-busy', 'true');

    await user.click(within(d).getByRole('button', { name: 'Export' }));
    expect(await within(d).findByRole('status')).toHaveTextContent(/^Saved connectdesk-support-/);
    expect(within(d).queryByRole('alert')).not.toBeInTheDocument();
    expect(downloads).toHaveLength(1);
  });

  it('from Settings → Support: everything by default, or the selected folder', async () => {
    const { fake, user } = renderApp({ folders, connections: [makeConnection(0, 'shared')] });
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const settings = await screen.findByRole('dialog', { name: 'Settings' });
    expect(within(settings).getByRole('heading', { name: 'Support' })).toBeInTheDocument();
    await user.click(within(settings).getByRole('button', { name: 'Export support bundle…' }));
    const d = await screen.findByRole('dialog', { name: 'Export support bundle' });
    expect(within(d).queryByRole('radio', { name: /This connection/ })).not.toBeInTheDocument();
    expect(within(d).getByRole('radio', { name: /Everything/ })).toBeChecked();
    expect(within(d).getByRole('radio', { name: /The selected folder/ })).toBeInTheDocument();
    await user.click(within(d).getByRole('button', { name: 'Export' }));
    await within(d).findByRole('status');
    expect(fake.callsTo('diagnostics:export-bundle')).toEqual([{ scope: { kind: 'all' } }]);
    expect(downloads.map((x) => x.fileName)).toEqual(['connectdesk-support-all-2026-12-03.json']);
  });
});
