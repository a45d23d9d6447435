import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { ConnectDeskUi } from './support/connectdesk-ui.js';
import { setSandboxSwitches } from './support/processes.js';

/**
 * Every failure a user can cause or meet ends on the creation page with what happened and what to
 * do, keeps what the user typed, and saves nothing.
 */
async function expectBackOnCreationPage(ui: ConnectDeskUi, message: RegExp, typed: { name: string; clientId?: string }) {
  const banner = ui.errorBanner();
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(message);
  const dialog = ui.page.getByRole('dialog');
  await expect(dialog.getByLabel('Connection name')).toHaveValue(typed.name);
  if (typed.clientId) await expect(dialog.getByLabel('Client ID')).toHaveValue(typed.clientId);
  await expect(dialog.getByRole('button', { name: 'Connect' })).toBeEnabled();
}

async function expectNothingSaved(ui: ConnectDeskUi) {
  await ui.page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(ui.page.getByText('No connections in this folder yet')).toBeVisible();
}

async function startTyped(page: Page, url: string, options: { name: string; byo?: { clientId: string; clientSecret: string } }) {
  const ui = new ConnectDeskUi(page);
  await ui.open(url);
  await ui.startAddConnection();
  await ui.fillSettings(options);
  return ui;
}

test('consent declined → "you declined access"', async ({ page, world }) => {
  const ui = await startTyped(page, world.shellUrl, { name: 'Declined' });
  const popup = await ui.connectAndAccept();
  await ui.signInAtAtlassian(popup, { decision: 'Cancel' });
  await expectBackOnCreationPage(ui, /declined access/i, { name: 'Declined' });
  await expectNothingSaved(ui);
});

test('sign-in window closed → says so, and Connect works again', async ({ page, world }) => {
  const ui = await startTyped(page, world.shellUrl, { name: 'Closed' });
  const popup = await ui.connectAndAccept();
  await popup.close();
  await expectBackOnCreationPage(ui, /window was closed/i, { name: 'Closed' });
  const again = await ui.connectAndAccept();
  await ui.signInAtAtlassian(again, { email: 'solo@example.com' });
  await ui.finishDone();
  await expect(ui.row('Closed')).toContainText('Connected');
});

test('state mismatch → refused, nothing exchanged', async ({ page, world }) => {
  await setSandboxSwitches(world.sandboxUrl, { tamperState: true });
  const ui = await startTyped(page, world.shellUrl, { name: 'Tampered' });
  const popup = await ui.connectAndAccept();
  await ui.signInAtAtlassian(popup);
  await expectBackOnCreationPage(ui, /did not belong to this sign-in/i, { name: 'Tampered' });
  await expectNothingSaved(ui);
});

test('wrong client ID → Atlassian shows an error; closing it points at the client ID', async ({ page, world }) => {
  const ui = await startTyped(page, world.shellUrl, { name: 'Bad ID', byo: { clientId: 'no-such-app', clientSecret: 'whatever-secret' } });
  const popup = await ui.connectAndAccept();
  await expect(popup.getByText(/Invalid client_id/)).toBeVisible();
  await popup.close();
  await expectBackOnCreationPage(ui, /window was closed/i, { name: 'Bad ID', clientId: 'no-such-app' });
  await expect(ui.errorBanner()).toContainText(/client ID/);
  await expectNothingSaved(ui);
});

test('wrong client secret → says the client ID or secret is wrong', async ({ page, world }) => {
  const ui = await startTyped(page, world.shellUrl, { name: 'Bad secret', byo: { clientId: 'demo-byo-app', clientSecret: 'not-the-secret' } });
  const popup = await ui.connectAndAccept();
  await ui.signInAtAtlassian(popup, { email: 'solo@example.com' });
  await expectBackOnCreationPage(ui, /rejected the client ID or client secret/i, { name: 'Bad secret', clientId: 'demo-byo-app' });
  await expect(ui.page.getByRole('dialog').getByLabel('Client secret', { exact: true })).toHaveValue('not-the-secret');
  await expectNothingSaved(ui);
});

test.describe('callback URL not the one registered on the app', () => {
  test.use({ unregisteredCallback: true });
  test('→ Atlassian refuses the redirect; closing it points at the callback URL', async ({ page, world }) => {
    const ui = await startTyped(page, world.shellUrl, { name: 'Wrong callback' });
    const popup = await ui.connectAndAccept();
    await expect(popup.getByText(/redirect_uri|callback/i).first()).toBeVisible();
    await popup.close();
    await expectBackOnCreationPage(ui, /window was closed/i, { name: 'Wrong callback' });
    await expect(ui.errorBanner()).toContainText(/callback URL/);
    await expectNothingSaved(ui);
  });
});

test('authorization code expired → asks to sign in again', async ({ page, world }) => {
  await setSandboxSwitches(world.sandboxUrl, { expireCodesImmediately: true });
  const ui = await startTyped(page, world.shellUrl, { name: 'Slow' });
  const popup = await ui.connectAndAccept();
  await ui.signInAtAtlassian(popup);
  await expectBackOnCreationPage(ui, /expired or was already used/i, { name: 'Slow' });
  await expectNothingSaved(ui);
});

test('no Confluence site for the account → says a site admin may have to approve the app', async ({ page, world }) => {
  const ui = await startTyped(page, world.shellUrl, { name: 'Jira person' });
  const popup = await ui.connectAndAccept();
  await ui.signInAtAtlassian(popup, { email: 'jira-only@example.com' });
  await expectBackOnCreationPage(ui, /No Confluence site is available/i, { name: 'Jira person' });
  await expect(ui.errorBanner()).toContainText(/site admin/);
  await expectNothingSaved(ui);
});

test('Atlassian unreachable → says to check the network; no sign-in window opens', async ({ page, world }) => {
  const ui = await startTyped(page, world.shellUrl, { name: 'Offline' });
  await setSandboxSwitches(world.sandboxUrl, { offline: true });
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  let popups = 0;
  page.on('popup', () => popups++);
  await dialog.getByRole('button', { name: 'Accept' }).click();
  await expectBackOnCreationPage(ui, /could not be reached/i, { name: 'Offline' });
  await expect(ui.errorBanner()).toContainText(/network/);
  expect(popups).toBe(0);
  await setSandboxSwitches(world.sandboxUrl, { offline: false });
  await expectNothingSaved(ui);
});
