import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures.js';
import { ConnectDeskUi } from './support/connectdesk-ui.js';

const BYO_SECRET = 'demo-byo-secret-0123';

test('a credential asset holds a BYO client secret; it cannot be deleted while a connection uses it', async ({ page, world }) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);

  await page.getByRole('tab', { name: 'Credential assets' }).click();
  await expect(page.getByText('No credential assets in this folder yet')).toBeVisible();
  await page.getByRole('button', { name: 'New credential asset' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill('Demo app secret');
  await dialog.getByRole('radio', { name: 'Stored in ConnectDesk' }).check();
  await dialog.getByLabel('Secret value').fill(BYO_SECRET);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Demo app secret' })).toContainText('Not used');

  await page.getByRole('tab', { name: 'Connections' }).click();
  await ui.startAddConnection();
  await ui.fillSettings({ name: 'From asset' });
  const settings = page.getByRole('dialog');
  await settings.getByRole('radio', { name: /Bring your own OAuth 2.0 app/ }).check();
  await settings.getByLabel('Client ID').fill('demo-byo-app');
  await settings.getByRole('button', { name: 'Secret options' }).click();
  await page.getByRole('menuitem', { name: 'Use credential asset' }).click();
  await settings.getByRole('combobox', { name: 'Credential asset' }).selectOption({ label: 'Demo app secret — Stored in ConnectDesk' });
  const popup = await ui.connectAndAccept();
  await ui.signInAtAtlassian(popup, { email: 'solo@example.com' });
  await ui.finishDone();
  await expect(ui.row('From asset')).toContainText('Connected');

  await page.getByRole('tab', { name: 'Credential assets' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Demo app secret' })).toContainText('From asset');
  await page.getByRole('button', { name: 'More actions for asset Demo app secret' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('ASSET_IN_USE');

  const store = readFileSync(join(world.dataDir, 'connectdesk-store.json'), 'utf8');
  expect(store).not.toContain(BYO_SECRET);
});
