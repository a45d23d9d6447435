// @vitest-environment happy-dom
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { acceptPermissions, dialog, openSettings } from './add-connection-helpers';
import type { FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

async function openAssetsTab(user: UserEvent) {
  await user.click(await screen.findByRole('tab', { name: 'Credential assets' }));
}

function seed(fake: FakeBridge, name: string, usedBy: string[] = []) {
  const asset = fake.assets.create({ folderId: 'shared', name, description: 'Team secret', source: { kind: 'stored', value: 'v' } });
  asset.usedBy = usedBy.map((n, i) => ({ connectionId: `c${i}`, name: n, folderId: 'shared' }));
  return asset;
}

async function assetAction(user: UserEvent, name: string, action: string) {
  await user.click(await screen.findByRole('button', { name: `More actions for asset ${name}` }));
  await user.click(await screen.findByRole('menuitem', { name: action }));
}

describe('credential assets', () => {
  it('explains assets when the folder has none, and creates each kind', async () => {
    const { fake, user } = renderApp();
    await openAssetsTab(user);
    expect(await screen.findByText(/Keep a secret once and use it in connections; change it here and connections use the new value next time/)).toBeInTheDocument();

    // Stored: a password input with show/hide.
    await user.click(screen.getByRole('button', { name: 'New credential asset' }));
    let d = await screen.findByRole('dialog', { name: 'New credential asset' });
    await user.click(within(d).getByRole('button', { name: 'Create' }));
    expect(within(d).getByText('Enter a name')).toBeInTheDocument();
    expect(within(d).getByText('Enter the secret value')).toBeInTheDocument();
    await user.type(within(d).getByLabelText('Name'), 'Jira secret');
    await user.type(within(d).getByLabelText('Description'), 'OAuth app of the ops team');
    const value = within(d).getByLabelText('Secret value');
    expect(value).toHaveAttribute('type', 'password');
    await user.type(value, 'top-secret');
    await user.click(within(d).getByRole('button', { name: 'Show secret' }));
    expect(value).toHaveAttribute('type', 'text');
    await user.click(within(d).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // Keychain.
    await user.click(screen.getByRole('button', { name: 'New credential asset' }));
    d = await screen.findByRole('dialog', { name: 'New credential asset' });
    await user.type(within(d).getByLabelText('Name'), 'Keychain secret');
    await user.click(within(d).getByRole('radio', { name: 'OS keychain' }));
    expect(within(d).queryByLabelText('Secret value')).not.toBeInTheDocument();
    await user.type(within(d).getByLabelText('Service'), 'connectdesk');
    await user.type(within(d).getByLabelText('Account'), 'ops');
    await user.click(within(d).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // Environment variable: checks the name before sending.
    await user.click(screen.getByRole('button', { name: 'New credential asset' }));
    d = await screen.findByRole('dialog', { name: 'New credential asset' });
    await user.type(within(d).getByLabelText('Name'), 'Env secret');
    await user.click(within(d).getByRole('radio', { name: 'Environment variable' }));
    await user.type(within(d).getByLabelText('Variable name'), 'BAD-NAME');
    await user.click(within(d).getByRole('button', { name: 'Create' }));
    expect(within(d).getByText('Use letters, digits and _ only')).toBeInTheDocument();
    await user.clear(within(d).getByLabelText('Variable name'));
    await user.type(within(d).getByLabelText('Variable name'), 'JIRA_SECRET');
    await user.click(within(d).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    expect(fake.callsTo('assets:create')).toEqual([
      { folderId: 'shared', name: 'Jira secret', description: 'OAuth app of the ops team', source: { kind: 'stored', value: 'top-secret' } },
      { folderId: 'shared', name: 'Keychain secret', source: { kind: 'keychain', service: 'connectdesk', account: 'ops' } },
      { folderId: 'shared', name: 'Env secret', source: { kind: 'env', variable: 'JIRA_SECRET' } },
    ]);
    const table = screen.getByRole('table', { name: 'Credential assets in Shared' });
    expect(within(table).getByText('Jira secret')).toBeInTheDocument();
    expect(within(table).getByText('OAuth app of the ops team')).toBeInTheDocument();
    expect(within(table).getByText('Stored in ConnectDesk')).toBeInTheDocument();
    expect(within(table).getByText('OS keychain: connectdesk / ops')).toBeInTheDocument();
    expect(within(table).getByText('Environment variable JIRA_SECRET')).toBeInTheDocument();
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Kind', 'Used by', 'Updated', 'Actions']);
  });

  it('edits the name and description, and replaces the value only when asked', async () => {
    const { fake, user } = renderApp();
    const asset = seed(fake, 'Jira secret', ['Team wiki']);
    await openAssetsTab(user);
    expect(await screen.findByText('Team wiki')).toBeInTheDocument();

    await assetAction(user, 'Jira secret', 'Edit');
    let d = await screen.findByRole('dialog', { name: 'Edit Jira secret' });
    expect(within(d).getByLabelText('Name')).toHaveValue('Jira secret');
    expect(within(d).queryByLabelText('Secret value')).not.toBeInTheDocument();
    await user.clear(within(d).getByLabelText('Name'));
    await user.type(within(d).getByLabelText('Name'), 'Jira app secret');
    await user.click(within(d).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Jira app secret')).toBeInTheDocument();

    await assetAction(user, 'Jira app secret', 'Edit');
    d = await screen.findByRole('dialog', { name: 'Edit Jira app secret' });
    await user.click(within(d).getByRole('checkbox', { name: 'Replace value / reference' }));
    await user.click(within(d).getByRole('radio', { name: 'Environment variable' }));
    await user.type(within(d).getByLabelText('Variable name'), 'JIRA_SECRET');
    await user.click(within(d).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Environment variable JIRA_SECRET')).toBeInTheDocument();

    expect(fake.callsTo('assets:update')).toEqual([
      { assetId: asset.id, name: 'Jira app secret', description: 'Team secret' },
      { assetId: asset.id, name: 'Jira app secret', description: 'Team secret', source: { kind: 'env', variable: 'JIRA_SECRET' } },
    ]);
  });

  it('an asset in use: Delete lists the connections using it and offers only Close, with what to do first', async () => {
    const { fake, user } = renderApp();
    const used = seed(fake, 'Used secret', ['Team wiki', 'Ops wiki']);
    fake.assets.inUse.add(used.id);
    await openAssetsTab(user);

    await assetAction(user, 'Used secret', 'Delete');
    const d = await screen.findByRole('dialog', { name: 'Can’t delete Used secret yet' });
    const users = within(d).getByRole('list', { name: 'Connections using Used secret' });
    expect(within(users).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Team wiki', 'Ops wiki']);
    expect(d).toHaveTextContent('First point each of them at another credential asset or a typed secret');
    expect(within(d).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    // Close in the footer (the dialog's corner ✕ is named Close too), focused first.
    const close = d.querySelector<HTMLElement>('.modal-footer .btn')!;
    expect(close).toHaveAccessibleName('Close');
    expect(within(d).getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual(['Close', 'Close']);
    await waitFor(() => expect(close).toHaveFocus());
    await user.click(close);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('assets:delete')).toEqual([]);
    expect(screen.getByText('Used secret')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'More actions for asset Used secret' })).toHaveFocus());
  });

  it('shows main refusing to delete an asset a connection started using since the list loaded, and deletes one not in use', async () => {
    const { fake, user } = renderApp();
    const used = seed(fake, 'Used secret');
    seed(fake, 'Spare secret');
    fake.assets.inUse.add(used.id);
    await openAssetsTab(user);

    await assetAction(user, 'Used secret', 'Delete');
    const d = await screen.findByRole('dialog', { name: 'Delete Used secret?' });
    await user.click(within(d).getByRole('button', { name: 'Delete' }));
    const alert = await within(d).findByRole('alert');
    expect(alert).toHaveTextContent('This credential asset is used by a connection.');
    expect(alert).toHaveTextContent('Give those connections another client secret, then delete the asset.');
    expect(alert).toHaveTextContent('ASSET_IN_USE');
    await user.click(within(d).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('Used secret')).toBeInTheDocument();

    await assetAction(user, 'Spare secret', 'Delete');
    const d2 = await screen.findByRole('dialog', { name: 'Delete Spare secret?' });
    await user.click(within(d2).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByText('Spare secret')).not.toBeInTheDocument();
    expect(fake.assets.items.map((a) => a.name)).toEqual(['Used secret']);
    // The row is gone: focus goes to New credential asset, not to the page.
    await waitFor(() => expect(screen.getByRole('button', { name: 'New credential asset' })).toHaveFocus());
  });

  it('keeps keyboard focus on the tab: after the first asset is created, and after an edit is saved', async () => {
    const { user } = renderApp();
    await openAssetsTab(user);
    await user.click(await screen.findByRole('button', { name: 'New credential asset' }));
    let d = await screen.findByRole('dialog', { name: 'New credential asset' });
    await user.type(within(d).getByLabelText('Name'), 'First secret');
    await user.type(within(d).getByLabelText('Secret value'), 'v{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // The empty state's button is gone with the empty state: the toolbar's New credential asset takes focus.
    await waitFor(() => expect(screen.getByRole('button', { name: 'New credential asset' })).toHaveFocus());

    await assetAction(user, 'First secret', 'Edit');
    d = await screen.findByRole('dialog', { name: 'Edit First secret' });
    await user.clear(within(d).getByLabelText('Name'));
    await user.type(within(d).getByLabelText('Name'), 'Renamed secret{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'More actions for asset Renamed secret' })).toHaveFocus());
  });

  it('uses a credential asset for the client secret on the creation page', async () => {
    const { fake, user } = renderApp();
    const asset = seed(fake, 'Jira secret');
    await openSettings(user);
    const d = dialog();
    await user.click(within(d).getByRole('radio', { name: 'Bring your own OAuth 2.0 app' }));
    await user.type(within(d).getByLabelText('Client ID'), 'my-client-id');
    await user.type(within(d).getByLabelText('Client secret'), 'typed-then-dropped');

    await user.click(within(d).getByRole('button', { name: 'Secret options' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Use credential asset' }));
    expect(within(d).queryByLabelText('Client secret')).not.toBeInTheDocument();
    const select = within(d).getByRole('combobox', { name: 'Credential asset' });
    await within(select).findByRole('option', { name: /Jira secret/ });
    await user.click(within(d).getByRole('button', { name: 'Connect' }));
    expect(within(d).getByText('Choose a credential asset', { selector: '.field-error' })).toBeInTheDocument();
    await user.selectOptions(select, asset.id);
    await user.click(within(d).getByRole('button', { name: 'Connect' }));
    await acceptPermissions(user);
    await waitFor(() => expect(fake.callsTo('connections:begin-authorization')).toHaveLength(1));
    const [draft] = fake.callsTo('connections:begin-authorization');
    expect(draft).toMatchObject({ authType: 'byo', clientId: 'my-client-id', clientSecretAssetId: asset.id });
    expect(draft).not.toHaveProperty('clientSecret');
    expect(new Set(fake.callsTo('assets:list').map((c) => c.folderId))).toEqual(new Set(['shared']));
  });

  it('switches back to typing a value', async () => {
    const { user } = renderApp();
    await openSettings(user);
    const d = dialog();
    await user.click(within(d).getByRole('radio', { name: 'Bring your own OAuth 2.0 app' }));
    await user.click(within(d).getByRole('button', { name: 'Secret options' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Use credential asset' }));
    expect(await within(d).findByText(/This folder has no credential assets yet/)).toBeInTheDocument();
    await user.click(within(d).getByRole('button', { name: 'Secret options' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Type a secret' }));
    expect(within(d).getByLabelText('Client secret')).toHaveAttribute('type', 'password');
    expect(within(d).queryByRole('combobox', { name: 'Credential asset' })).not.toBeInTheDocument();
  });
});
