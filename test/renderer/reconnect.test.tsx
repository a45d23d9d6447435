// @vitest-environment happy-dom
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { acceptPermissions, currentStep, finishSignIn, flush } from './add-connection-helpers';
import { defaultScopes, makeConnection } from './fixtures';
import { renderApp } from './render-app';

const reconnectDialog = (name: string) => screen.findByRole('dialog', { name: `Reconnect ${name}` });

async function signInAndChooseSite(user: UserEvent, fake: Parameters<typeof finishSignIn>[0], name: string) {
  const dialog = await reconnectDialog(name);
  await user.click(within(dialog).getByRole('button', { name: 'Connect' }));
  await acceptPermissions(user);
  await finishSignIn(fake);
  await user.click(await within(dialog).findByRole('button', { name: 'Continue' }));
  await flush();
  return dialog;
}

describe('reconnect', () => {
  it('a Needs reconnect row has an inline Reconnect; Offline says it waits for the network; Expiring soon says why', async () => {
    renderApp({ connections: [makeConnection(3, 'shared'), makeConnection(4, 'shared'), makeConnection(2, 'shared')] });
    const table = await screen.findByRole('table');
    // Expiring soon whose fix is a new sign-in (the 365-day consent) offers Reconnect too.
    expect(within(table).getAllByRole('button', { name: /^Reconnect / })).toHaveLength(2);
    expect(within(table).getByRole('button', { name: 'Reconnect Confluence 00003' })).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Reconnect Confluence 00002' })).toBeInTheDocument();
    expect(within(table).getByText('The refresh token was revoked.')).toBeInTheDocument();
    expect(within(table).getByText('Waiting for the network')).toBeInTheDocument();
    expect(within(table).getByText('Atlassian asks for a new consent in 9 days.')).toBeInTheDocument();
  });

  it('the inline Reconnect signs in again keeping the ID, folder and name', async () => {
    const connection = makeConnection(3, 'shared', { requestedScopes: defaultScopes.slice(0, 3), authType: 'managed' });
    const { fake, user } = renderApp({ connections: [connection] });
    await user.click(await screen.findByRole('button', { name: 'Reconnect Confluence 00003' }));
    const dialog = await reconnectDialog('Confluence 00003');
    await within(dialog).findByRole('group', { name: 'Scopes' });
    expect(currentStep()).toContain('Settings');
    expect(within(dialog).getByLabelText('Connection name')).toHaveAttribute('readonly');
    expect(within(dialog).getByLabelText('Connection name')).toHaveValue('Confluence 00003');
    expect(within(dialog).getByLabelText('Folder')).toHaveValue('Shared');
    expect(within(dialog).getByLabelText('Authentication type')).toHaveAttribute('readonly');
    expect(within(dialog).queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
    const checked = within(dialog).getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked);
    expect(checked).toHaveLength(3);

    await signInAndChooseSite(user, fake, 'Confluence 00003');
    expect(within(dialog).getByRole('heading', { name: 'Confluence 00003 is reconnected' })).toBeInTheDocument();
    const [draft] = fake.callsTo('connections:begin-authorization');
    expect(draft).toMatchObject({ reconnectConnectionId: 'conn-shared-3', folderId: 'shared', name: 'Confluence 00003', authType: 'managed', scopes: defaultScopes.slice(0, 3) });
    expect(fake.connections).toHaveLength(1);
    expect(fake.connections[0]).toMatchObject({ id: 'conn-shared-3', status: 'connected' });
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Reconnect Confluence 00003' })).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'More actions for Confluence 00003' })).toHaveFocus());
  });

  it('BYO reconnect from the menu keeps the stored client ID and secret when left empty', async () => {
    const { fake, user } = renderApp({ connections: [makeConnection(0, 'shared', { authType: 'byo', clientIdMasked: '••••9f2c' })] });
    await user.click(await screen.findByRole('button', { name: 'More actions for Confluence 00000' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reconnect' }));
    const dialog = await reconnectDialog('Confluence 00000');
    const clientId = await within(dialog).findByLabelText('Client ID');
    expect(clientId).toHaveAttribute('placeholder', '••••9f2c');
    expect(clientId).toHaveValue('');
    expect(within(dialog).getByText('Leave empty to keep the stored secret')).toBeInTheDocument();
    await signInAndChooseSite(user, fake, 'Confluence 00000');
    const [draft] = fake.callsTo('connections:begin-authorization');
    expect(draft).toMatchObject({ reconnectConnectionId: 'conn-shared-0', authType: 'byo' });
    expect(draft).not.toHaveProperty('clientId');
    expect(draft).not.toHaveProperty('clientSecret');
  });

  it('a client secret from a credential asset: Reconnect shows the asset, keeps it, and says plainly that typing a secret stops using it', async () => {
    const { fake, user } = renderApp({ connections: [makeConnection(0, 'shared', { authType: 'byo', clientSecretAsset: { id: 'asset-1', name: 'Ops app secret' } })] });
    const asset = fake.assets.create({ folderId: 'shared', name: 'Ops app secret', source: { kind: 'stored', value: 'v' } });
    expect(asset.id).toBe('asset-1');
    await user.click(await screen.findByRole('button', { name: 'More actions for Confluence 00000' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reconnect' }));
    const dialog = await reconnectDialog('Confluence 00000');
    expect(await within(dialog).findByText('Client secret: from credential asset Ops app secret')).toBeInTheDocument();
    const select = within(dialog).getByRole('combobox', { name: 'Credential asset' });
    await waitFor(() => expect(select).toHaveValue(asset.id));
    expect(within(dialog).queryByLabelText('Client secret')).not.toBeInTheDocument();

    // Type a secret instead: said plainly, and an empty secret does not silently keep the asset.
    await user.click(within(dialog).getByRole('button', { name: 'Secret options' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Type a secret' }));
    expect(within(dialog).getByLabelText('Client secret')).toHaveAccessibleDescription(
      'The connection will stop using the credential asset Ops app secret and keep this secret instead.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }));
    expect(within(dialog).getByText('Enter the client secret, or use the credential asset again')).toBeInTheDocument();
    expect(currentStep()).toContain('Settings');

    // Back to the asset: preselected again; Connect sends it.
    await user.click(within(dialog).getByRole('button', { name: 'Secret options' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Use credential asset' }));
    expect(within(dialog).getByRole('combobox', { name: 'Credential asset' })).toHaveValue(asset.id);
    await signInAndChooseSite(user, fake, 'Confluence 00000');
    const [draft] = fake.callsTo('connections:begin-authorization');
    expect(draft).toMatchObject({ reconnectConnectionId: 'conn-shared-0', authType: 'byo', clientSecretAssetId: asset.id });
    expect(draft).not.toHaveProperty('clientSecret');
    expect(fake.connections[0]?.clientSecretAsset).toEqual({ id: asset.id, name: 'Ops app secret' });
  });

  it('a new client ID needs its secret', async () => {
    const { fake, user } = renderApp({ connections: [makeConnection(0, 'shared', { authType: 'byo' })] });
    await user.click(await screen.findByRole('button', { name: 'More actions for Confluence 00000' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reconnect' }));
    const dialog = await reconnectDialog('Confluence 00000');
    await user.type(await within(dialog).findByLabelText('Client ID'), 'new-client-id');
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }));
    expect(within(dialog).getByText('Enter the client secret that goes with the new client ID')).toBeInTheDocument();
    expect(currentStep()).toContain('Settings');
    expect(fake.callsTo('connections:begin-authorization')).toHaveLength(0);
  });
});

describe('check result dialog', () => {
  it('shows failed and skipped steps with details, the error in full, missing scopes, and Reconnect', async () => {
    const connection = makeConnection(0, 'shared');
    const { fake, user } = renderApp({ connections: [connection] });
    const error = { code: 'SCOPE_MISSING', message: 'Atlassian did not grant write:confluence-content.', remediation: 'Reconnect and approve every permission.' };
    fake.checkScripts.set(connection.id, {
      ok: false,
      status: 'error',
      statusReason: error,
      missingScopes: ['write:confluence-content'],
      steps: [
        { name: 'Access token is valid', outcome: 'passed', ok: true, durationMs: 4 },
        { name: 'Update content', outcome: 'failed', ok: false, durationMs: 1250, detail: 'PUT content with write:confluence-content', error },
        { name: 'Search', outcome: 'skipped', ok: true, durationMs: 0, detail: 'An earlier step failed.' },
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'More actions for Confluence 00000' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Check connection' }));
    const dialog = await screen.findByRole('dialog', { name: 'Check “Confluence 00000”' });
    expect(await within(dialog).findByText('The connection has a problem.')).toBeInTheDocument();
    const steps = within(within(dialog).getByRole('list', { name: 'Check steps' })).getAllByRole('listitem');
    expect(steps[0]).toHaveTextContent('Access token is valid: passed');
    expect(steps[1]).toHaveTextContent('Update content: failed');
    expect(steps[1]).toHaveTextContent('1.3 s');
    expect(steps[1]).toHaveTextContent('PUT content with write:confluence-content');
    expect(steps[1]).toHaveTextContent('Atlassian did not grant write:confluence-content.');
    expect(steps[1]).toHaveTextContent('Reconnect and approve every permission.');
    expect(steps[1]).toHaveTextContent('SCOPE_MISSING');
    expect(steps[2]).toHaveTextContent('Search: skipped');
    expect(steps[2]).toHaveTextContent('An earlier step failed.');
    const missing = within(dialog).getByRole('list', { name: 'Atlassian did not grant this scope' });
    expect(missing).toHaveTextContent('write:confluence-content');
    await user.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    expect(await reconnectDialog('Confluence 00000')).toBeInTheDocument();
  });

  it('offers Reconnect for an invalid grant even without missing scopes, and none when the check passes', async () => {
    const { user } = renderApp({ connections: [makeConnection(3, 'shared'), makeConnection(0, 'shared')] });
    await user.click(await screen.findByRole('button', { name: 'More actions for Confluence 00003' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Check connection' }));
    let dialog = await screen.findByRole('dialog', { name: 'Check “Confluence 00003”' });
    await within(dialog).findByText('The connection has a problem.');
    expect(within(dialog).getByRole('button', { name: 'Reconnect' })).toBeInTheDocument();
    expect(within(dialog).getByText('ATLASSIAN_INVALID_GRANT')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'More actions for Confluence 00000' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Check connection' }));
    dialog = await screen.findByRole('dialog', { name: 'Check “Confluence 00000”' });
    await within(dialog).findByText('The connection works.');
    expect(within(dialog).queryByRole('button', { name: 'Reconnect' })).not.toBeInTheDocument();
  });
});
