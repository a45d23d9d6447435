// @vitest-environment happy-dom
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FolderDto } from '../../preload/contract';
import { captureDownloads } from './captured-downloads';
import { FakeBackups } from './fake-backup-ops';
import { renderApp } from './render-app';

const PASSPHRASE = 'orbit candle meadow';
const folder = (id: string, name: string, parentId: string | null): FolderDto => ({ id, name, parentId, createdAt: '2025-01-01T00:00:00Z', connectionCount: 0 });
const folders = [folder('shared', 'Shared', null), folder('eng', 'Engineering', null), folder('docs', 'Docs team', 'eng')];

const downloads = captureDownloads();
// The spies a test makes itself (scrollIntoView).
afterEach(() => vi.restoreAllMocks());

async function openBackupDialog(user: UserEvent, button: 'Export…' | 'Import…') {
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  const settings = await screen.findByRole('dialog', { name: 'Settings' });
  expect(within(settings).getByRole('heading', { name: 'Backups' })).toBeInTheDocument();
  await user.click(within(settings).getByRole('button', { name: button }));
  return screen.findByRole('dialog', { name: button === 'Export…' ? 'Export backup' : 'Import backup' });
}

async function chooseFile(user: UserEvent, dialog: HTMLElement, content: string, name = 'connectdesk-eng-2026-12-03.age') {
  const input = dialog.querySelector<HTMLInputElement>('input[type="file"]')!;
  expect(input).toHaveAttribute('accept', '.age');
  await user.upload(input, new File([Uint8Array.from(atob(content), (c) => c.charCodeAt(0))], name));
}

describe('export backup', () => {
  it('asks for a 12-character passphrase twice, encrypts busily, saves the file and says what is in it', async () => {
    const { fake, user } = renderApp({ folders });
    const d = await openBackupDialog(user, 'Export…');
    expect(within(d).getByRole('radio', { name: 'Everything' })).toBeChecked();
    expect(within(d).getByText(/At least 12 characters/)).toBeInTheDocument();

    await user.type(within(d).getByLabelText('Passphrase'), 'too short');
    await user.click(within(d).getByRole('button', { name: 'Export' }));
    expect(within(d).getByText('Use at least 12 characters (this one has 9)')).toBeInTheDocument();
    expect(within(d).getByText('Type the passphrase again')).toBeInTheDocument();
    await user.clear(within(d).getByLabelText('Passphrase'));
    await user.type(within(d).getByLabelText('Passphrase'), PASSPHRASE);
    await user.type(within(d).getByLabelText('Confirm passphrase'), `${PASSPHRASE}!`);
    await user.click(within(d).getByRole('button', { name: 'Export' }));
    expect(within(d).getByText('The two passphrases do not match')).toBeInTheDocument();
    expect(fake.callsTo('backup:export')).toEqual([]);

    await user.type(within(d).getByLabelText('Confirm passphrase'), '{Backspace}');
    fake.backups.exportDelayMs = 50;
    await user.click(within(d).getByRole('button', { name: 'Export' }));
    expect(within(d).getByRole('button', { name: 'Encrypting…' })).toHaveAttribute('aria-busy', 'true');
    expect(await within(d).findByText(/connectdesk-backup-2026-12-03\.age/)).toBeInTheDocument();
    expect(within(d).getByRole('status')).toHaveTextContent(
      'Saved connectdesk-backup-2026-12-03.age — 3 connections, 2 folders, 1 credential asset.Keep the passphrase: without it the backup cannot be opened.',
    );
    expect(fake.callsTo('backup:export')).toEqual([{ scope: { kind: 'all' }, passphrase: PASSPHRASE }]);
    expect(downloads.map((x) => x.fileName)).toEqual(['connectdesk-backup-2026-12-03.age']);
    expect(new TextDecoder().decode(await downloads[0]!.blob.arrayBuffer())).toBe(atob(FakeBackups.fileFor(PASSPHRASE)));

    expect(within(d).getByRole('button', { name: 'Done' })).toHaveFocus();
    await user.click(within(d).getByRole('button', { name: 'Save again' }));
    expect(downloads).toHaveLength(2);
    await user.click(within(d).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Export backup' })).not.toBeInTheDocument());
  });

  it('exports one folder from the folder menu, preset to that folder', async () => {
    const { fake, user } = renderApp({ folders });
    await user.click(await screen.findByRole('button', { name: 'More actions for folder Engineering' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Export folder…' }));
    const d = await screen.findByRole('dialog', { name: 'Export backup' });
    expect(within(d).getByRole('radio', { name: 'One folder' })).toBeChecked();
    expect(within(d).getByRole('combobox', { name: 'Folder' })).toHaveValue('eng');
    await user.type(within(d).getByLabelText('Passphrase'), PASSPHRASE);
    await user.type(within(d).getByLabelText('Confirm passphrase'), `${PASSPHRASE}{Enter}`);
    expect(await within(d).findByText(/connectdesk-eng-2026-12-03\.age/)).toBeInTheDocument();
    expect(fake.callsTo('backup:export')).toEqual([{ scope: { kind: 'folder', folderId: 'eng' }, passphrase: PASSPHRASE }]);
    await user.click(within(d).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'More actions for folder Engineering' })).toHaveFocus());
  });
});

describe('import backup', () => {
  it('keeps the file and passphrase after a wrong passphrase, previews, asks about conflicts, imports', async () => {
    const { fake, user } = renderApp({ folders });
    fake.backups.contents = {
      ...fake.backups.contents,
      conflicts: [
        { kind: 'connection', id: 'conn-1', name: 'Team wiki', existingName: 'Team wiki' },
        { kind: 'folder', id: 'eng', name: 'Engineering', existingName: 'Eng' },
      ],
    };
    const d = await openBackupDialog(user, 'Import…');
    await user.click(within(d).getByRole('button', { name: 'Preview' }));
    expect(within(d).getByText('Choose a backup file')).toBeInTheDocument();
    expect(within(d).getByText('Enter the passphrase')).toBeInTheDocument();

    await chooseFile(user, d, FakeBackups.fileFor(PASSPHRASE));
    expect(within(d).getByText(/connectdesk-eng-2026-12-03\.age \(\d+ bytes\)/)).toBeInTheDocument();
    await user.type(within(d).getByLabelText('Passphrase'), 'not the passphrase');
    await user.click(within(d).getByRole('button', { name: 'Preview' }));
    const alert = await within(d).findByRole('alert');
    expect(alert).toHaveTextContent('The passphrase does not open this backup.');
    expect(alert).toHaveTextContent('BACKUP_UNREADABLE');
    expect(within(d).getByText(/connectdesk-eng-2026-12-03\.age/)).toBeInTheDocument();
    expect(within(d).getByLabelText('Passphrase')).toHaveValue('not the passphrase');

    await user.clear(within(d).getByLabelText('Passphrase'));
    await user.type(within(d).getByLabelText('Passphrase'), `${PASSPHRASE}{Enter}`);
    const heading = await within(d).findByRole('heading', { name: 'What connectdesk-eng-2026-12-03.age holds' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(within(d).getByText('ConnectDesk 1.4.0')).toBeInTheDocument();
    expect(within(d).getByText('The folder “Engineering” with its subfolders')).toBeInTheDocument();
    const connections = within(d).getByRole('region', { name: 'Connections in the backup' });
    expect(within(connections).getByText('Team wiki')).toBeInTheDocument();
    expect(within(connections).getByText(/Acme Wiki · acme\.atlassian\.net · in Engineering/)).toBeInTheDocument();
    expect(within(within(d).getByRole('region', { name: 'Credential assets in the backup' })).getByText('Ops app secret')).toBeInTheDocument();
    expect(within(d).getByText('2 items in this backup already exist here')).toBeInTheDocument();
    expect(within(d).getByText('Connection “Team wiki” is already here')).toBeInTheDocument();
    expect(within(d).getByText('Folder “Engineering” is here as “Eng”')).toBeInTheDocument();

    expect(within(d).getByRole('radio', { name: 'Skip' })).toBeChecked();
    await user.click(within(d).getByRole('radio', { name: 'Keep both' }));
    await user.click(within(d).getByRole('button', { name: 'Import' }));
    expect(await within(d).findByText('Backup imported')).toBeInTheDocument();
    expect(within(d).getByText('2 connections added.')).toBeInTheDocument();
    expect(within(d).getByText(/1 item was given a name ending in “\(imported\)”/)).toBeInTheDocument();
    expect(fake.callsTo('backup:import')).toEqual([{ previewId: 'preview-1', conflicts: 'keep-both' }]);

    await user.click(within(d).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Import backup' })).not.toBeInTheDocument());
    // Imported: nothing left to discard.
    expect(fake.callsTo('backup:discard')).toEqual([]);
  });

  it('preselects Skip for conflicts, so Import is never a silent no-op; a failed import shows its error by the buttons, brought into view', async () => {
    const { fake, user } = renderApp({ folders });
    fake.backups.contents = { ...fake.backups.contents, conflicts: [{ kind: 'connection', id: 'conn-1', name: 'Team wiki', existingName: 'Team wiki' }] };
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => undefined);
    const d = await openBackupDialog(user, 'Import…');
    await chooseFile(user, d, FakeBackups.fileFor(PASSPHRASE));
    await user.type(within(d).getByLabelText('Passphrase'), `${PASSPHRASE}{Enter}`);
    await within(d).findByRole('heading', { name: /holds$/ });
    expect(within(d).getByRole('radio', { name: 'Skip' })).toBeChecked();

    fake.backups.failNextImport = { code: 'STORE_LOCKED', message: 'The store is locked.', remediation: 'Unlock it, then import again.' };
    await user.click(within(d).getByRole('button', { name: 'Import' }));
    const alert = await within(d).findByRole('alert');
    expect(alert).toHaveTextContent('The store is locked.');
    // Last in the form, after the conflict choice (next to the footer), and scrolled into view.
    const choice = within(d).getByRole('radiogroup');
    expect(choice.compareDocumentPosition(alert) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(scrolled.mock.contexts.some((element) => (element as HTMLElement).contains(alert))).toBe(true);

    await user.click(within(d).getByRole('button', { name: 'Import' }));
    expect(await within(d).findByText('Backup imported')).toBeInTheDocument();
    expect(fake.callsTo('backup:import')).toEqual([
      { previewId: 'preview-1', conflicts: 'skip' },
      { previewId: 'preview-1', conflicts: 'skip' },
    ]);
  });

  it('says when a file is not a backup, and discards the preview on Cancel, Back and Esc', async () => {
    const { fake, user } = renderApp({ folders });
    let d = await openBackupDialog(user, 'Import…');
    await chooseFile(user, d, btoa('just a text file'), 'notes.age');
    await user.type(within(d).getByLabelText('Passphrase'), PASSPHRASE);
    await user.click(within(d).getByRole('button', { name: 'Preview' }));
    expect(await within(d).findByRole('alert')).toHaveTextContent('This file is not a ConnectDesk backup');

    await chooseFile(user, d, FakeBackups.fileFor(PASSPHRASE));
    await user.click(within(d).getByRole('button', { name: 'Preview' }));
    expect(await within(d).findByText('Nothing in it exists here yet: everything is added.')).toBeInTheDocument();
    expect(within(d).queryByRole('radio')).not.toBeInTheDocument();
    await user.click(within(d).getByRole('button', { name: 'Back' }));
    expect(within(d).getByLabelText('Passphrase')).toHaveValue(PASSPHRASE);
    await user.click(within(d).getByRole('button', { name: 'Preview' }));
    await within(d).findByRole('button', { name: 'Import' });
    await user.click(within(d).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.callsTo('backup:discard')).toEqual([{ previewId: 'preview-1' }, { previewId: 'preview-2' }]));

    d = await screen.findByRole('dialog', { name: 'Settings' });
    await user.click(within(d).getByRole('button', { name: 'Import…' }));
    d = await screen.findByRole('dialog', { name: 'Import backup' });
    await chooseFile(user, d, FakeBackups.fileFor(PASSPHRASE));
    await user.type(within(d).getByLabelText('Passphrase'), `${PASSPHRASE}{Enter}`);
    await within(d).findByRole('button', { name: 'Import' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(fake.callsTo('backup:discard')).toHaveLength(3));
    expect(fake.backups.openPreviews.size).toBe(0);
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument();
  });

  it('offers to choose the file again when main no longer holds the preview', async () => {
    const { fake, user } = renderApp({ folders });
    const d = await openBackupDialog(user, 'Import…');
    await chooseFile(user, d, FakeBackups.fileFor(PASSPHRASE));
    await user.type(within(d).getByLabelText('Passphrase'), `${PASSPHRASE}{Enter}`);
    await within(d).findByRole('button', { name: 'Import' });
    fake.backups.openPreviews.clear(); // ten minutes passed
    await user.click(within(d).getByRole('button', { name: 'Import' }));
    expect(await within(d).findByRole('alert')).toHaveTextContent('BACKUP_PREVIEW_EXPIRED');
    await user.click(within(d).getByRole('button', { name: 'Choose the file again' }));
    expect(within(d).getByRole('button', { name: 'Preview' })).toBeInTheDocument();
    expect(within(d).getByText(/connectdesk-eng-2026-12-03\.age/)).toBeInTheDocument();
  });
});
