// @vitest-environment happy-dom
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { invalidClientError } from './fake-bridge';
import { defaultScopes } from './fixtures';
import { acceptPermissions, cancelSignIn, currentStep, dialog, finishSignIn, flush, openSettings, whenArmed } from './add-connection-helpers';
import { renderApp } from './render-app';

describe('add connection', () => {
  it('connector search autofocuses, filters, and says when nothing matches', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Add connection' }));
    const search = await within(dialog()).findByRole('textbox', { name: 'Search connectors' });
    await waitFor(() => expect(search).toHaveFocus());
    expect(currentStep()).toBe('1Connector');
    expect(await within(dialog()).findByRole('button', { name: 'Confluence Cloud' })).toBeInTheDocument();
    await user.type(search, 'salesforce');
    expect(within(dialog()).getByText('No connector matches “salesforce”')).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'atlassian');
    await user.click(within(dialog()).getByRole('button', { name: 'Confluence Cloud' }));
    expect(await within(dialog()).findByLabelText('Connection name')).toHaveValue('Confluence Cloud');
  });

  it('runs the managed flow through every step, with a site choice, and the row shows Connected', async () => {
    const { fake, user } = renderApp();
    await openSettings(user);
    const d = dialog();
    expect(currentStep()).toContain('Settings');
    expect(within(d).getByLabelText('Folder')).toHaveValue('shared');
    expect(within(d).getByRole('radio', { name: 'OAuth 2.0 — managed app: ConnectDesk for Confluence' })).toBeChecked();
    expect(within(d).getByRole('radio', { name: /^OAuth 2.0 — managed app/ })).toHaveAccessibleDescription('Sign in with your Atlassian account through ConnectDesk for Confluence.');
    for (const scope of defaultScopes) expect(within(d).getByRole('checkbox', { name: scope })).toBeChecked();
    expect(within(d).getByLabelText('Callback URL')).toHaveValue('http://localhost:47615/oauth/callback');
    await user.click(within(d).getByRole('button', { name: 'Copy callback URL' }));
    expect(await navigator.clipboard.readText()).toBe('http://localhost:47615/oauth/callback');
    // The managed app has the callback URL already: registering it is only for your own app.
    expect(within(d).getByText('The managed app already has this callback URL registered.')).toBeInTheDocument();
    expect(within(d).queryByText('Register this exact URL as the callback URL of your OAuth app.')).not.toBeInTheDocument();
    await user.click(within(d).getByRole('radio', { name: 'Bring your own OAuth 2.0 app' }));
    expect(within(d).getByText('Register this exact URL as the callback URL of your OAuth app.')).toBeInTheDocument();
    expect(within(d).queryByText('The managed app already has this callback URL registered.')).not.toBeInTheDocument();
    await user.click(within(d).getByRole('radio', { name: 'OAuth 2.0 — managed app: ConnectDesk for Confluence' }));

    await user.click(within(d).getByRole('button', { name: 'Connect' }));
    expect(currentStep()).toContain('Permissions');
    const headline = within(d).getByText(/will be able to/);
    expect(headline).toHaveTextContent('ConnectDesk will be able to Update, View and Search your Confluence spaces, and Stay connected');
    expect(within(d).getByRole('heading', { name: 'Stay connected' })).toBeInTheDocument();
    expect(within(d).getByText(/Atlassian asks you to sign in/)).toBeInTheDocument();

    await acceptPermissions(user);
    expect(currentStep()).toContain('Sign in');
    const progress = await within(d).findByRole('list', { name: 'Sign-in progress' });
    await waitFor(() => expect(progress.querySelector('[aria-current="step"]')).toHaveTextContent('Finish signing in to Atlassian in the sign-in window'));
    const [draft] = fake.callsTo('connections:begin-authorization');
    expect(draft).toMatchObject({ connectorId: 'confluence-cloud', folderId: 'shared', name: 'Confluence Cloud', authType: 'managed', scopes: defaultScopes });
    expect(draft).not.toHaveProperty('clientSecret');
    expect(draft?.draftId).toMatch(/^[0-9a-f-]{36}$/);

    await finishSignIn(fake);
    expect(currentStep()).toContain('Site');
    const labs = within(d).getByRole('radio', { name: 'Acme Labs' });
    expect(within(d).getByText('https://acme-labs.atlassian.net')).toBeInTheDocument();
    await user.click(labs);
    await user.click(within(d).getByRole('button', { name: 'Continue' }));
    expect(fake.callsTo('connections:choose-site')).toEqual([{ attemptId: 'attempt-1', cloudId: 'cloud-labs' }]);

    expect(await within(d).findByRole('heading', { name: 'Confluence Cloud is connected' })).toBeInTheDocument();
    expect(currentStep()).toBeUndefined(); // every step ticked
    expect(within(d).getByText(/Acme Labs \(https:\/\/acme-labs.atlassian.net\)/)).toBeInTheDocument();
    expect(within(d).getByText('Dana Demo')).toBeInTheDocument();
    await user.click(within(d).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const table = await screen.findByRole('table', { name: 'Connections in Shared' });
    expect(within(table).getByText('Connected')).toBeInTheDocument();
  });

  it('runs the bring-your-own-app flow with one site straight to Done', async () => {
    const { fake, user } = renderApp({ sites: [{ cloudId: 'c1', name: 'Solo', url: 'https://solo.atlassian.net' }] });
    await openSettings(user);
    const d = dialog();
    await user.click(within(d).getByRole('radio', { name: 'Bring your own OAuth 2.0 app' }));
    const secret = within(d).getByLabelText('Client secret');
    expect(secret).toHaveAttribute('type', 'password');
    await user.type(within(d).getByLabelText('Client ID'), 'my-client-id');
    await user.type(secret, 's3cret');
    await user.click(within(d).getByRole('button', { name: 'Show secret' }));
    expect(secret).toHaveAttribute('type', 'text');
    await user.click(within(d).getByRole('button', { name: 'Show all Confluence scopes' }));
    await user.click(within(d).getByRole('checkbox', { name: 'read:page:confluence' }));
    await user.click(within(d).getByRole('button', { name: 'Connect' }));
    await acceptPermissions(user);
    await finishSignIn(fake);
    expect(await within(d).findByRole('heading', { name: 'Confluence Cloud is connected' })).toBeInTheDocument();
    expect(fake.callsTo('connections:begin-authorization')[0]).toMatchObject({
      authType: 'byo',
      clientId: 'my-client-id',
      clientSecret: 's3cret',
      scopes: [...defaultScopes, 'read:page:confluence'],
    });
    expect(fake.callsTo('connections:choose-site')).toHaveLength(0);
  });

  it('a failed sign-in returns to Settings with the error banner and every field as typed', async () => {
    const { fake, user } = renderApp();
    await openSettings(user);
    const d = dialog();
    const name = within(d).getByLabelText('Connection name');
    await user.clear(name);
    await user.type(name, 'Team wiki');
    await user.click(within(d).getByRole('radio', { name: 'Bring your own OAuth 2.0 app' }));
    await user.type(within(d).getByLabelText('Client ID'), 'abc-123');
    await user.type(within(d).getByLabelText('Client secret'), 'wrong-secret');
    await user.click(within(d).getByRole('checkbox', { name: 'search:confluence' }));
    await user.click(within(d).getByRole('button', { name: 'Connect' }));
    await acceptPermissions(user);
    await finishSignIn(fake);

    expect(currentStep()).toContain('Settings');
    const alert = within(d).getByRole('alert');
    expect(alert).toHaveTextContent(invalidClientError.message);
    expect(alert).toHaveTextContent(invalidClientError.remediation);
    expect(alert).toHaveTextContent(invalidClientError.code);
    expect(within(d).getByLabelText('Connection name')).toHaveValue('Team wiki');
    expect(within(d).getByRole('radio', { name: 'Bring your own OAuth 2.0 app' })).toBeChecked();
    expect(within(d).getByLabelText('Client ID')).toHaveValue('abc-123');
    expect(within(d).getByLabelText('Client secret')).toHaveValue('wrong-secret');
    expect(within(d).getByRole('checkbox', { name: 'search:confluence' })).not.toBeChecked();
    expect(within(d).getByRole('checkbox', { name: 'offline_access' })).toBeChecked();

    // Fix the secret and try again: the same draft, a new attempt.
    await user.clear(within(d).getByLabelText('Client secret'));
    await user.type(within(d).getByLabelText('Client secret'), 'right-secret');
    await user.click(within(d).getByRole('button', { name: 'Connect' }));
    await acceptPermissions(user);
    expect(within(d).queryByRole('alert')).not.toBeInTheDocument();
    const calls = fake.callsTo('connections:begin-authorization');
    expect(calls).toHaveLength(2);
    expect(calls[1]?.draftId).toBe(calls[0]?.draftId);
  });

  it('cancelling during sign-in calls cancel-authorization and returns to Settings quietly', async () => {
    const { fake, user } = renderApp();
    await openSettings(user);
    const d = dialog();
    await user.click(within(d).getByRole('button', { name: 'Connect' }));
    await acceptPermissions(user);
    await flush();
    await cancelSignIn(user);
    expect(fake.callsTo('connections:cancel-authorization')).toEqual([{ attemptId: 'attempt-1' }]);
    await flush();
    expect(currentStep()).toContain('Settings');
    expect(within(d).getByText(/Sign-in was cancelled/)).toBeInTheDocument();
    expect(within(d).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('closing the dialog with Esc during sign-in cancels it in main', async () => {
    const { fake, user } = renderApp();
    await openSettings(user);
    await user.click(within(dialog()).getByRole('button', { name: 'Connect' }));
    await acceptPermissions(user);
    await flush();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('connections:cancel-authorization')).toEqual([{ attemptId: 'attempt-1' }]);
  });

  it('never starts a second sign-in while one runs', async () => {
    const { fake, user } = renderApp();
    await openSettings(user);
    await user.click(within(dialog()).getByRole('button', { name: 'Connect' }));
    const accept = await whenArmed(within(dialog()).getByRole('button', { name: 'Accept' }));
    await user.dblClick(accept);
    await flush();
    expect(fake.callsTo('connections:begin-authorization')).toHaveLength(1);
    // Asking for the window again sends the same draft; main reuses the running sign-in.
    await user.click(within(dialog()).getByRole('button', { name: 'Show the Atlassian window' }));
    await flush();
    const calls = fake.callsTo('connections:begin-authorization');
    expect(calls).toHaveLength(2);
    expect(calls[1]?.draftId).toBe(calls[0]?.draftId);
    expect(fake.attempts).toHaveLength(1);
    expect(currentStep()).toContain('Sign in');
  });

  it('validates before anything is sent', async () => {
    const { fake, user } = renderApp();
    await openSettings(user);
    const d = dialog();
    await user.clear(within(d).getByLabelText('Connection name'));
    await user.click(within(d).getByRole('radio', { name: 'Bring your own OAuth 2.0 app' }));
    for (const scope of defaultScopes) await user.click(within(d).getByRole('checkbox', { name: scope }));
    await user.click(within(d).getByRole('button', { name: 'Connect' }));

    expect(currentStep()).toContain('Settings');
    expect(within(d).getByText('Enter a connection name')).toBeInTheDocument();
    expect(within(d).getByText('Enter the client ID of your OAuth app')).toBeInTheDocument();
    expect(within(d).getByText('Enter the client secret of your OAuth app')).toBeInTheDocument();
    expect(within(d).getByText('Select at least one scope')).toBeInTheDocument();
    expect(within(d).getByLabelText('Connection name')).toHaveAttribute('aria-invalid', 'true');
    expect(fake.calls.some((c) => c.channel === 'connections:begin-authorization')).toBe(false);

    await user.type(within(d).getByLabelText('Connection name'), 'X');
    expect(within(d).queryByText('Enter a connection name')).not.toBeInTheDocument();
  });

  it('disables the managed app with an explanation when the environment has none', async () => {
    const { user } = renderApp({ managedAvailable: false });
    await openSettings(user);
    const d = dialog();
    const managed = within(d).getByRole('radio', { name: 'OAuth 2.0 — managed app: ConnectDesk for Confluence' });
    expect(managed).toBeDisabled();
    expect(managed).toHaveAccessibleDescription(/Not available in Atlassian Cloud/);
    expect(within(d).getByRole('radio', { name: 'Bring your own OAuth 2.0 app' })).toBeChecked();
    expect(within(d).getByLabelText('Client ID')).toBeInTheDocument();
  });

  it('shows sandbox help with a button that asks main to open it', async () => {
    const { fake, user } = renderApp({ environmentId: 'sandbox' });
    await openSettings(user);
    const d = dialog();
    expect(within(d).getByText(/Demo user: demo@example.test/)).toBeInTheDocument();
    expect(within(d).getByText('Sandbox (local Atlassian)')).toBeInTheDocument();
    await user.click(within(d).getByRole('button', { name: 'Open sandbox help' }));
    expect(fake.callsTo('sandbox:open-help')).toEqual([{}]);
  });
});
