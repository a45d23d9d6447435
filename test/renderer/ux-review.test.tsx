// @vitest-environment happy-dom
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SELECTED_FOLDER_KEY } from '../../renderer/src/features/folders/folders-store';
import { makeConnection } from './fixtures';
import { acceptPermissions, currentStep, dialog, finishSignIn, flush, openSettings, whenArmed } from './add-connection-helpers';
import { renderApp } from './render-app';

/** Findings of a new user's review: each case is one of them. */
describe('permissions cannot be accepted by accident', () => {
  it('Accept ignores clicks for a moment after the step appears, then takes them', async () => {
    const { fake, user } = renderApp();
    await openSettings(user);
    const d = dialog();
    await user.click(within(d).getByRole('button', { name: 'Connect' }));
    expect(currentStep()).toContain('Permissions');
    const accept = within(d).getByRole('button', { name: 'Accept' });
    expect(accept).toHaveAttribute('aria-disabled', 'true');
    expect(accept).not.toHaveFocus();
    // Focus starts on the summary, which is focusable only programmatically.
    const summary = within(d).getByText(/will be able to/);
    await waitFor(() => expect(summary).toHaveFocus());
    expect(summary).toHaveAttribute('tabindex', '-1');

    await user.click(accept);
    await flush();
    expect(fake.callsTo('connections:begin-authorization')).toHaveLength(0);
    expect(currentStep()).toContain('Permissions');

    await whenArmed(accept);
    await user.click(accept);
    await flush();
    expect(fake.callsTo('connections:begin-authorization')).toHaveLength(1);
    expect(currentStep()).toContain('Sign in');
  });

  it('a double-click on Connect stops on the permissions review', async () => {
    const { fake, user } = renderApp();
    await openSettings(user);
    await user.dblClick(within(dialog()).getByRole('button', { name: 'Connect' }));
    await flush();
    expect(currentStep()).toContain('Permissions');
    expect(fake.callsTo('connections:begin-authorization')).toHaveLength(0);
  });

  it('Enter in a field and Enter again stops on the permissions review', async () => {
    const { fake, user } = renderApp();
    await openSettings(user);
    await user.click(within(dialog()).getByLabelText('Connection name'));
    await user.keyboard('{Enter}');
    expect(currentStep()).toContain('Permissions');
    await user.keyboard('{Enter}');
    await flush();
    expect(currentStep()).toContain('Permissions');
    expect(fake.callsTo('connections:begin-authorization')).toHaveLength(0);
  });

  it('Cancel sign-in right after Accept (a triple-click) does not cancel; a moment later it does', async () => {
    const { fake, user } = renderApp();
    await openSettings(user);
    await user.click(within(dialog()).getByRole('button', { name: 'Connect' }));
    await acceptPermissions(user);
    await flush();
    const cancel = within(dialog()).getByRole('button', { name: 'Cancel sign-in' });
    expect(cancel).toHaveAttribute('aria-disabled', 'true');
    await user.click(cancel);
    await flush();
    expect(fake.callsTo('connections:cancel-authorization')).toHaveLength(0);
    expect(currentStep()).toContain('Sign in');
    await user.click(await whenArmed(cancel));
    expect(fake.callsTo('connections:cancel-authorization')).toEqual([{ attemptId: 'attempt-1' }]);
  });
});

describe('long names', () => {
  it('the name input stops at the 120 characters validation allows and counts near the limit', async () => {
    const { user } = renderApp();
    await openSettings(user);
    const name = within(dialog()).getByLabelText('Connection name');
    expect(name).toHaveAttribute('maxLength', '120');
    await user.clear(name);
    await user.type(name, 'x'.repeat(99));
    expect(within(dialog()).queryByText(/of 120 characters/)).not.toBeInTheDocument();
    await user.type(name, 'x'.repeat(31));
    expect(name).toHaveValue('x'.repeat(120));
    expect(name).toHaveAccessibleDescription('120 of 120 characters');
  });

  it('table cells give the full name in a title (they truncate with an ellipsis)', async () => {
    const long = 'N'.repeat(120);
    renderApp({ connections: [makeConnection(0, 'shared', { name: long })] });
    const table = await screen.findByRole('table', { name: 'Connections in Shared' });
    expect(within(table).getByText(long)).toHaveAttribute('title', long);
  });
});

describe('keyboard', () => {
  it('arrow keys in Authentication type select, not only focus', async () => {
    const { user } = renderApp();
    await openSettings(user);
    const d = dialog();
    const managed = within(d).getByRole('radio', { name: 'OAuth 2.0 — managed app: ConnectDesk for Confluence' });
    const byo = within(d).getByRole('radio', { name: 'Bring your own OAuth 2.0 app' });
    managed.focus();
    await user.keyboard('{ArrowDown}');
    expect(byo).toHaveFocus();
    expect(byo).toBeChecked();
    expect(within(d).getByLabelText('Client ID')).toBeInTheDocument();
    await user.keyboard('{ArrowUp}');
    expect(managed).toBeChecked();
    expect(within(d).queryByLabelText('Client ID')).not.toBeInTheDocument();
  });

  it('focus returns to Add connection after Escape and after Cancel', async () => {
    const { user } = renderApp();
    const opener = await screen.findByRole('button', { name: 'Add connection' });
    await user.click(opener);
    await within(dialog()).findByRole('textbox', { name: 'Search connectors' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(opener).toHaveFocus());

    await user.click(opener);
    await within(dialog()).findByRole('textbox', { name: 'Search connectors' });
    await user.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it('after Done in an empty folder, focus lands on the Add connection button of the new list', async () => {
    const { fake, user } = renderApp({ sites: [{ cloudId: 'c1', name: 'Solo', url: 'https://solo.atlassian.net' }] });
    await openSettings(user);
    await user.click(within(dialog()).getByRole('button', { name: 'Connect' }));
    await acceptPermissions(user);
    await finishSignIn(fake);
    await user.click(await within(dialog()).findByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await screen.findByRole('table', { name: 'Connections in Shared' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add connection' })).toHaveFocus());
  });
});

describe('copy', () => {
  it('the sign-in step reads well, helps when Atlassian shows an error, and the Site step says Cancel', async () => {
    const { fake, user } = renderApp();
    await openSettings(user);
    await user.click(within(dialog()).getByRole('button', { name: 'Connect' }));
    await acceptPermissions(user);
    await flush();
    const d = dialog();
    expect(within(d).getByText('Finish signing in to Atlassian in the sign-in window')).toBeInTheDocument();
    expect(
      within(d).getByText('If Atlassian shows an error instead of a sign-in page, close that window: ConnectDesk will tell you what to check.'),
    ).toBeInTheDocument();
    expect(within(d).getByRole('button', { name: 'Show the Atlassian window' })).toHaveClass('btn-secondary');

    await finishSignIn(fake);
    expect(currentStep()).toContain('Site');
    expect(within(d).queryByRole('button', { name: 'Cancel sign-in' })).not.toBeInTheDocument();
    await user.click(within(d).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('connections:cancel-authorization')).toEqual([{ attemptId: 'attempt-1' }]);
    await flush();
    expect(currentStep()).toContain('Settings');
  });

  it('the scopes disclosure says Hide when expanded', async () => {
    const { user } = renderApp();
    await openSettings(user);
    const d = dialog();
    const show = within(d).getByRole('button', { name: 'Show all Confluence scopes' });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    await user.click(show);
    expect(show).toHaveAttribute('aria-expanded', 'true');
    expect(show).toHaveAccessibleName('Hide other Confluence scopes');
    await user.click(show);
    expect(show).toHaveAccessibleName('Show all Confluence scopes');
  });
});

describe('state that survives a restart', () => {
  const folders = [
    { id: 'shared', name: 'Shared', parentId: null, createdAt: '2025-01-01T00:00:00Z', connectionCount: 0 },
    { id: 'eng', name: 'Engineering', parentId: null, createdAt: '2025-01-02T00:00:00Z', connectionCount: 0 },
  ];

  it('remembers the selected folder and restores it on the next start', async () => {
    const { user, unmount } = renderApp({ folders });
    const nav = await screen.findByRole('navigation', { name: 'Folders' });
    await user.click(await within(nav).findByRole('button', { name: 'Engineering' }));
    expect(localStorage.getItem(SELECTED_FOLDER_KEY)).toBe('eng');
    unmount();

    renderApp({ folders });
    expect(await screen.findByRole('heading', { level: 1, name: 'Engineering' })).toBeInTheDocument();
  });

  it('falls back to the first folder when the remembered one is gone', async () => {
    localStorage.setItem(SELECTED_FOLDER_KEY, 'deleted-folder');
    renderApp({ folders });
    expect(await screen.findByRole('heading', { level: 1, name: 'Shared' })).toBeInTheDocument();
  });
});
