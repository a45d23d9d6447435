// @vitest-environment happy-dom
import './setup';
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConnectionDiagnosticsDto, ConnectionSummaryDto } from '../../preload/contract';
import { formatDateTime } from '../../renderer/src/features/connections/relative-time';
import { dialog, openSettings } from './add-connection-helpers';
import { diagnosticsFor } from './fake-diagnostics-data';
import { makeConnection } from './fixtures';
import { renderApp } from './render-app';

/** Findings of the third review (a walk through the browser shell): each case is one of them. */
const WIKI = makeConnection(1, 'shared', { name: 'Team wiki', status: 'connected' });

async function openDiagnostics(user: UserEvent, name = 'Team wiki') {
  await user.click(await screen.findByRole('button', { name: `More actions for ${name}` }));
  await user.click(await screen.findByRole('menuitem', { name: 'Diagnostics' }));
  const found = await screen.findByRole('dialog', { name: `Diagnostics: ${name}` });
  await within(found).findByRole('heading', { level: 3, name: 'HTTP trace' });
  return found;
}

function withDiagnostics(change: (data: ConnectionDiagnosticsDto) => ConnectionDiagnosticsDto, connection: ConnectionSummaryDto = WIKI) {
  const app = renderApp({ connections: [connection] });
  app.fake.diagnostics.answers.set(connection.id, change(diagnosticsFor(connection, 'healthy')));
  return app;
}

describe('HTTP trace: a masked client ID reads the same on the row and in the details', () => {
  it('the row shows the URL as main recorded it, not percent-encoded by the browser', async () => {
    const authorize = 'https://auth.atlassian.com/authorize?audience=api.atlassian.com&client_id=••••-app&scope=read%3Aconfluence-space.summary';
    const { user } = withDiagnostics((data) => ({
      ...data,
      traces: [
        {
          id: 'sign-in',
          at: new Date().toISOString(),
          attemptId: 'attempt-1',
          operation: 'authorize',
          method: 'GET',
          url: authorize,
          status: 302,
          durationMs: 900,
          requestHeaders: {},
          responseHeaders: {},
          requestBody: null,
          responseBody: null,
        },
      ],
    }));
    const trace = within(await openDiagnostics(user)).getByRole('region', { name: 'HTTP trace' });
    const row = within(trace).getByRole('button', { expanded: false });
    expect(row).toHaveTextContent('/authorize?audience=api.atlassian.com&client_id=••••-app&scope=read%3Aconfluence-space.summary');
    expect(row).toHaveTextContent('https://auth.atlassian.com');
    expect(row.textContent).not.toContain('%E2%80%A2');
    await user.click(row);
    expect(trace).toHaveTextContent(`GET ${authorize}`);
  });

  it('a Confluence call keeps the gateway prefix on the muted line and the query in front', async () => {
    const url = 'https://api.atlassian.com/ex/confluence/cloud-acme/wiki/rest/api/search?cql=type%3Dpage&limit=1';
    const { user } = withDiagnostics((data) => ({ ...data, traces: [{ ...data.traces[0]!, id: 'search', url, operation: 'api' }] }));
    const trace = within(await openDiagnostics(user)).getByRole('region', { name: 'HTTP trace' });
    const row = within(trace).getByRole('button', { expanded: false });
    expect(row.querySelector('.trace-path')).toHaveTextContent(/^\/wiki\/rest\/api\/search\?cql=type%3Dpage&limit=1$/);
    expect(row.querySelector('.trace-origin')).toHaveTextContent(/^https:\/\/api\.atlassian\.com\/ex\/confluence\/cloud-acme$/);
  });
});

describe('Diagnostics environment line', () => {
  it('does not repeat the ID when the label already says it', async () => {
    const { user } = withDiagnostics((data) => ({ ...data, environment: { ...data.environment, id: 'sandbox', label: 'Sandbox (local Atlassian)' } }));
    const facts = within(await openDiagnostics(user)).getByRole('region', { name: 'Connection & OAuth app' });
    const environment = within(facts).getByText('Environment').nextElementSibling!;
    expect(environment.textContent).toBe('Sandbox (local Atlassian)');
  });

  it('adds the ID when the label does not say it', async () => {
    const { user } = withDiagnostics((data) => data);
    const facts = within(await openDiagnostics(user)).getByRole('region', { name: 'Connection & OAuth app' });
    expect(within(facts).getByText('Environment').nextElementSibling!.textContent).toBe('Atlassian Cloud (atlassian-cloud)');
  });
});

describe('status reasons with an exact time', () => {
  it('the row shows the time as the rest of the app does, not as ISO', async () => {
    const expiresAt = '2026-12-04T10:48:00.000Z';
    renderApp({
      connections: [
        makeConnection(2, 'shared', {
          name: 'No refresh',
          status: 'expiring-soon',
          statusReason: {
            code: 'TOKEN_EXPIRED',
            message: `Atlassian issued no refresh token, so this connection stops working at ${expiresAt}.`,
            remediation: 'Reconnect with Stay connected (offline_access) selected.',
          },
        }),
      ],
    });
    const table = await screen.findByRole('table');
    const reason = within(table).getByText(`Atlassian issued no refresh token, so this connection stops working at ${formatDateTime(expiresAt)}.`);
    expect(reason.getAttribute('title')).toContain(formatDateTime(expiresAt));
    expect(table.textContent).not.toContain(expiresAt);
    // The fix for it sits under the pill, next to the reason.
    expect(reason.parentElement).toContainElement(within(table).getByRole('button', { name: 'Reconnect No refresh' }));
  });
});

describe('the client secret’s options', () => {
  it('are on a labelled button, and offer only the way not in use', async () => {
    const { user } = renderApp();
    await openSettings(user);
    const d = dialog();
    await user.click(within(d).getByRole('radio', { name: 'Bring your own OAuth 2.0 app' }));
    const options = within(d).getByRole('button', { name: 'Secret options' });
    // Visible words, not an unlabelled "…", and a tooltip saying what is in it.
    expect(options).toHaveTextContent('Secret options');
    expect(options).toHaveAttribute('title', expect.stringMatching(/^Secret options: .*credential asset/));

    await user.click(options);
    expect(await screen.findByRole('menuitem', { name: 'Use credential asset' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Type a secret' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Use credential asset' }));

    await user.click(within(d).getByRole('button', { name: 'Secret options' }));
    expect(await screen.findByRole('menuitem', { name: 'Type a secret' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Use credential asset' })).not.toBeInTheDocument();
  });
});
