import { test, expect } from './support/fixtures.js';
import { ConnectDeskUi } from './support/connectdesk-ui.js';
import { sandboxAdmin, setSandboxSwitches } from './support/processes.js';

test('folders nest, rename, move, and a non-empty folder is deleted only after saying where its connections go', async ({ page, world }) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await ui.createFolder('Teams');
  await ui.folderAction('Teams', 'New subfolder');
  await page.getByRole('dialog').getByLabel('Folder name').fill('Docs');
  await page.getByRole('dialog').getByRole('button', { name: 'Create folder' }).click();
  await ui.openFolder('Docs');
  await ui.addConnection('Docs wiki');

  await ui.folderAction('Docs', 'Rename');
  await page.getByRole('dialog').getByLabel('Folder name').fill('Documentation');
  await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documentation' })).toBeVisible();

  await ui.folderAction('Documentation', 'Move');
  await page.getByRole('dialog').getByLabel('New parent folder').selectOption({ label: 'None (top level)' });
  await page.getByRole('dialog').getByRole('button', { name: 'Move' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await ui.folderAction('Documentation', 'Delete');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('1 connection');
  await dialog.getByRole('radio', { name: /Move its connections to Shared/ }).check();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('button', { name: /^Documentation/ })).toHaveCount(0);
  await ui.openFolder('Shared');
  await expect(ui.row('Docs wiki')).toContainText('Connected');
});

test('every action of the More actions menu', async ({ page, world }) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await ui.createFolder('Archive');
  await ui.openFolder('Shared');
  await ui.addConnection('First');
  await ui.addConnection('Second');
  await expect(ui.row('First')).toContainText('Default');

  // Check connection: named steps with their results.
  await ui.rowAction('First', 'Check connection');
  const check = page.getByRole('dialog');
  await expect(check.getByText('The connection works.')).toBeVisible();
  for (const step of ['Access token usable', 'Client secret and refresh token accepted', 'Site still accessible', 'View spaces', 'Search', 'Update (nothing is changed)', 'Scopes granted as requested']) {
    await expect(check.getByText(`${step}: passed`, { exact: true })).toBeVisible();
  }
  await check.getByRole('button', { name: 'OK' }).click();

  // Edit: name and description.
  await ui.rowAction('Second', 'Edit');
  await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Second (nightly export)');
  await page.getByRole('dialog').getByLabel('Description').fill('Used by the nightly export job');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(ui.row('Second (nightly export)')).toContainText('Used by the nightly export job');

  // Make default: one default per connector per folder.
  await ui.rowAction('Second (nightly export)', 'Make default');
  await expect(ui.row('Second (nightly export)')).toContainText('Default');
  await expect(ui.row('First')).not.toContainText('Default');

  // Reconnect: signs in again and keeps the row.
  await ui.rowAction('First', 'Reconnect');
  await expect(page.getByRole('dialog')).toContainText('Reconnect First');
  const popup = await ui.connectAndAccept();
  await ui.signInAtAtlassian(popup, { email: 'solo@example.com' });
  await expect(page.getByRole('dialog').getByText('First is reconnected')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'First' })).toHaveCount(1);

  // Move to another folder.
  await ui.rowAction('First', 'Move');
  await page.getByRole('dialog').getByLabel('Folder').selectOption({ label: 'Archive' });
  await page.getByRole('dialog').getByRole('button', { name: 'Move' }).click();
  await expect(ui.row('First')).toHaveCount(0);
  await ui.openFolder('Archive');
  await expect(ui.row('First')).toContainText('Connected');

  // Delete, after a confirmation.
  await ui.rowAction('First', 'Delete');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No connections in this folder yet')).toBeVisible();
});

test('a revoked grant falls to Needs reconnect with the reason, and Reconnect brings it back', async ({ page, world }) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await ui.addConnection('Wiki');

  // An expired access token alone is no problem: it is refreshed.
  await sandboxAdmin(world.sandboxUrl, 'expire-access-tokens');
  await ui.checkConnection('Wiki');
  await expect(page.getByRole('dialog').getByText('The connection works.')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();

  await sandboxAdmin(world.sandboxUrl, 'revoke-grants');
  await ui.checkConnection('Wiki');
  const check = page.getByRole('dialog');
  await expect(check.getByText('The connection has a problem.')).toBeVisible();
  await expect(check).toContainText('ATLASSIAN_INVALID_GRANT');
  await check.getByRole('button', { name: 'OK' }).click();
  await expect(ui.row('Wiki')).toContainText('Needs reconnect');
  // At a 1280 px window the inline Reconnect is whole, inside the Status cell (not cut to "Recon").
  const inline = page.getByRole('button', { name: 'Reconnect Wiki' });
  const statusCell = ui.row('Wiki').getByRole('cell').filter({ has: inline });
  const [button, cell] = [(await inline.boundingBox())!, (await statusCell.boundingBox())!];
  expect(button.x + button.width).toBeLessThanOrEqual(cell.x + cell.width);

  await page.getByRole('button', { name: 'Reconnect Wiki' }).click();
  const popup = await ui.connectAndAccept();
  await ui.signInAtAtlassian(popup, { email: 'solo@example.com' });
  await expect(page.getByRole('dialog').getByText('Wiki is reconnected')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
  await expect(ui.row('Wiki')).toContainText('Connected');
});

test('no network → Offline, which recovers by itself', async ({ page, world }) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await ui.addConnection('Wiki');
  await setSandboxSwitches(world.sandboxUrl, { offline: true });
  await ui.checkConnection('Wiki');
  await expect(page.getByRole('dialog')).toContainText('ATLASSIAN_UNREACHABLE');
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
  await expect(ui.row('Wiki')).toContainText('Offline');
  await expect(ui.row('Wiki')).toContainText('Waiting for the network');
  await setSandboxSwitches(world.sandboxUrl, { offline: false });
  // Nobody clicks anything: ConnectDesk retries on its own.
  await expect(ui.row('Wiki')).toContainText('Connected', { timeout: 20_000 });
});

test('Check all checks every connection of the folder', async ({ page, world }) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await ui.addConnection('One');
  await ui.addConnection('Two');
  await page.getByRole('button', { name: 'Check all' }).click();
  await expect(page.getByRole('status').filter({ hasText: /2 healthy/ })).toBeVisible();
});
