import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { describeFinding, findSecrets } from '../../main/core/diagnostics/secret-scanner.js';
import { errorCatalogue, type ErrorCode } from '../../main/core/errors/error-catalogue.js';
import { SCOPE_MISSING_REMEDIATION } from '../../main/core/services/connection-status.js';
import { test, expect } from './support/fixtures.js';
import { ConnectDeskUi } from './support/connectdesk-ui.js';
import { rotateSandboxClientSecret, sandboxAdmin, setSandboxSwitches } from './support/processes.js';

/**
 * Issue 5: break a sandbox connection three ways; for each, Diagnostics names the cause and the fix
 * (the error catalogue's words), its HTTP trace shows the failing call, and no secret is on the page.
 */

/** Secrets the sandbox's apps use (main/sandbox/seed.json) and the one a rotation hands out. */
const MANAGED_SECRET = 'sandbox-managed-secret-7f3c9a1e5b2d4c68';
const BYO_CLIENT_ID = 'demo-byo-app';
const BYO_SECRET = 'demo-byo-secret-0123';
const ROTATED_SECRET = 'demo-byo-secret-rotated-5d2e9a71';

async function checkAndClose(ui: ConnectDeskUi, name: string): Promise<void> {
  await ui.checkConnection(name);
  const check = ui.page.getByRole('dialog');
  await expect(check.getByText('The connection has a problem.')).toBeVisible();
  await check.getByRole('button', { name: 'OK' }).click();
  await expect(check).toBeHidden();
}

async function openDiagnostics(ui: ConnectDeskUi, name: string): Promise<Locator> {
  await ui.rowAction(name, 'Diagnostics');
  const dialog = ui.page.getByRole('dialog', { name: `Diagnostics: ${name}` });
  await expect(dialog.getByRole('heading', { name: 'HTTP trace' })).toBeVisible();
  return dialog;
}

/** The verdict comes first and says what is wrong and what to do, in the catalogue's words unless the fix depends on the connection. */
async function expectVerdict(dialog: Locator, code: ErrorCode, cause: string, remediation: string = errorCatalogue[code].remediation): Promise<Locator> {
  const verdict = dialog.getByRole('region').first();
  await expect(verdict).toContainText(cause);
  await expect(verdict).toContainText(remediation);
  await expect(verdict).toContainText(code);
  return verdict;
}

/** A call in the HTTP trace: a row with its status, method and path (the whole path as a string, or a pattern in it). */
function tracedCall(dialog: Locator, status: number, method: string, path: string | RegExp): Locator {
  return dialog
    .getByRole('region', { name: 'HTTP trace' })
    .getByRole('button')
    .filter({ hasText: new RegExp(`^${status}\\s*${method}`) })
    .filter({ has: dialog.page().getByText(path, typeof path === 'string' ? { exact: true } : {}) });
}

/** Light and dark screenshots of the whole view (a tall window shows every section) and axe on each. */
async function screenshots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 4000 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`diagnostics-${name}-${colorScheme}.png`), animations: 'disabled' });
    const results = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking.map((v) => `${colorScheme}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (viewport) await page.setViewportSize(viewport);
}

/**
 * Every call opened up, then the page searched for known secrets and anything shaped like a token:
 * in the whole HTML, and in each text node and attribute value on its own (a header's name and
 * value sit in separate elements; read as one text they would look like "Bearer content-type").
 */
async function expectNoSecretOnPage(page: Page, dialog: Locator, known: string[]): Promise<void> {
  const closed = dialog.getByRole('region', { name: 'HTTP trace' }).locator('button[aria-expanded="false"]');
  while ((await closed.count()) > 0) await closed.first().click();
  for (const details of await dialog.locator('details').all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
  const pieces = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) out.push(walker.currentNode.nodeValue ?? '');
    for (const element of document.querySelectorAll('*')) for (const attribute of element.attributes) out.push(attribute.value);
    return out;
  });
  const findings = [await page.content(), ...pieces].flatMap((text) => findSecrets(text, known));
  expect(findings.map(describeFinding)).toEqual([]);
}

test('revoked grant: Diagnostics names the cause and the fix, and shows the refused refresh', async ({ page, world }, testInfo) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await ui.addConnection('Wiki');
  // Healthy first: the verdict says so, and the sign-in's calls are in the trace.
  const healthy = await openDiagnostics(ui, 'Wiki');
  await expect(healthy.getByRole('region').first()).toContainText(/^Connected: Atlassian accepts this connection/);
  await expect(tracedCall(healthy, 200, 'POST', '/oauth/token')).toBeVisible();
  await screenshots(page, testInfo, 'healthy');
  await healthy.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(healthy).toBeHidden();

  await sandboxAdmin(world.sandboxUrl, 'revoke-grants');
  await checkAndClose(ui, 'Wiki');

  const dialog = await openDiagnostics(ui, 'Wiki');
  const verdict = await expectVerdict(dialog, 'ATLASSIAN_INVALID_GRANT', errorCatalogue.ATLASSIAN_INVALID_GRANT.message.replace(/\.$/, ''));
  await expect(verdict.getByRole('button', { name: 'Reconnect' })).toBeVisible();
  const refused = tracedCall(dialog, 403, 'POST', '/oauth/token');
  await expect(refused).toBeVisible();
  await expect(refused).toHaveAttribute('aria-expanded', 'true');
  await expect(dialog.getByRole('region', { name: 'HTTP trace' })).toContainText('invalid_grant');
  await expect(dialog.getByRole('region', { name: 'Event history' })).toContainText('ATLASSIAN_INVALID_GRANT');

  await screenshots(page, testInfo, 'revoked-grant');
  await expectNoSecretOnPage(page, dialog, [MANAGED_SECRET]);
});

test('missing scope: Diagnostics names the scope, what it breaks and the fix; the trace shows 401 with X-Failure-Category', async ({ page, world }, testInfo) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  // The app's scopes were narrowed: consents no longer grant search:confluence.
  await setSandboxSwitches(world.sandboxUrl, { grantFewerScopes: ['search:confluence'] });
  await ui.addConnection('Wiki');
  await checkAndClose(ui, 'Wiki');

  const dialog = await openDiagnostics(ui, 'Wiki');
  // The fix for the managed app, as Check connection words it.
  const verdict = await expectVerdict(dialog, 'SCOPE_MISSING', 'search:confluence', SCOPE_MISSING_REMEDIATION.managed);
  await expect(verdict).toContainText(/missing permission/i);
  const scopes = dialog.getByRole('region', { name: 'Scopes' });
  await expect(scopes).toContainText('Atlassian did not grant this scope');
  await expect(scopes).toContainText(/Breaks: .*search/i);

  const failing = tracedCall(dialog, 401, 'GET', /\/wiki\/rest\/api\/search\?cql=/);
  await expect(failing).toBeVisible();
  const trace = dialog.getByRole('region', { name: 'HTTP trace' });
  await expect(trace).toContainText('x-failure-category: FAILURE_CLIENT_SCOPE_CHECK');
  await expect(trace).toContainText('scope does not match');

  await screenshots(page, testInfo, 'missing-scope');
  await expectNoSecretOnPage(page, dialog, [MANAGED_SECRET]);
});

test('wrong client secret after rotation: Diagnostics says the client ID or secret is wrong and where to fix it', async ({ page, world }, testInfo) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await ui.startAddConnection();
  await ui.fillSettings({ name: 'Own app', byo: { clientId: BYO_CLIENT_ID, clientSecret: BYO_SECRET } });
  const popup = await ui.connectAndAccept();
  await ui.signInAtAtlassian(popup, { email: 'solo@example.com' });
  await ui.finishDone();
  await expect(ui.row('Own app')).toContainText('Connected');

  // Someone rotates the app's secret in the developer console; the next refresh still sends the old one.
  await rotateSandboxClientSecret(world.sandboxUrl, BYO_CLIENT_ID, ROTATED_SECRET);
  await sandboxAdmin(world.sandboxUrl, 'expire-access-tokens');
  await checkAndClose(ui, 'Own app');

  const dialog = await openDiagnostics(ui, 'Own app');
  await expectVerdict(dialog, 'OAUTH_CLIENT_AUTH_FAILED', errorCatalogue.OAUTH_CLIENT_AUTH_FAILED.message.replace(/\.$/, ''));
  const facts = dialog.getByRole('region', { name: 'Connection & OAuth app' });
  await expect(facts).toContainText('Bring your own');
  await expect(facts).toContainText('••••-app');
  await expect(facts).toContainText('Typed at sign-in, stored encrypted');
  await expect(facts).toContainText(world.callbackUrl);
  await expect(tracedCall(dialog, 401, 'POST', '/oauth/token')).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'HTTP trace' })).toContainText('access_denied');

  await screenshots(page, testInfo, 'rotated-secret');
  await expectNoSecretOnPage(page, dialog, [MANAGED_SECRET, BYO_SECRET, ROTATED_SECRET]);
});
