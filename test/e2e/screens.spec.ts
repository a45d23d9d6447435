import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { ConnectDeskUi } from './support/connectdesk-ui.js';

/**
 * Walks every screen of the main job, takes a screenshot of each (test-results/e2e/…/screens) and
 * runs axe-core on it: no serious or critical issue anywhere, in light and dark.
 */
async function audit(page: Page, name: string, shots: string) {
  await page.screenshot({ path: `${shots}/${name}.png` });
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${name}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen is accessible and looks right (${colorScheme})`, async ({ page, world }, testInfo) => {
    await page.emulateMedia({ colorScheme });
    const shots = testInfo.outputPath('screens');
    const ui = new ConnectDeskUi(page);
    await ui.open(world.shellUrl);
    await audit(page, '01-empty-folder', shots);

    await page.getByRole('button', { name: 'New folder' }).click();
    await audit(page, '02-new-folder', shots);
    await page.getByRole('dialog').getByLabel('Folder name').fill('Engineering');
    await page.getByRole('dialog').getByRole('button', { name: 'Create folder' }).click();
    await ui.openFolder('Engineering');

    await page.getByRole('button', { name: 'Settings' }).click();
    await audit(page, '03-settings', shots);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Add connection' }).first().click();
    await audit(page, '04-connector-search', shots);
    await page.getByRole('textbox', { name: 'Search connectors' }).fill('conflu');
    await page.getByRole('dialog').getByText('Confluence Cloud', { exact: true }).first().click();
    await expect(page.getByLabel('Connection name')).toBeVisible();
    await audit(page, '05-creation-page', shots);
    await ui.fillSettings({ name: 'Team wiki', byo: { clientId: 'demo-byo-app', clientSecret: 'demo-byo-secret-0123' } });
    await audit(page, '06-creation-page-byo', shots);

    await page.getByRole('dialog').getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByText(/will be able to/i)).toBeVisible();
    // Accept is dimmed for a moment after the step appears (use-armed.ts); audit it once it has faded in.
    const accept = page.getByRole('dialog').getByRole('button', { name: 'Accept' });
    await expect(accept).not.toHaveAttribute('aria-disabled', 'true');
    await expect.poll(() => accept.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await audit(page, '07-permissions', shots);

    const popup = await ui.connectAcceptOnly();
    await expect(page.getByText(/Finish signing in/i)).toBeVisible();
    await audit(page, '08-signing-in', shots);
    await popup.emulateMedia({ colorScheme });
    await audit(popup, '09-atlassian-sign-in', shots);
    await popup.getByLabel('Email').fill('demo@example.com');
    await popup.getByLabel('Password').fill('connectdesk');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect(popup.getByRole('button', { name: 'Accept' })).toBeVisible();
    await audit(popup, '10-atlassian-consent', shots);
    await popup.getByRole('button', { name: 'Accept' }).click();

    await expect(page.getByRole('radio', { name: /Acme Docs/ })).toBeVisible();
    await audit(page, '11-site-choice', shots);
    await ui.chooseSite('Acme Docs');
    await expect(page.getByText(/is connected/i)).toBeVisible();
    await audit(page, '12-done', shots);
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    await expect(ui.row('Team wiki')).toContainText('Connected');
    await audit(page, '13-connections-list', shots);

    await ui.checkConnection('Team wiki');
    await expect(page.getByRole('dialog').getByText('View spaces')).toBeVisible();
    await audit(page, '14-check-result', shots);
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();

    // A failure on the creation page.
    await page.getByRole('button', { name: 'Add connection' }).first().click();
    await page.getByRole('textbox', { name: 'Search connectors' }).fill('conflu');
    await page.getByRole('dialog').getByText('Confluence Cloud', { exact: true }).first().click();
    const declined = await ui.connectAndAccept();
    await declined.getByRole('button', { name: 'Accept' }).or(declined.getByRole('button', { name: 'Cancel' })).first().waitFor();
    await declined.getByRole('button', { name: 'Cancel' }).click();
    await expect(ui.errorBanner()).toBeVisible();
    await audit(page, '15-failure-banner', shots);

    const sandboxConsole = await page.context().newPage();
    await sandboxConsole.emulateMedia({ colorScheme });
    await sandboxConsole.goto(world.sandboxUrl);
    await audit(sandboxConsole, '16-sandbox-console', shots);
  });
}
