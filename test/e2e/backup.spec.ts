import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './support/fixtures.js';
import { ConnectDeskUi } from './support/connectdesk-ui.js';

const PASSPHRASE = 'harbor lantern violet quartz';
const ASSET_VALUE = 'ops-asset-value-5f0e9a71c3';

/** A screenshot of the screen (test-results/e2e/…/screens) and axe-core on it: no serious or critical issue. */
async function shot(page: Page, name: string, screens: string) {
  // Finished transitions: a colour-scheme switch would otherwise be caught halfway.
  await page.screenshot({ path: `${screens}/${name}.png`, animations: 'disabled' });
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${name}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('a folder exported with a passphrase imports back, connection and credential asset included', async ({ page, world }, testInfo) => {
  test.setTimeout(120_000);
  const screens = testInfo.outputPath('screens');
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);

  // A folder with a stored credential asset and a connection (the sandbox's managed app).
  await ui.createFolder('Ops backup');
  await ui.openFolder('Ops backup');
  await page.getByRole('tab', { name: 'Credential assets' }).click();
  await page.getByRole('button', { name: 'New credential asset' }).click();
  const assetDialog = page.getByRole('dialog');
  await assetDialog.getByLabel('Name', { exact: true }).fill('Ops token');
  await assetDialog.getByLabel('Secret value').fill(ASSET_VALUE);
  await assetDialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Ops token' })).toBeVisible();
  await page.getByRole('tab', { name: 'Connections' }).click();
  await ui.addConnection('Team wiki');

  // Export folder… from the folder's menu.
  await ui.folderAction('Ops backup', 'Export folder…');
  const exportDialog = page.getByRole('dialog', { name: 'Export backup' });
  await expect(exportDialog.getByRole('radio', { name: 'One folder' })).toBeChecked();
  await expect(exportDialog.getByRole('combobox', { name: 'Folder' })).toHaveValue(/.+/);
  await expect(exportDialog.getByRole('combobox', { name: 'Folder' }).locator('option:checked')).toHaveText('Ops backup');
  await exportDialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await exportDialog.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await shot(page, 'backup-01-export', screens);
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^connectdesk-ops-backup-\d{4}-\d{2}-\d{2}\.age$/);
  await expect(exportDialog.getByRole('status')).toContainText(`Saved ${download.suggestedFilename()} — 1 connection, 1 folder, 1 credential asset.`);
  await expect(exportDialog.getByRole('status')).toContainText('Keep the passphrase: without it the backup cannot be opened.');
  await shot(page, 'backup-02-export-done', screens);
  await exportDialog.getByRole('button', { name: 'Done' }).click();

  // The file is age, passphrase-encrypted: no secret, no name in clear.
  const filePath = await download.path();
  const file = readFileSync(filePath).toString('latin1');
  expect(file.startsWith('age-encryption.org/v1\n-> scrypt ')).toBe(true);
  for (const clear of [ASSET_VALUE, 'Team wiki', 'Ops token', PASSPHRASE]) expect(file).not.toContain(clear);

  // Lose the connection; the asset stays, so the import meets it as a conflict.
  await ui.rowAction('Team wiki', 'Delete');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No connections in this folder yet')).toBeVisible();

  // Settings → Import…: the file, a wrong passphrase first.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('heading', { name: 'Backups' }).scrollIntoViewIfNeeded();
  await shot(page, 'backup-00-settings', screens);
  await settings.getByRole('button', { name: 'Import…' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import backup' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), importDialog.getByRole('button', { name: 'Choose file…' }).click()]);
  await chooser.setFiles({ name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: readFileSync(filePath) });
  await expect(importDialog.getByText(download.suggestedFilename(), { exact: false })).toBeVisible();
  await importDialog.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
  await importDialog.getByRole('button', { name: 'Preview' }).click();
  await expect(importDialog.getByRole('alert')).toContainText('The passphrase does not open this backup.');
  await expect(importDialog.getByLabel('Passphrase', { exact: true })).toHaveValue('not the passphrase');
  await shot(page, 'backup-03-import-wrong-passphrase', screens);

  await importDialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await importDialog.getByRole('button', { name: 'Preview' }).click();
  const connections = importDialog.getByRole('region', { name: 'Connections in the backup' });
  await expect(connections).toContainText('Team wiki');
  await expect(connections).toContainText('in Ops backup');
  await expect(importDialog.getByRole('region', { name: 'Credential assets in the backup' })).toContainText('Ops token');
  await expect(importDialog.getByText('1 item in this backup already exists here')).toBeVisible();
  await expect(importDialog.getByText('Credential asset “Ops token” is already here')).toBeVisible();
  // Skip (the safe choice) is preselected, and Import stays in view below the conflicts.
  await expect(importDialog.getByRole('radio', { name: 'Skip' })).toBeChecked();
  await importDialog.getByRole('radiogroup').scrollIntoViewIfNeeded();
  await expect(importDialog.getByRole('button', { name: 'Import' })).toBeInViewport({ ratio: 1 });
  await shot(page, 'backup-04-import-conflicts', screens);
  await importDialog.getByRole('radio', { name: 'Replace' }).check();
  await shot(page, 'backup-04-import-preview', screens);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'backup-04-import-preview-dark', screens);
  await page.emulateMedia({ colorScheme: 'light' });
  await importDialog.getByRole('button', { name: 'Import' }).click();
  await expect(importDialog.getByText('Backup imported')).toBeVisible();
  await expect(importDialog.getByText('1 connection added.')).toBeVisible();
  await expect(importDialog.getByText('Credential assets: 1 replaced.')).toBeVisible();
  await shot(page, 'backup-05-import-done', screens);
  await importDialog.getByRole('button', { name: 'Done' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // Back, with working tokens.
  await expect(ui.row('Team wiki')).toContainText('Connected');
  await ui.checkConnection('Team wiki');
  await expect(page.getByRole('dialog').getByText('The connection works.')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
  await page.getByRole('tab', { name: 'Credential assets' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Ops token' })).toBeVisible();
});
