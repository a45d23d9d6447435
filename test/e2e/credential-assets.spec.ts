import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { ConnectDeskUi } from './support/connectdesk-ui.js';
import { rotateSandboxClientSecret, sandboxAdmin, sandboxTokenRequests } from './support/processes.js';
import { findSecrets, scanDirectory, type KnownSecret } from '../support/secret-scan.js';

/** The sandbox's BYO demo app (main/sandbox/seed.json). */
const BYO_CLIENT_ID = 'demo-byo-app';
const BYO_SECRET = 'demo-byo-secret-0123';

/** Credential assets tab → New credential asset → a stored value. */
async function createStoredAsset(page: Page, name: string, value: string): Promise<void> {
  await page.getByRole('tab', { name: 'Credential assets' }).click();
  await page.getByRole('button', { name: 'New credential asset' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByRole('radio', { name: 'Stored in ConnectDesk' }).check();
  await dialog.getByLabel('Secret value').fill(value);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Not used');
}

/** Add connection with the BYO demo app, its client secret taken from a credential asset ("Use credential asset"). */
async function addByoConnectionWithAsset(ui: ConnectDeskUi, connectionName: string, assetName: string): Promise<void> {
  const { page } = ui;
  await page.getByRole('tab', { name: 'Connections' }).click();
  await ui.startAddConnection();
  await ui.fillSettings({ name: connectionName });
  const settings = page.getByRole('dialog');
  await settings.getByRole('radio', { name: /Bring your own OAuth 2.0 app/ }).check();
  await settings.getByLabel('Client ID').fill(BYO_CLIENT_ID);
  await settings.getByRole('button', { name: 'Secret options' }).click();
  await page.getByRole('menuitem', { name: 'Use credential asset' }).click();
  await settings.getByRole('combobox', { name: 'Credential asset' }).selectOption({ label: `${assetName} — Stored in ConnectDesk` });
  const popup = await ui.connectAndAccept();
  await ui.signInAtAtlassian(popup, { email: 'solo@example.com' });
  await ui.finishDone();
  await expect(ui.row(connectionName)).toContainText('Connected');
}

test('a credential asset holds a BYO client secret; it cannot be deleted while a connection uses it', async ({ page, world }, testInfo) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);

  await page.getByRole('tab', { name: 'Credential assets' }).click();
  await expect(page.getByText('No credential assets in this folder yet')).toBeVisible();
  await createStoredAsset(page, 'Demo app secret', BYO_SECRET);
  await addByoConnectionWithAsset(ui, 'From asset', 'Demo app secret');

  await page.getByRole('tab', { name: 'Credential assets' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Demo app secret' })).toContainText('From asset');
  await page.getByRole('button', { name: 'More actions for asset Demo app secret' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  // Nothing to confirm: the connections using it, what to do first, and only Close.
  const inUse = page.getByRole('dialog', { name: 'Can’t delete Demo app secret yet' });
  await expect(inUse.getByRole('list', { name: 'Connections using Demo app secret' })).toHaveText('From asset');
  await expect(inUse).toContainText('First point it at another credential asset or a typed secret');
  await expect(inUse.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  const close = inUse.locator('.modal-footer').getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('delete-asset-in-use.png'), animations: 'disabled' });
  await close.click();
  await expect(inUse).toBeHidden();
  await expect(page.getByRole('button', { name: 'More actions for asset Demo app secret' })).toBeFocused();

  const store = readFileSync(join(world.dataDir, 'connectdesk-store.json'), 'utf8');
  expect(store).not.toContain(BYO_SECRET);
});

test('the OAuth app secret is rotated at Atlassian: the clear client error, the asset edited, Reconnect, and the connection works without retyping the secret', async ({ page, world }, testInfo) => {
  const ROTATED_SECRET = 'demo-byo-secret-rotated-8f41c2';
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await createStoredAsset(page, 'Demo app secret', BYO_SECRET);
  await addByoConnectionWithAsset(ui, 'Rotating app', 'Demo app secret');

  // The app's owner rotates its secret in the developer console; the access token in hand then stops
  // working, so the next use must refresh — with the old secret, which Atlassian now refuses.
  expect(await rotateSandboxClientSecret(world.sandboxUrl, BYO_CLIENT_ID, ROTATED_SECRET)).toBe(ROTATED_SECRET);
  await sandboxAdmin(world.sandboxUrl, 'expire-access-tokens');
  await ui.checkConnection('Rotating app');
  const check = page.getByRole('dialog');
  await expect(check.getByText('The connection has a problem.')).toBeVisible();
  await expect(check).toContainText('OAUTH_CLIENT_AUTH_FAILED');
  await expect(check).toContainText('Atlassian rejected the client ID or client secret.');
  await expect(check).toContainText(/credential asset/);
  await page.screenshot({ path: testInfo.outputPath('rotated-secret-check-failed.png') });
  await check.getByRole('button', { name: 'OK' }).click();

  // Reconnect before the asset is corrected: the code exchange is refused too, and the message says
  // to correct the asset, by name — not to copy the secret from the developer console again.
  await ui.rowAction('Rotating app', 'Reconnect');
  const refused = page.getByRole('dialog');
  await expect(refused.getByText('Client secret: from credential asset Demo app secret')).toBeVisible();
  await ui.signInAtAtlassian(await ui.connectAndAccept(), { email: 'solo@example.com' });
  const banner = refused.getByRole('alert');
  await expect(banner).toContainText('The connection was not reconnected');
  await expect(banner).toContainText('Correct the credential asset “Demo app secret”');
  await expect(banner).not.toContainText('developer console');
  await page.screenshot({ path: testInfo.outputPath('rotated-secret-reconnect-refused.png'), animations: 'disabled' });
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await expect(refused).toBeHidden();

  // Error (the grant is fine; the secret is not), not Needs reconnect.
  await expect(ui.row('Rotating app')).toContainText('Error');
  await expect(ui.row('Rotating app')).toContainText('Atlassian rejected the client ID or client secret.');
  await page.screenshot({ path: testInfo.outputPath('rotated-secret-error-row.png') });
  const refusedRefreshes = (await sandboxTokenRequests(world.sandboxUrl)).filter((r) => r.grantType === 'refresh_token');
  expect(refusedRefreshes.map((r) => r.status)).toEqual([401]);

  // The new secret goes into the asset, in the Credential assets tab; the connection is not touched.
  await page.getByRole('tab', { name: 'Credential assets' }).click();
  await page.getByRole('button', { name: 'More actions for asset Demo app secret' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog');
  await expect(edit).toContainText('Edit Demo app secret');
  await edit.getByRole('checkbox', { name: 'Replace value / reference' }).check();
  await edit.getByRole('radio', { name: 'Stored in ConnectDesk' }).check();
  await edit.getByLabel('Secret value').fill(ROTATED_SECRET);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'Demo app secret' })).toContainText('Rotating app');

  // Reconnect from the row's menu: it shows the connection's asset, preselected, and keeps it.
  await page.getByRole('tab', { name: 'Connections' }).click();
  await ui.rowAction('Rotating app', 'Reconnect');
  const reconnect = page.getByRole('dialog');
  await expect(reconnect).toContainText('Reconnect Rotating app');
  await expect(reconnect.getByText('Client secret: from credential asset Demo app secret')).toBeVisible();
  await expect(reconnect.getByRole('combobox', { name: 'Credential asset' }).locator('option:checked')).toHaveText('Demo app secret — Stored in ConnectDesk');
  await expect(reconnect.getByLabel('Client secret', { exact: true })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('reconnect-with-asset.png'), animations: 'disabled' });
  // Type a secret instead says what that means; back to the asset.
  await reconnect.getByRole('button', { name: 'Secret options' }).click();
  await page.getByRole('menuitem', { name: 'Type a secret' }).click();
  await expect(reconnect).toContainText('The connection will stop using the credential asset Demo app secret and keep this secret instead.');
  await page.screenshot({ path: testInfo.outputPath('reconnect-type-secret-instead.png'), animations: 'disabled' });
  await reconnect.getByRole('button', { name: 'Secret options' }).click();
  await page.getByRole('menuitem', { name: 'Use credential asset' }).click();
  await expect(reconnect.getByText('Client secret: from credential asset Demo app secret')).toBeVisible();
  const popup = await ui.connectAndAccept();
  await ui.signInAtAtlassian(popup, { email: 'solo@example.com' });
  await expect(reconnect.getByText('Rotating app is reconnected')).toBeVisible();
  await reconnect.getByRole('button', { name: 'Done' }).click();
  await expect(ui.row('Rotating app')).toContainText('Connected');

  await ui.checkConnection('Rotating app');
  await expect(page.getByRole('dialog').getByText('The connection works.')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
  await expect(ui.row('Rotating app')).toContainText('Connected');
  await expect(ui.row('Rotating app')).not.toContainText('Error');
  await page.screenshot({ path: testInfo.outputPath('rotated-secret-connected.png') });

  // At the token endpoint: the add, the refused refresh, the refused reconnect, then the reconnect's
  // code exchange — which only the rotated secret can pass, so it came from the edited asset.
  const calls = (await sandboxTokenRequests(world.sandboxUrl)).map((r) => [r.grantType, r.status]);
  expect(calls.slice(0, 4)).toEqual([
    ['authorization_code', 200],
    ['refresh_token', 401],
    ['authorization_code', 401],
    ['authorization_code', 200],
  ]);
  // Neither secret, in any encoding, in any file of the shell's data directory, in the shell's log,
  // or in what the page holds (DOM, web storage): the renderer never had them after the dialogs closed.
  const secrets: KnownSecret[] = [
    { label: 'old client secret', value: BYO_SECRET },
    { label: 'rotated client secret', value: ROTATED_SECRET },
  ];
  const data = scanDirectory(world.dataDir, secrets);
  expect(data.files).toContain('connectdesk-store.json');
  expect(data.hits).toEqual([]);
  expect(findSecrets(readFileSync(join(world.logDir, 'shell.log')).toString('latin1'), secrets, 'shell.log')).toEqual([]);
  const pageState = await page.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(findSecrets(Buffer.from(pageState, 'utf8').toString('latin1'), secrets, 'page')).toEqual([]);
});

test('on a 1280×657 window, long dialogs keep their buttons in view: New credential asset and Export backup', async ({ page, world }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 657 });
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await page.getByRole('tab', { name: 'Credential assets' }).click();
  await page.getByRole('button', { name: 'New credential asset' }).click();
  const create = page.getByRole('dialog', { name: 'New credential asset' });
  await create.getByRole('radio', { name: 'OS keychain' }).check();
  await create.getByLabel('Name', { exact: true }).fill('Keychain secret');
  await expect(create.getByRole('button', { name: 'Create' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: testInfo.outputPath('short-window-new-asset.png'), animations: 'disabled' });
  await create.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export backup' });
  await exportDialog.getByRole('radio', { name: 'One folder' }).check();
  await expect(exportDialog.getByRole('button', { name: 'Export' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: testInfo.outputPath('short-window-export.png'), animations: 'disabled' });
});
