// @vitest-environment happy-dom
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FolderDto } from '../../preload/contract';
import { makeConnection } from './fixtures';
import { renderApp } from './render-app';

const folder = (id: string, name: string, parentId: string | null): FolderDto => ({ id, name, parentId, createdAt: '2025-01-01T00:00:00Z', connectionCount: 0 });
const folders = () => [
  folder('shared', 'Shared', null),
  folder('eng', 'Engineering', null),
  folder('docs', 'Docs team', 'eng'),
  folder('api', 'API docs', 'docs'),
  folder('ops', 'Operations', null),
];

async function folderAction(user: UserEvent, name: string, action: string) {
  await user.click(await screen.findByRole('button', { name: `More actions for folder ${name}` }));
  await user.click(await screen.findByRole('menuitem', { name: action }));
}

describe('folder actions', () => {
  it('collapses and expands a folder with subfolders, by mouse and by arrow keys', async () => {
    const { user } = renderApp({ folders: folders() });
    await screen.findByRole('button', { name: 'Docs team' });
    await user.click(screen.getByRole('button', { name: 'Collapse Engineering' }));
    expect(screen.queryByRole('button', { name: 'Docs team' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Expand Engineering' })).toHaveAttribute('aria-expanded', 'false');
    screen.getByRole('button', { name: 'Engineering' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Docs team' })).toBeInTheDocument();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'Docs team' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'Engineering' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.queryByRole('button', { name: 'Docs team' })).not.toBeInTheDocument();
  });

  it('renames a folder from its menu, from the keyboard, and returns focus to the menu button', async () => {
    const { fake, user } = renderApp({ folders: folders() });
    const trigger = await screen.findByRole('button', { name: 'More actions for folder Operations' });
    trigger.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('menuitem', { name: 'Rename' });
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Rename “Operations”' });
    const input = within(dialog).getByLabelText('Folder name');
    expect(input).toHaveValue('Operations');
    await user.clear(input);
    await user.type(input, 'Ops & support{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('folders:rename')).toEqual([{ folderId: 'ops', name: 'Ops & support' }]);
    expect(screen.getByRole('button', { name: 'Ops & support' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'More actions for folder Ops & support' })).toHaveFocus());
  });

  it('shows a rename clash from main inline', async () => {
    const { user } = renderApp({ folders: folders() });
    await folderAction(user, 'Operations', 'Rename');
    const dialog = await screen.findByRole('dialog', { name: 'Rename “Operations”' });
    await user.clear(within(dialog).getByLabelText('Folder name'));
    await user.type(within(dialog).getByLabelText('Folder name'), 'Engineering');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('FOLDER_EXISTS');
  });

  it('creates a subfolder with the parent preselected', async () => {
    const { fake, user } = renderApp({ folders: folders() });
    await folderAction(user, 'Operations', 'New subfolder');
    const dialog = await screen.findByRole('dialog', { name: 'New subfolder' });
    expect(within(dialog).getByLabelText('Parent folder')).toHaveValue('ops');
    await user.type(within(dialog).getByLabelText('Folder name'), 'On-call');
    await user.click(within(dialog).getByRole('button', { name: 'Create folder' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('folders:create')).toEqual([{ name: 'On-call', parentId: 'ops' }]);
    const created = screen.getByRole('button', { name: 'On-call' });
    expect(screen.getByRole('button', { name: 'Operations' }).closest('li')).toContainElement(created);
  });

  it('moves a folder; the folder itself and its descendants are not offered', async () => {
    const { fake, user } = renderApp({ folders: folders() });
    await folderAction(user, 'Engineering', 'Move');
    const dialog = await screen.findByRole('dialog', { name: 'Move “Engineering”' });
    const select = within(dialog).getByLabelText('New parent folder');
    const offered = within(select).getAllByRole('option').map((o) => o.textContent?.trim());
    expect(offered).toEqual(['None (top level)', 'Operations', 'Shared']);
    await user.selectOptions(select, 'ops');
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('folders:move')).toEqual([{ folderId: 'eng', parentId: 'ops' }]);
    expect(screen.getByRole('button', { name: 'Operations' }).closest('li')).toContainElement(screen.getByRole('button', { name: 'Engineering' }));
  });

  it('moves a subfolder to the top level', async () => {
    const { fake, user } = renderApp({ folders: folders() });
    await folderAction(user, 'Docs team', 'Move');
    const dialog = await screen.findByRole('dialog', { name: 'Move “Docs team”' });
    await user.selectOptions(within(dialog).getByLabelText('New parent folder'), '');
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(fake.callsTo('folders:move')).toEqual([{ folderId: 'docs', parentId: null }]));
  });

  it('deletes a folder holding connections, moving them to its parent', async () => {
    const connections = [makeConnection(0, 'docs'), makeConnection(1, 'api')];
    const { fake, user } = renderApp({ folders: folders(), connections });
    await folderAction(user, 'Docs team', 'Delete');
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Docs team”?' });
    expect(dialog).toHaveTextContent('The folder and its 1 subfolder are removed. Together they hold 2 connections.');
    expect(within(dialog).getByRole('radio', { name: 'Move its connections to Engineering' })).toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('folders:delete')).toEqual([{ folderId: 'docs', connections: 'move-to-parent' }]);
    expect(fake.connections.map((c) => c.folderId)).toEqual(['eng', 'eng']);
    expect(screen.queryByRole('button', { name: 'Docs team' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'API docs' })).not.toBeInTheDocument();
  });

  it('deletes a top-level folder and its connections too when chosen; the parent offered is Shared', async () => {
    const { fake, user } = renderApp({ folders: folders(), connections: [makeConnection(0, 'ops')] });
    await user.click(await screen.findByRole('button', { name: 'Operations' }));
    await folderAction(user, 'Operations', 'Delete');
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Operations”?' });
    expect(within(dialog).getByRole('radio', { name: 'Move its connections to Shared' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: 'Delete its connections too' }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('folders:delete')).toEqual([{ folderId: 'ops', connections: 'delete' }]);
    expect(fake.connections).toHaveLength(0);
    // The selection moved away from the deleted folder.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).not.toHaveTextContent('Operations'));
  });

  it('deletes an empty folder without asking about connections', async () => {
    const { fake, user } = renderApp({ folders: folders() });
    await folderAction(user, 'Operations', 'Delete');
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Operations”?' });
    expect(within(dialog).queryByRole('radio')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(fake.callsTo('folders:delete')).toEqual([{ folderId: 'ops' }]));
  });

  it('offers no Delete for the Shared folder', async () => {
    const { user } = renderApp({ folders: folders() });
    await user.click(await screen.findByRole('button', { name: 'More actions for folder Shared' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Rename', 'New subfolder', 'Move', 'Export folder…']);
  });
});
