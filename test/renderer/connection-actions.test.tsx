// @vitest-environment happy-dom
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatRelative } from '../../renderer/src/features/connections/relative-time';
import { defaultScopes, makeConnection } from './fixtures';
import { renderApp } from './render-app';

const folders = [
  { id: 'shared', name: 'Shared', parentId: null, createdAt: '2025-01-01T00:00:00Z', connectionCount: 0 },
  { id: 'eng', name: 'Engineering', parentId: null, createdAt: '2025-01-01T00:00:00Z', connectionCount: 0 },
];

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const rowOf = (name: string) => {
  const row = bodyRows().find((r) => within(r).queryByText(name));
  if (!row) throw new Error(`no row ${name}`);
  return row;
};

async function rowAction(user: UserEvent, name: string, action: string) {
  await user.click(await screen.findByRole('button', { name: `More actions for ${name}` }));
  await user.click(await screen.findByRole('menuitem', { name: action }));
}

describe('connection row actions', () => {
  it('offers every action in the More actions menu, and walks it with the keyboard', async () => {
    const { user } = renderApp({ connections: [makeConnection(0, 'shared')] });
    const trigger = await screen.findByRole('button', { name: 'More actions for Confluence 00000' });
    trigger.focus();
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Check connection',
      'Diagnostics',
      'Export support bundle…',
      'Reconnect',
      'Edit',
      'Make default',
      'Move',
      'Delete',
    ]);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(within(menu).getByRole('menuitem', { name: 'Edit' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Edit “Confluence 00000”' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(trigger).toHaveFocus());
  });

  it('edits the name and description', async () => {
    const { fake, user } = renderApp({ connections: [makeConnection(0, 'shared')] });
    await rowAction(user, 'Confluence 00000', 'Edit');
    const dialog = await screen.findByRole('dialog', { name: 'Edit “Confluence 00000”' });
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'Team wiki');
    await user.type(within(dialog).getByLabelText('Description'), 'Publishes release notes');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('connections:update')).toEqual([{ connectionId: 'conn-shared-0', name: 'Team wiki', description: 'Publishes release notes' }]);
    expect(within(rowOf('Team wiki')).getByText('Publishes release notes')).toBeInTheDocument();
  });

  it('makes a connection the default and shows the badge; the menu then hides Make default', async () => {
    const { fake, user } = renderApp({ connections: [makeConnection(0, 'shared', { isDefault: true }), makeConnection(1, 'shared')] });
    expect(within(await screen.findByRole('table')).getAllByText('Default')).toHaveLength(1);
    await rowAction(user, 'Confluence 00001', 'Make default');
    await waitFor(() => expect(within(rowOf('Confluence 00001')).getByText('Default')).toBeInTheDocument());
    expect(within(rowOf('Confluence 00000')).queryByText('Default')).not.toBeInTheDocument();
    expect(fake.callsTo('connections:make-default')).toEqual([{ connectionId: 'conn-shared-1' }]);
    expect(screen.getByText('Confluence 00001 is now the default Confluence Cloud connection in this folder.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'More actions for Confluence 00001' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryByRole('menuitem', { name: 'Make default' })).not.toBeInTheDocument();
  });

  it('moves a connection to another folder', async () => {
    const { fake, user } = renderApp({ folders, connections: [makeConnection(0, 'shared'), makeConnection(1, 'shared')] });
    await rowAction(user, 'Confluence 00000', 'Move');
    const dialog = await screen.findByRole('dialog', { name: 'Move “Confluence 00000”' });
    await user.selectOptions(within(dialog).getByLabelText('Folder'), 'eng');
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('connections:move')).toEqual([{ connectionId: 'conn-shared-0', folderId: 'eng' }]);
    expect(bodyRows()).toHaveLength(1);
  });

  it('deletes a connection only after confirmation', async () => {
    const { fake, user } = renderApp({ connections: [makeConnection(0, 'shared'), makeConnection(1, 'shared')] });
    await rowAction(user, 'Confluence 00000', 'Delete');
    let dialog = await screen.findByRole('dialog', { name: 'Delete Confluence 00000?' });
    expect(dialog).toHaveTextContent('Its tokens and client secret are removed from this computer. Automations using it stop working.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('connections:delete')).toHaveLength(0);

    await rowAction(user, 'Confluence 00000', 'Delete');
    dialog = await screen.findByRole('dialog', { name: 'Delete Confluence 00000?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('connections:delete')).toEqual([{ connectionId: 'conn-shared-0' }]);
    expect(bodyRows()).toHaveLength(1);
  });

  it('Check all checks the folder and says how many are healthy', async () => {
    const connections = Array.from({ length: 7 }, (_, i) => makeConnection(i, 'shared'));
    const { fake, user } = renderApp({ connections });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Check all' }));
    // connected ×2 and checking → healthy; expiring soon, needs reconnect, offline, error → attention.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('3 healthy, 4 need attention'));
    expect(fake.callsTo('connections:check-folder')).toEqual([{ folderId: 'shared' }]);
    expect(within(rowOf('Confluence 00006')).getAllByRole('cell')[2]).toHaveTextContent('Connected');
  });

  it('filters by account', async () => {
    const connections = [
      makeConnection(0, 'shared'),
      makeConnection(1, 'shared', { account: { accountId: 'acc-2', displayName: 'Rui Ops' } }),
      makeConnection(2, 'shared', { account: null }),
    ];
    const { user } = renderApp({ connections });
    await screen.findByRole('table');
    await user.type(screen.getByRole('textbox', { name: 'Filter connections' }), 'rui');
    expect(bodyRows()).toHaveLength(1);
    expect(within(bodyRows()[0]!).getAllByRole('cell')[4]).toHaveTextContent('Rui Ops');
  });

  it('shows the last activity as relative time with the full date in the title, and the scopes list', async () => {
    const fiveMinAgo = new Date(Date.now() - 5 * 60_000 - 1000).toISOString();
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    renderApp({
      connections: [
        makeConnection(0, 'shared', { lastUsedAt: fiveMinAgo, lastCheckedAt: hourAgo }),
        makeConnection(1, 'shared', { lastCheckedAt: hourAgo, grantedScopes: ['read:confluence-space.summary'] }),
      ],
    });
    await screen.findByRole('table');
    const used = within(rowOf('Confluence 00000')).getAllByRole('cell')[6]!;
    expect(used).toHaveTextContent('5 min ago');
    expect(used).toHaveTextContent('Used');
    expect(used.querySelector('time')).toHaveAttribute('dateTime', fiveMinAgo);
    expect(used.querySelector('time')?.getAttribute('title')).toMatch(/^Used .*\d/);
    const checked = within(rowOf('Confluence 00001')).getAllByRole('cell');
    expect(checked[6]).toHaveTextContent('1 h ago');
    expect(checked[6]).toHaveTextContent('Checked');
    expect(checked[5]).toHaveTextContent(`1/${defaultScopes.length} scope`);
    expect(checked[5]?.querySelector('[title]')?.getAttribute('title')).toContain('read:confluence-space.summary');
    expect(checked[5]).toHaveTextContent('missing');
  });

  it('formats relative times', () => {
    const now = Date.parse('2025-06-10T12:00:00Z');
    const at = (ms: number) => new Date(now - ms).toISOString();
    expect(formatRelative(at(10_000), now)).toBe('just now');
    expect(formatRelative(at(5 * 60_000), now)).toBe('5 min ago');
    expect(formatRelative(at(3 * 3_600_000), now)).toBe('3 h ago');
    expect(formatRelative(at(30 * 3_600_000), now)).toBe('yesterday');
    expect(formatRelative(at(4 * 86_400_000), now)).toBe('4 days ago');
    expect(formatRelative(at(40 * 86_400_000), now)).toMatch(/2025/);
    expect(formatRelative('not a date', now)).toBe('—');
  });
});
