import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { ConnectDeskUi } from './support/connectdesk-ui.js';

const PASSPHRASE = 'correct horse battery staple';

/** A screenshot to look at (test-results/e2e/…/screens) and axe-core: no serious or critical issue. */
async function audit(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath('screens', `${name}.png`) });
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${name}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function setRecoveryPassphrase(page: Page, testInfo?: TestInfo): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const security = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Security' });
  await expect(security).toContainText('Not set');
  await security.scrollIntoViewIfNeeded();
  if (testInfo) await audit(page, testInfo, '01-security-section');
  await security.getByRole('button', { name: 'Set recovery passphrase…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set a recovery passphrase' });
  await dialog.getByLabel('Recovery passphrase').fill(PASSPHRASE);
  await dialog.getByLabel('Type it again').fill(PASSPHRASE);
  if (testInfo) await audit(page, testInfo, '02-set-passphrase-dialog');
  await dialog.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(dialog).toBeHidden();
  await expect(security).toContainText('Recovery passphrase set');
  await expect(security).toContainText(/Set on /);
  if (testInfo) await audit(page, testInfo, '03-security-passphrase-set');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
}

const unlockHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Unlock your secrets' });

test('a recovery passphrase opens the secrets when the keychain is lost', async ({ page, world }, testInfo) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await setRecoveryPassphrase(page, testInfo);
  await ui.addConnection('Team wiki');

  // The keychain is gone: the app asks for the recovery passphrase instead of showing the workspace.
  await page.goto(await world.restartShell({ CONNECTDESK_SHELL_KEYCHAIN: 'lost' }));
  await expect(unlockHeading(page)).toBeVisible();
  await expect(page.getByText(/could not be opened with the development key on this computer/)).toBeVisible();
  await audit(page, testInfo, '04-unlock-screen');

  const field = page.getByLabel('Recovery passphrase');
  await field.fill('not the passphrase');
  await field.press('Enter');
  await expect(page.getByText(/The recovery passphrase is not correct\./)).toBeVisible();
  await expect(field).toHaveValue('not the passphrase');
  await audit(page, testInfo, '05-unlock-wrong-passphrase');

  await field.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shared' })).toBeVisible();
  await expect(ui.row('Team wiki')).toContainText('Connected');
  await ui.checkConnection('Team wiki');
  await expect(page.getByRole('dialog').getByText('The connection works.')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();

  // The keychain is back: the store opens as before, without asking.
  await ui.open(await world.restartShell());
  await expect(ui.row('Team wiki')).toContainText('Connected');
  await expect(unlockHeading(page)).toHaveCount(0);
});

test('on a new computer, one unlock re-protects the store with its keychain', async ({ page, world }) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await setRecoveryPassphrase(page);
  await ui.addConnection('Team wiki');

  await page.goto(await world.restartShell({ CONNECTDESK_SHELL_KEYCHAIN: 'new-computer' }));
  await page.getByLabel('Recovery passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(ui.row('Team wiki')).toContainText('Connected');

  // Next start on the same "computer": no unlock screen, and the secrets work.
  await ui.open(await world.restartShell({ CONNECTDESK_SHELL_KEYCHAIN: 'new-computer' }));
  await expect(unlockHeading(page)).toHaveCount(0);
  await ui.checkConnection('Team wiki');
  await expect(page.getByRole('dialog').getByText('The connection works.')).toBeVisible();
});

test('without a recovery passphrase, a lost keychain is explained and nothing can be typed', async ({ page, world }, testInfo) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await ui.addConnection('Team wiki');
  await page.goto(await world.restartShell({ CONNECTDESK_SHELL_KEYCHAIN: 'lost' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Your secrets cannot be opened here' })).toBeVisible();
  await expect(page.getByText(/No recovery passphrase was set for this store, so it cannot be opened here/)).toBeVisible();
  await expect(page.getByLabel('Recovery passphrase')).toHaveCount(0);
  await page.emulateMedia({ colorScheme: 'dark' });
  await audit(page, testInfo, '06-unlock-without-recovery-dark');
});
