// @vitest-environment happy-dom
import './setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { NOTICE_MS } from '../../renderer/src/features/connections/connection-actions-store';
import { formatDateTime, localizeTimestamps } from '../../renderer/src/features/connections/relative-time';
import { acceptPermissions, finishSignIn, flush, openSettings } from './add-connection-helpers';
import { defaultScopes, makeConnection } from './fixtures';
import { renderApp } from './render-app';

/** Findings of the second review: each case is one of them. */
const folders = [
  { id: 'shared', name: 'Shared', parentId: null, createdAt: '2025-01-01T00:00:00Z', connectionCount: 0 },
  { id: 'eng', name: 'Engineering', parentId: null, createdAt: '2025-01-01T00:00:00Z', connectionCount: 0 },
];
const solo = [{ cloudId: 'c-new', name: 'Other Wiki', url: 'https://other.atlassian.net' }];

async function rowAction(user: UserEvent, name: string, action: string) {
  await user.click(await screen.findByRole('button', { name: `More actions for ${name}` }));
  await user.click(await screen.findByRole('menuitem', { name: action }));
}

async function reconnectToSiteStep(user: UserEvent, fake: Parameters<typeof finishSignIn>[0], name: string) {
  await user.click(await screen.findByRole('button', { name: `Reconnect ${name}` }));
  const dialog = await screen.findByRole('dialog', { name: `Reconnect ${name}` });
  await user.click(await within(dialog).findByRole('button', { name: 'Connect' }));
  await acceptPermissions(user);
  await finishSignIn(fake);
  return dialog;
}

describe('reconnect with an account that cannot reach the site', () => {
  it('stops on Site even with one site, warns, preselects nothing, and Done says who and where', async () => {
    const { fake, user } = renderApp({ connections: [makeConnection(3, 'shared', { authType: 'managed' })], sites: solo });
    fake.previousSite = { cloudId: 'cloud-acme', name: 'Acme Wiki', url: 'https://acme.atlassian.net' };
    const dialog = await reconnectToSiteStep(user, fake, 'Confluence 00003');
    expect(
      within(dialog).getByText(
        'You signed in with an account that cannot reach Acme Wiki (https://acme.atlassian.net), which this connection used. Choose the site to use from now on, or Cancel and sign in with the account that owns Acme Wiki (use Switch account on the Atlassian page).',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/can reach 1 site\./)).toBeInTheDocument();
    const radio = within(dialog).getByRole('radio', { name: /Other Wiki/ });
    expect(radio).not.toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Continue' })).toBeDisabled();
    await user.click(radio);
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await flush();
    expect(fake.callsTo('connections:choose-site')).toEqual([{ attemptId: 'attempt-1', cloudId: 'c-new' }]);
    expect(within(dialog).getByRole('heading', { name: 'Confluence 00003 is reconnected' })).toBeInTheDocument();
    expect(within(dialog).getByText(/Reconnected as/)).toHaveTextContent('Reconnected as Dana Demo on Other Wiki');
  });

  it('a reconnect that reaches the site goes straight to Done without a warning', async () => {
    const { fake, user } = renderApp({ connections: [makeConnection(3, 'shared', { authType: 'managed' })], sites: solo });
    const dialog = await reconnectToSiteStep(user, fake, 'Confluence 00003');
    expect(within(dialog).getByRole('heading', { name: 'Confluence 00003 is reconnected' })).toBeInTheDocument();
    expect(within(dialog).queryByText(/cannot reach/)).not.toBeInTheDocument();
    expect(within(dialog).queryByText(/fewer permissions/)).not.toBeInTheDocument();
  });
});

describe('Done warns when the connection works only in part', () => {
  it('says which permissions Atlassian withheld and what that breaks, and shows an Expiring soon reason', async () => {
    const { fake, user } = renderApp({ sites: solo });
    fake.shapeSaved = (c) => ({
      ...c,
      grantedScopes: c.requestedScopes.filter((s) => s !== 'write:confluence-content' && s !== 'search:confluence'),
      status: 'expiring-soon',
      statusReason: {
        code: 'NO_REFRESH_TOKEN',
        message: 'Atlassian issued no refresh token.',
        remediation: 'Reconnect with Stay connected to keep it working.',
      },
    });
    await openSettings(user);
    const dialog = screen.getByRole('dialog', { name: 'Add connection' });
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }));
    await acceptPermissions(user);
    await finishSignIn(fake);
    expect(within(dialog).getByRole('heading', { name: 'Confluence Cloud is connected' })).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'Atlassian granted fewer permissions than requested: write:confluence-content, search:confluence — Update and Search do not work with this connection.',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Atlassian issued no refresh token.')).toBeInTheDocument();
    expect(within(dialog).getByText('Reconnect with Stay connected to keep it working.')).toBeInTheDocument();
    expect(dialog.querySelector('.done-mark-warn')).not.toBeNull();
  });
});

describe('Check all summary', () => {
  it('is recomputed when a row changes and cleared when the checked rows are gone', async () => {
    const { user } = renderApp({ folders, connections: [makeConnection(0, 'shared'), makeConnection(3, 'shared')] });
    await user.click(await screen.findByRole('button', { name: 'Check all' }));
    const summary = () => screen.getAllByRole('status').find((s) => s.classList.contains('toolbar-summary'));
    await waitFor(() => expect(summary()).toHaveTextContent('1 healthy, 1 need attention'));

    await rowAction(user, 'Confluence 00003', 'Delete');
    const confirm = await screen.findByRole('dialog', { name: 'Delete Confluence 00003?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(summary()).toHaveTextContent('1 healthy, 0 need attention'));

    await rowAction(user, 'Confluence 00000', 'Move');
    const move = await screen.findByRole('dialog', { name: 'Move “Confluence 00000”' });
    await user.selectOptions(within(move).getByLabelText('Folder'), 'eng');
    await user.click(within(move).getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Check all' })).not.toBeInTheDocument());
    expect(screen.queryByText(/healthy/)).not.toBeInTheDocument();
  });
});

describe('status reasons', () => {
  it('Needs reconnect shows Atlassian’s words; Error that main retries says so; Expiring soon that needs a sign-in offers Reconnect', async () => {
    renderApp({
      connections: [
        makeConnection(3, 'shared', {
          statusReason: {
            code: 'ATLASSIAN_INVALID_GRANT',
            message: 'Atlassian no longer accepts this sign-in.',
            remediation: 'Reconnect to sign in again.',
            detail: '403 invalid_grant: Unknown or invalid refresh token.',
          },
        }),
        makeConnection(5, 'shared', {
          statusReason: { code: 'ATLASSIAN_RATE_LIMITED', message: 'Atlassian asked to slow down.', remediation: 'Nothing to do.' },
        }),
        makeConnection(9, 'shared', {
          status: 'expiring-soon',
          statusReason: { code: 'NO_REFRESH_TOKEN', message: 'No refresh token.', remediation: 'Nothing to do; it renews by itself.' },
        }),
      ],
    });
    const table = await screen.findByRole('table');
    const reason = within(table).getByText(/Atlassian no longer accepts this sign-in\./);
    expect(reason).toHaveTextContent('403 invalid_grant: Unknown or invalid refresh token.');
    expect(reason.getAttribute('title')).toContain('403 invalid_grant: Unknown or invalid refresh token.');
    expect(within(table).getByText('Atlassian is busy — retrying automatically')).toBeInTheDocument();
    expect(within(table).getByText('Retrying')).toBeInTheDocument();
    expect(within(table).queryByText('Error')).not.toBeInTheDocument();
    // Expiring soon renewing by itself has no inline Reconnect; the one whose fix is a sign-in has (see reconnect.test).
    expect(within(table).queryByRole('button', { name: 'Reconnect Confluence 00009' })).not.toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Reconnect Confluence 00003' })).toBeInTheDocument();
  });
});

describe('times', () => {
  it('step details show ISO timestamps in the user’s locale', async () => {
    const iso = '2026-03-12T13:05:00.000Z';
    expect(localizeTimestamps(`Valid until ${iso}`)).toBe(`Valid until ${formatDateTime(iso)}`);
    expect(formatDateTime(iso)).not.toContain('T13');
    const connection = makeConnection(0, 'shared');
    const { fake, user } = renderApp({ connections: [connection] });
    fake.checkScripts.set(connection.id, {
      ok: true,
      status: 'connected',
      steps: [{ name: 'Access token usable', outcome: 'passed', ok: true, durationMs: 3, detail: `Valid until ${iso}` }],
    });
    await rowAction(user, 'Confluence 00000', 'Check connection');
    const dialog = await screen.findByRole('dialog', { name: 'Check “Confluence 00000”' });
    expect(await within(dialog).findByText(`Valid until ${formatDateTime(iso)}`)).toBeInTheDocument();
    expect(within(dialog).queryByText(new RegExp(iso))).not.toBeInTheDocument();
  });
});

describe('small things', () => {
  it('the Name cell shows the description and the auth line together', async () => {
    renderApp({ connections: [makeConnection(1, 'shared', { description: 'Nightly export' })] });
    const table = await screen.findByRole('table');
    const line = within(table).getByText('Nightly export').closest('.cell-secondary');
    expect(line).toHaveTextContent('Managed app · Nightly export');
  });

  it('the default notice goes after the next action, and after a few seconds by itself', async () => {
    const { user } = renderApp({ connections: [makeConnection(0, 'shared'), makeConnection(1, 'shared')] });
    const notice = 'Confluence 00001 is now the default Confluence Cloud connection in this folder.';
    await rowAction(user, 'Confluence 00001', 'Make default');
    expect(await screen.findByText(notice)).toBeInTheDocument();
    await rowAction(user, 'Confluence 00000', 'Edit');
    expect(screen.queryByText(notice)).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await rowAction(user, 'Confluence 00000', 'Make default');
      expect(await screen.findByText(/Confluence 00000 is now the default/)).toBeInTheDocument();
      await act(async () => {
        vi.advanceTimersByTime(NOTICE_MS + 100);
      });
      expect(screen.queryByText(/is now the default/)).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a Move says where the connection went', async () => {
    const { user } = renderApp({ folders, connections: [makeConnection(0, 'shared'), makeConnection(1, 'shared')] });
    await rowAction(user, 'Confluence 00000', 'Move');
    const move = await screen.findByRole('dialog', { name: 'Move “Confluence 00000”' });
    await user.selectOptions(within(move).getByLabelText('Folder'), 'eng');
    await user.click(within(move).getByRole('button', { name: 'Move' }));
    expect(await screen.findByText('Moved Confluence 00000 to Engineering')).toBeInTheDocument();
  });

  it('Delete: Esc returns focus to the row’s More actions; after deleting, to the filter; client secret only for BYO', async () => {
    const { user } = renderApp({ connections: [makeConnection(1, 'shared'), makeConnection(2, 'shared')] });
    await rowAction(user, 'Confluence 00001', 'Delete');
    let dialog = await screen.findByRole('dialog', { name: 'Delete Confluence 00001?' });
    expect(dialog).toHaveTextContent('Its tokens are removed from this computer. Automations using it stop working.');
    expect(dialog).not.toHaveTextContent('client secret');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'More actions for Confluence 00001' })).toHaveFocus());

    await rowAction(user, 'Confluence 00001', 'Delete');
    dialog = await screen.findByRole('dialog', { name: 'Delete Confluence 00001?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Filter connections' })).toHaveFocus());
  });

  it('the managed auth option names the app; BYO keeps its name', async () => {
    const { user } = renderApp();
    await openSettings(user);
    const dialog = screen.getByRole('dialog', { name: 'Add connection' });
    expect(within(dialog).getByRole('radio', { name: 'OAuth 2.0 — managed app: ConnectDesk for Confluence' })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Bring your own OAuth 2.0 app' })).toBeInTheDocument();
    void defaultScopes;
  });
});
