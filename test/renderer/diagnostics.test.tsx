// @vitest-environment happy-dom
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../main/core/errors/error-catalogue';
import type { ConnectionSummaryDto } from '../../preload/contract';
import { diagnosticsFor, type DiagnosticsScenario } from './fake-diagnostics-data';
import { InvokeError } from './fake-invoke-error';
import { makeConnection } from './fixtures';
import { renderApp } from './render-app';

const WIKI = makeConnection(1, 'shared', { name: 'Team wiki', status: 'connected' });

function setup(scenario: DiagnosticsScenario, connection: ConnectionSummaryDto = WIKI) {
  const app = renderApp({ connections: [connection] });
  app.fake.diagnostics.answers.set(connection.id, diagnosticsFor(connection, scenario));
  return app;
}

async function openDiagnostics(user: UserEvent, name = 'Team wiki') {
  await user.click(await screen.findByRole('button', { name: `More actions for ${name}` }));
  await user.click(await screen.findByRole('menuitem', { name: 'Diagnostics' }));
  const dialog = await screen.findByRole('dialog', { name: `Diagnostics: ${name}` });
  await within(dialog).findByRole('heading', { level: 3, name: 'HTTP trace' });
  return dialog;
}

const HEALTHY = /^Connected: Atlassian accepts this connection; the last check \(.+\) passed every step$/;

const section = (dialog: HTMLElement, title: string) => within(dialog).getByRole('region', { name: title });

describe('Diagnostics view', () => {
  it('opens from the row menu with the keyboard, says the connection is healthy first, and returns focus on close', async () => {
    const { fake, user } = setup('healthy');
    const trigger = await screen.findByRole('button', { name: 'More actions for Team wiki' });
    trigger.focus();
    await user.keyboard('{Enter}');
    await user.keyboard('{ArrowDown}');
    expect(await screen.findByRole('menuitem', { name: 'Diagnostics' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Diagnostics: Team wiki' });
    await waitFor(() => expect(dialog).toHaveFocus());
    const verdict = await within(dialog).findByRole('region', { name: HEALTHY });
    // Times in the verdict read in the user's locale, not as ISO strings.
    expect(verdict.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(fake.callsTo('diagnostics:get')).toEqual([{ connectionId: WIKI.id }]);
    // The verdict comes before every section.
    const headings = within(dialog).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual([
      expect.stringMatching(HEALTHY),
      'Connection & OAuth app',
      'Scopes',
      'Token timeline',
      'Last check',
      'Event history',
      'HTTP trace',
    ]);
    await user.keyboard('{Tab}');
    expect(within(dialog).getByRole('button', { name: 'Copy callback URL' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(trigger).toHaveFocus());
  });

  it('a missing scope: the cause and the catalogue fix first, what the scope breaks, and the failing call with X-Failure-Category', async () => {
    const { user } = setup('scope-missing');
    const dialog = await openDiagnostics(user);
    const verdict = within(dialog).getByRole('region', { name: /^Error: missing permission search:confluence/ });
    expect(verdict).toHaveTextContent('Missing permission: this needs the scope search:confluence.');
    expect(verdict).toHaveTextContent(errorCatalogue.SCOPE_MISSING.remediation);
    expect(verdict).toHaveTextContent('SCOPE_MISSING');
    expect(within(verdict).getByRole('button', { name: 'Reconnect' })).toBeInTheDocument();

    const scopes = section(dialog, 'Scopes');
    expect(scopes).toHaveTextContent('Atlassian did not grant this scope');
    expect(scopes).toHaveTextContent('Breaks: Search: finding pages and blog posts with CQL.');
    expect(within(scopes).getByRole('row', { name: /search:confluence/ })).toHaveTextContent('Granted: no');

    const trace = section(dialog, 'HTTP trace');
    expect(trace).toHaveTextContent('3 calls, 1 failed');
    const calls = within(trace).getAllByRole('button', { expanded: false }).concat(within(trace).getAllByRole('button', { expanded: true }));
    expect(calls).toHaveLength(3);
    // The newest failure starts open: its telling header and Atlassian's answer, in monospace.
    const failing = within(trace).getByRole('button', { expanded: true });
    expect(failing).toHaveTextContent('401');
    expect(failing).toHaveTextContent('/wiki/rest/api/search?cql=type%3Dpage&limit=1');
    expect(trace).toHaveTextContent('x-failure-category: FAILURE_CLIENT_SCOPE_CHECK');
    expect(within(trace).getByLabelText('Response body')).toHaveTextContent('"message": "Unauthorized; scope does not match"');

    // Another call opens with the keyboard.
    const ok = within(trace).getAllByRole('button', { expanded: false })[0]!;
    ok.focus();
    await user.keyboard('{Enter}');
    expect(ok).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard(' ');
    expect(ok).toHaveAttribute('aria-expanded', 'false');
  });

  it('a revoked grant: the fix is Reconnect, which opens the reconnect dialog', async () => {
    const { user } = setup('revoked-grant', { ...WIKI, status: 'needs-reconnect' });
    const dialog = await openDiagnostics(user);
    const verdict = within(dialog).getByRole('region', { name: `Needs reconnect: ${errorCatalogue.ATLASSIAN_INVALID_GRANT.message.replace(/\.$/, '')}` });
    expect(verdict).toHaveTextContent('Reconnect to sign in again.');
    // The headline already says the cause: it is not repeated.
    expect(within(verdict).queryByText('Cause')).not.toBeInTheDocument();
    await user.click(within(verdict).getByText('Technical detail'));
    expect(verdict).toHaveTextContent('Unknown or invalid refresh token.');
    // The timeline agrees with the verdict: the token was refused and the refresh it set off failed.
    const tokens = section(dialog, 'Token timeline');
    expect(tokens).toHaveTextContent(/Access token\s*Refused by Atlassian at .+ \(it would have expired at .+\)/);
    expect(tokens).toHaveTextContent(/Last refresh\s*Failed .+ — ATLASSIAN_INVALID_GRANT/);
    expect(tokens).not.toHaveTextContent('Valid until');
    expect(tokens).not.toHaveTextContent('Not refreshed yet');
    await user.click(within(verdict).getByRole('button', { name: 'Reconnect' }));
    expect(await screen.findByRole('dialog', { name: /Reconnect Team wiki/ })).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Diagnostics: Team wiki' })).not.toBeInTheDocument();
  });

  it('connection facts: masked client ID, where the secret comes from, and the callback URL with Copy', async () => {
    const { user } = setup('client-secret-rotated', { ...WIKI, authType: 'byo', clientIdMasked: '••••9f2c', status: 'needs-reconnect' });
    const dialog = await openDiagnostics(user);
    const facts = section(dialog, 'Connection & OAuth app');
    expect(facts).toHaveTextContent('Bring your own: Your OAuth app');
    expect(facts).toHaveTextContent('••••9f2c');
    expect(facts).toHaveTextContent('Typed at sign-in, stored encrypted');
    expect(facts).toHaveTextContent('https://api.atlassian.com/ex/confluence/cloud-labs');
    await user.click(within(facts).getByRole('button', { name: 'Copy callback URL' }));
    expect(await navigator.clipboard.readText()).toBe('http://localhost:47615/oauth/callback');
    expect(within(facts).getByText('callback URL copied')).toHaveAttribute('role', 'status');
    expect(within(dialog).getByRole('region', { name: /^Needs reconnect: Atlassian rejected the client ID or client secret/ })).toHaveTextContent(errorCatalogue.OAUTH_CLIENT_AUTH_FAILED.remediation);
  });

  it('token timeline: refresh-token idle days against 90 and consent age against 365, as meters with dates', async () => {
    const { user } = setup('healthy');
    const dialog = await openDiagnostics(user);
    const tokens = section(dialog, 'Token timeline');
    const meters = within(tokens).getAllByRole('meter');
    expect(meters.map((m) => m.getAttribute('aria-valuetext'))).toEqual(['12 of 90 days', '200 of 365 days']);
    expect(meters[1]).toHaveAttribute('aria-valuemax', '365');
    expect(tokens).toHaveTextContent('Valid until');
    expect(tokens).toHaveTextContent(/Ends .*\(in 78 days\)/);
  });

  it('token timeline after a refused client secret: the expired token and the failed refresh with its code', async () => {
    const { user } = setup('client-secret-rotated', { ...WIKI, authType: 'byo', status: 'needs-reconnect' });
    const dialog = await openDiagnostics(user);
    const tokens = section(dialog, 'Token timeline');
    expect(tokens).toHaveTextContent(/Access token\s*Expired/);
    expect(tokens).toHaveTextContent(/Last refresh\s*Failed .+ — OAUTH_CLIENT_AUTH_FAILED \(last success .+\)/);
  });

  it('token timeline: a failure only the status tells has no time; a valid token of a connection that needs reconnect is not used', async () => {
    const connection = { ...WIKI, status: 'needs-reconnect' as const };
    const app = renderApp({ connections: [connection] });
    const data = diagnosticsFor(connection, 'revoked-grant');
    app.fake.diagnostics.answers.set(connection.id, {
      ...data,
      tokens: { ...data.tokens, accessRefusedAt: null, lastRefreshFailure: { at: null, code: 'ATLASSIAN_INVALID_GRANT' } },
    });
    const dialog = await openDiagnostics(app.user);
    const tokens = section(dialog, 'Token timeline');
    expect(tokens).toHaveTextContent(/Access token\s*Valid until .+; not used until the connection is reconnected/);
    expect(tokens).toHaveTextContent(/Last refresh\s*Failed — ATLASSIAN_INVALID_GRANT/);
  });

  it('says so when nothing was recorded yet, and when there is no refresh token', async () => {
    const { user } = setup('no-history', { ...WIKI, hasRefreshToken: false, refreshIssuedAt: null });
    const dialog = await openDiagnostics(user);
    expect(section(dialog, 'HTTP trace')).toHaveTextContent('No calls recorded yet');
    expect(section(dialog, 'Event history')).toHaveTextContent('No events recorded yet');
    expect(section(dialog, 'Last check')).toHaveTextContent('No check has run yet');
    expect(section(dialog, 'Token timeline')).toHaveTextContent('No refresh token');
    expect(within(section(dialog, 'Token timeline')).getAllByRole('meter')).toHaveLength(1);
  });

  it('Refresh asks main again and shows the new state', async () => {
    const { fake, user } = setup('scope-missing');
    const dialog = await openDiagnostics(user);
    expect(within(dialog).getByRole('region', { name: /missing permission/ })).toBeInTheDocument();
    fake.diagnostics.answers.set(WIKI.id, diagnosticsFor(WIKI, 'healthy'));
    await user.click(within(dialog).getByRole('button', { name: 'Refresh' }));
    expect(await within(dialog).findByRole('region', { name: HEALTHY })).toBeInTheDocument();
    expect(fake.callsTo('diagnostics:get')).toHaveLength(2);
  });

  it('event history lists failures with their error code, newest first', async () => {
    const { user } = setup('scope-missing');
    const dialog = await openDiagnostics(user);
    const rows = within(section(dialog, 'Event history')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual([
      expect.stringContaining('Checked'),
      expect.stringContaining('Token refreshed'),
      expect.stringContaining('Created'),
    ]);
    expect(rows[0]).toHaveTextContent('Failed');
    expect(rows[0]).toHaveTextContent('SCOPE_MISSING');
  });

  it('when main cannot collect diagnostics: the error with Try again', async () => {
    const { fake, user } = setup('healthy');
    fake.diagnostics.answers.set(WIKI.id, new InvokeError({ code: 'NOT_FOUND', message: 'That connection no longer exists.', remediation: 'Refresh the list and try again.' }));
    await user.click(await screen.findByRole('button', { name: 'More actions for Team wiki' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Diagnostics' }));
    const dialog = await screen.findByRole('dialog', { name: 'Diagnostics: Team wiki' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Diagnostics could not be collected');
    fake.diagnostics.answers.set(WIKI.id, diagnosticsFor(WIKI, 'healthy'));
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(await within(dialog).findByRole('region', { name: HEALTHY })).toBeInTheDocument();
  });
});
