import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { collectStoreSecrets } from '../../main/core/diagnostics/store-secrets.js';
import { logFilePath } from '../../main/core/diagnostics/app-log.js';
import { findSecrets } from '../../main/core/diagnostics/secret-scanner.js';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { DevelopmentKeyProtector } from '../../main/core/vault/development-key-protector.js';
import { SecretVault } from '../../main/core/vault/secret-vault.js';
import { test, expect } from './support/fixtures.js';
import { ConnectDeskUi } from './support/connectdesk-ui.js';

const BYO = { clientId: 'demo-byo-app', clientSecret: 'demo-byo-secret-0123' };

/** Every secret the shell's store holds (it seals with the development key), read after the run. */
async function storeSecrets(dataDir: string): Promise<string[]> {
  const store = new ConnectionStore(openJsonDocumentFile(dataDir));
  return collectStoreSecrets(store, await SecretVault.open(store, new DevelopmentKeyProtector()));
}

test('a support bundle of a connection, then of everything: saved as JSON, with fingerprints and traces, and no secret', async ({ page, world }, testInfo) => {
  test.setTimeout(120_000);
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await ui.startAddConnection();
  await ui.fillSettings({ name: 'Byo wiki', byo: BYO });
  await ui.signInAtAtlassian(await ui.connectAndAccept(), { email: 'solo@example.com' });
  await ui.finishDone();
  await ui.checkConnection('Byo wiki');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).first().click();

  await ui.rowAction('Byo wiki', 'Export support bundle…');
  const dialog = page.getByRole('dialog', { name: 'Export support bundle' });
  await expect(dialog.getByRole('radio', { name: /This connection/ })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('screens/support-bundle-01-dialog.png'), animations: 'disabled' });
  const blocking = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => v.id)).toEqual([]);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^connectdesk-support-byo-wiki-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(dialog.getByRole('status')).toContainText(`Saved ${download.suggestedFilename()} — 1 connection`);
  await dialog.getByRole('button', { name: 'Done' }).click();

  const text = readFileSync(await download.path(), 'utf8');
  const bundle = JSON.parse(text) as { connections: Array<{ name: string; secrets: { clientSecret: { fingerprint: string } }; diagnostics: { traces: unknown[] } }> };
  expect(bundle.connections[0]!.name).toBe('Byo wiki');
  expect(bundle.connections[0]!.secrets.clientSecret.fingerprint).toMatch(/^fp:[0-9a-f]{8}$/);
  expect(bundle.connections[0]!.diagnostics.traces.length).toBeGreaterThan(3);

  // Settings → Support → everything.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Export support bundle…' }).click();
  const everything = page.getByRole('dialog', { name: 'Export support bundle' });
  await expect(everything.getByRole('radio', { name: /Everything/ })).toBeChecked();
  const [all] = await Promise.all([page.waitForEvent('download'), everything.getByRole('button', { name: 'Export' }).click()]);
  expect(all.suggestedFilename()).toMatch(/^connectdesk-support-all-/);
  const allText = readFileSync(await all.path(), 'utf8');

  const secrets = [BYO.clientSecret, ...(await storeSecrets(world.dataDir))];
  expect(secrets.length).toBeGreaterThanOrEqual(3);
  const log = readFileSync(logFilePath(world.dataDir), 'utf8');
  expect(log).toContain('sign-in');
  for (const [name, content] of [['connection bundle', text], ['everything bundle', allText], ['log', log]] as const) {
    expect(findSecrets(content, secrets), name).toEqual([]);
    expect(secrets.filter((s) => content.includes(s)).length, name).toBe(0);
  }
});
