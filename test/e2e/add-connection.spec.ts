import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures.js';
import { ConnectDeskUi } from './support/connectdesk-ui.js';

const BYO_SECRET = 'demo-byo-secret-0123';
const MANAGED_SECRET = 'sandbox-managed-secret-7f3c9a1e5b2d4c68';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('a new user adds two Confluence Cloud connections and still has them after a restart', async ({ page, world }) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await expect(page.getByRole('button', { name: /Shared/ }).first()).toBeVisible();

  await ui.createFolder('Engineering');
  await ui.openFolder('Engineering');
  await expect(page.getByText('No connections in this folder yet')).toBeVisible();

  // 1. The environment's managed OAuth app; Dana has two Confluence sites and must choose.
  await ui.startAddConnection();
  await expect(page.getByRole('dialog').getByLabel('Folder', { exact: true }).locator('option:checked')).toHaveText('Engineering');
  await expect(page.getByRole('textbox', { name: 'Callback URL' })).toHaveValue(world.callbackUrl);
  await ui.fillSettings({ name: 'Team wiki' });
  const popup = await ui.connectAndAccept();
  await expect(page.getByText(/Finish signing in/i)).toBeVisible();
  await ui.signInAtAtlassian(popup);
  await expect(page.getByRole('radio', { name: /Acme Docs/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Tracker/ })).toHaveCount(0);
  await ui.chooseSite('Acme Docs');
  await ui.finishDone();
  await expect(ui.row('Team wiki')).toContainText('Connected');
  await expect(ui.row('Team wiki')).toContainText('Acme Docs');

  // 2. Bring your own OAuth 2.0 app, with the sandbox's demo app; one Confluence site, no choice.
  await ui.startAddConnection();
  await ui.fillSettings({ name: 'Solo notes', byo: { clientId: 'demo-byo-app', clientSecret: BYO_SECRET } });
  const popup2 = await ui.connectAndAccept();
  await ui.signInAtAtlassian(popup2, { email: 'solo@example.com' });
  await ui.finishDone();
  await expect(ui.row('Solo notes')).toContainText('Connected');

  // 3. Restart the shell: both connections are still there and their secrets still work.
  const url = await world.restartShell();
  await ui.open(url);
  await ui.openFolder('Engineering');
  await expect(ui.row('Team wiki')).toContainText('Connected');
  await expect(ui.row('Solo notes')).toContainText('Connected');
  for (const name of ['Team wiki', 'Solo notes']) {
    await ui.checkConnection(name);
    const result = page.getByRole('dialog');
    await expect(result.getByText('View spaces')).toBeVisible();
    await expect(result.getByText('The connection works.')).toBeVisible();
    await expect(result.getByText(/: failed/)).toHaveCount(0);
    await result.getByRole('button', { name: /close/i }).first().click();
  }

  // 4. No test secret in clear in the store, the logs, anything else the shell wrote, or the renderer bundle.
  const written = [...filesUnder(world.dataDir), ...filesUnder(world.logDir), ...filesUnder('renderer-dist')];
  expect(written.some((f) => f.endsWith('connectdesk-store.json'))).toBe(true);
  for (const file of written) {
    const text = readFileSync(file, 'utf8');
    expect(text, file).not.toContain(BYO_SECRET);
    expect(text, file).not.toContain(MANAGED_SECRET);
    expect(text, file).not.toMatch(/sbx-rt\.[A-Za-z0-9_-]{20,}/);
    expect(text, file).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
  }
});
