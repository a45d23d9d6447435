import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { sampleRecord } from '../support/sample-record.js';
import { ConnectDeskUi } from './support/connectdesk-ui.js';
import { expect, test } from './support/fixtures.js';
import { ROOT } from './support/processes.js';

const run = promisify(execFile);

/** The real `connectdesk` tool on the shell's data folder, as a person would run it while the window is open. */
async function connectdesk(dataDir: string, ...args: string[]): Promise<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('CONNECTDESK_')));
  const { stdout } = await run(process.execPath, ['main/cli/bin.mjs', '--data-dir', dataDir, '--development-key', ...args], { cwd: ROOT, env });
  return stdout;
}

test('changes the CLI or another process makes to the store show in the open page, without a reload', async ({ page, world }) => {
  const ui = new ConnectDeskUi(page);
  const count = (folderId: string) => page.locator(`[data-folder-id="${folderId}"] .folder-item-count`);
  await ui.open(world.shellUrl);
  await ui.addConnection('Wiki');
  await expect(count('shared')).toHaveText('1');
  // Gone if the page reloads: the last assertion proves none of this needed one.
  await page.evaluate(() => ((window as unknown as { notReloaded?: boolean }).notReloaded = true));

  expect(await connectdesk(world.dataDir, 'rename', 'Wiki', 'Team wiki')).toContain('Renamed "Wiki" to "Team wiki"');
  await expect(ui.row('Team wiki')).toContainText('Connected');

  // Another process with its own store on the same file (a second app or shell).
  const other = new ConnectionStore(openJsonDocumentFile(world.dataDir));
  await other.createFolder('Archive', null);
  await other.saveConnection(sampleRecord({ id: 'added-elsewhere', name: 'Added elsewhere', folderId: 'shared' }));
  await expect(ui.row('Added elsewhere')).toBeVisible();
  await expect(count('shared')).toHaveText('2');
  await expect(page.getByRole('navigation').getByRole('button', { name: /^Archive/ })).toBeVisible();

  await connectdesk(world.dataDir, 'move', 'Added elsewhere', 'Archive');
  await expect(ui.row('Added elsewhere')).toHaveCount(0);
  await expect(count('shared')).toHaveText('1');
  const archiveId = other.listFolders().find((f) => f.name === 'Archive')!.id;
  await expect(count(archiveId)).toHaveText('1');

  // The Credential assets tab follows too.
  await page.getByRole('tab', { name: 'Credential assets' }).click();
  await expect(page.getByRole('button', { name: 'New credential asset' })).toBeVisible();
  await other.update((doc) => {
    const now = new Date().toISOString();
    doc.assets.push({ id: 'asset-elsewhere', folderId: 'shared', name: 'Ops secret', description: '', kind: 'env', variable: 'OPS_SECRET', createdAt: now, updatedAt: now });
  });
  await expect(page.getByRole('row').filter({ hasText: 'Ops secret' })).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});
