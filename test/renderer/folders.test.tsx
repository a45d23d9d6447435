// @vitest-environment happy-dom
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';

describe('folders', () => {
  it('lists folders with nesting and selects the first root (Shared) on first run', async () => {
    renderApp({
      folders: [
        { id: 'shared', name: 'Shared', parentId: null, createdAt: '2025-01-01T00:00:00Z', connectionCount: 0 },
        { id: 'team', name: 'Team docs', parentId: 'shared', createdAt: '2025-01-02T00:00:00Z', connectionCount: 0 },
      ],
    });
    const nav = await screen.findByRole('navigation', { name: 'Folders' });
    const shared = await within(nav).findByRole('button', { name: 'Shared' });
    expect(shared).toHaveAttribute('aria-current', 'page');
    const team = within(nav).getByRole('button', { name: 'Team docs' });
    // Nested under Shared: inside Shared's list item, indented further.
    expect(shared.closest('li')).toContainElement(team);
    expect(team.closest<HTMLElement>('.folder-row')?.style.paddingInlineStart).toBe('20px');
    expect(await screen.findByRole('heading', { level: 1, name: 'Shared' })).toBeInTheDocument();
  });

  it('creates a folder under a parent and selects it', async () => {
    const { fake, user } = renderApp();
    await screen.findByRole('button', { name: 'Shared' });
    await user.click(screen.getByRole('button', { name: 'New folder' }));
    const dialog = await screen.findByRole('dialog', { name: 'New folder' });
    await user.type(within(dialog).getByLabelText('Folder name'), 'Marketing');
    await user.selectOptions(within(dialog).getByLabelText('Parent folder'), 'shared');
    await user.click(within(dialog).getByRole('button', { name: 'Create folder' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('folders:create')).toEqual([{ name: 'Marketing', parentId: 'shared' }]);
    const created = screen.getByRole('button', { name: 'Marketing' });
    expect(created).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 1, name: 'Marketing' })).toBeInTheDocument();
  });

  it('New folder preselects the selected folder as the parent', async () => {
    const { fake, user } = renderApp({
      folders: [
        { id: 'shared', name: 'Shared', parentId: null, createdAt: '2025-01-01T00:00:00Z', connectionCount: 0 },
        { id: 'eng', name: 'Engineering', parentId: null, createdAt: '2025-01-02T00:00:00Z', connectionCount: 0 },
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Engineering' }));
    await user.click(screen.getByRole('button', { name: 'New folder' }));
    const dialog = await screen.findByRole('dialog', { name: 'New folder' });
    expect(within(dialog).getByLabelText('Parent folder')).toHaveValue('eng');
    await user.type(within(dialog).getByLabelText('Folder name'), 'Platform');
    await user.click(within(dialog).getByRole('button', { name: 'Create folder' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('folders:create')).toEqual([{ name: 'Platform', parentId: 'eng' }]);
  });

  it('shows a missing name and an error from main inline, keeping the dialog open', async () => {
    const { fake, user } = renderApp();
    await screen.findByRole('button', { name: 'Shared' });
    await user.click(screen.getByRole('button', { name: 'New folder' }));
    const dialog = await screen.findByRole('dialog', { name: 'New folder' });

    await user.click(within(dialog).getByRole('button', { name: 'Create folder' }));
    expect(within(dialog).getByText('Enter a folder name')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Folder name')).toHaveAttribute('aria-invalid', 'true');
    expect(fake.callsTo('folders:create')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Folder name'), 'Shared');
    await user.selectOptions(within(dialog).getByLabelText('Parent folder'), 'None (top level)');
    await user.click(within(dialog).getByRole('button', { name: 'Create folder' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('A folder named “Shared” already exists here.');
    expect(alert).toHaveTextContent('Choose another name.');
    expect(alert).toHaveTextContent('FOLDER_EXISTS');
    expect(within(dialog).getByLabelText('Folder name')).toHaveValue('Shared');
  });
});
