// @vitest-environment happy-dom
import './setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultScopes, makeConnection } from './fixtures';
import { renderApp } from './render-app';

const bodyRows = () => {
  const table = screen.getByRole('table', { name: 'Connections in Shared' });
  return within(table).getAllByRole('row').slice(1);
};

describe('connections list', () => {
  it('shows an empty state with the Add connection call to action', async () => {
    renderApp();
    expect(await screen.findByText('No connections in this folder yet')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Add connection' })).toHaveLength(1);
    expect(screen.getByRole('tab', { name: 'Connections' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Credential assets' })).toBeInTheDocument();
  });

  it('renders rows with name, connector, status, site, account, scopes and last activity', async () => {
    renderApp({ connections: [makeConnection(0, 'shared'), makeConnection(3, 'shared')] });
    const table = await screen.findByRole('table', { name: 'Connections in Shared' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Name', 'Connector', 'Status', 'Site', 'Account', 'Scopes', 'Last activity', 'Actions']);
    const rows = bodyRows();
    expect(rows).toHaveLength(2);
    const reconnect = rows.find((r) => within(r).queryByText('Confluence 00003'));
    expect(reconnect).toBeDefined();
    const cells = within(reconnect!).getAllByRole('cell');
    expect(cells[1]).toHaveTextContent('Confluence Cloud');
    expect(cells[2]).toHaveTextContent('Needs reconnect');
    expect(cells[3]).toHaveTextContent('Acme Labs');
    expect(cells[4]).toHaveTextContent('Dana Demo');
    expect(cells[5]).toHaveTextContent(`${defaultScopes.length} scopes`);
    expect(cells[6]).toHaveTextContent('Never used');
    expect(within(reconnect!).getByRole('button', { name: 'More actions for Confluence 00003' })).toBeInTheDocument();
  });

  it('filters as you type by name, site and status, and sorts by column', async () => {
    const connections = Array.from({ length: 12 }, (_, i) => makeConnection(i, 'shared'));
    const { user } = renderApp({ connections });
    await screen.findByRole('table');
    const filter = screen.getByRole('textbox', { name: 'Filter connections' });

    await user.type(filter, 'labs');
    expect(bodyRows().every((r) => within(r).queryByText('Acme Labs'))).toBe(true);
    expect(bodyRows()).toHaveLength(6);

    await user.clear(filter);
    await user.type(filter, 'needs reconnect');
    expect(bodyRows().map((r) => r.querySelector('.pill')?.textContent)).toEqual(['Needs reconnect', 'Needs reconnect']);

    await user.clear(filter);
    await user.type(filter, '00011');
    expect(bodyRows()).toHaveLength(1);

    await user.clear(filter);
    await user.type(filter, 'nothing like this');
    expect(screen.getByText('No connections match “nothing like this”')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(bodyRows()).toHaveLength(12);

    const nameHeader = screen.getByRole('columnheader', { name: 'Name' });
    await user.click(within(nameHeader).getByRole('button'));
    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(within(bodyRows()[0]!).getByText('Confluence 00000')).toBeInTheDocument();
    await user.click(within(nameHeader).getByRole('button'));
    expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    expect(within(bodyRows()[0]!).getByText('Confluence 00011')).toBeInTheDocument();
  });

  it('keeps 10,000 rows virtual: only a window of rows is in the DOM', async () => {
    const connections = Array.from({ length: 10_000 }, (_, i) => makeConnection(i, 'shared'));
    const { user } = renderApp({ connections });
    const table = await screen.findByRole('table');
    expect(table).toHaveAttribute('aria-rowcount', '10001');
    const rendered = bodyRows();
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    await user.type(screen.getByRole('textbox', { name: 'Filter connections' }), '09999');
    expect(bodyRows()).toHaveLength(1);
    expect(screen.getByText(`1 of ${(10_000).toLocaleString()}`)).toBeInTheDocument();
  });

  it('checks a connection from the More actions menu and shows the steps', async () => {
    const { fake, user } = renderApp({ connections: [makeConnection(6, 'shared')] });
    await user.click(await screen.findByRole('button', { name: 'More actions for Confluence 00006' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Check connection' }));
    const dialog = await screen.findByRole('dialog', { name: 'Check “Confluence 00006”' });
    expect(await within(dialog).findByText('The connection works.')).toBeInTheDocument();
    expect(within(dialog).getByRole('list', { name: 'Check steps' }).children).toHaveLength(4);
    expect(fake.callsTo('connections:check')).toEqual([{ connectionId: 'conn-shared-6' }]);
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // The row took the checked status (it was Checking), and focus is back on its menu button.
    expect(within(bodyRows()[0]!).getAllByRole('cell')[2]).toHaveTextContent('Connected');
    await waitFor(() => expect(screen.getByRole('button', { name: 'More actions for Confluence 00006' })).toHaveFocus());
  });

  it('refreshes the list on connections:changed', async () => {
    const { fake } = renderApp({ connections: [makeConnection(1, 'shared')] });
    await screen.findByRole('table');
    fake.connections.push(makeConnection(2, 'shared'));
    await act(async () => {
      fake.emit('connections:changed', { folderId: 'shared' });
      await new Promise((r) => setTimeout(r, 10));
    });
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
  });
});
