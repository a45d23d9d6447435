/**
 * A second process using the same store: asks for a usable access token for one connection and
 * prints what happened as JSON. With CONNECTDESK_TEST_DIE_AFTER_SAVE=1 it dies right after the
 * rotated refresh token is saved, before using the new access token (case T5).
 * Usage: node --import tsx test/support/refresh-worker.ts <dataDir> <sandboxUrl> <connectionId> <callbackUrl>
 */
import { sandboxEnvironment } from '../../main/core/atlassian/environment.js';
import { createConnectionServices } from '../../main/core/services/connection-services.js';
import type { ServiceContext } from '../../main/core/services/service-context.js';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { openConfSettings } from '../../main/core/store/settings-store.js';
import { DevelopmentKeyProtector } from '../../main/core/vault/development-key-protector.js';
import { SecretVault } from '../../main/core/vault/secret-vault.js';
import { loadDefaultSeed } from '../../main/sandbox/sandbox-seed.js';

const [dataDir, sandboxUrl, connectionId, callbackUrl] = process.argv.slice(2) as [string, string, string, string];
const store = new ConnectionStore(openJsonDocumentFile(dataDir));
const vault = await SecretVault.open(store, new DevelopmentKeyProtector());
const managed = loadDefaultSeed().apps.find((a) => a.managed)!;
const ctx: ServiceContext = {
  store,
  settings: openConfSettings(dataDir, 'sandbox'),
  vault,
  resolveEnvironment: async () => sandboxEnvironment(sandboxUrl, { callbackUrl, managedApp: { clientId: managed.clientId, clientSecret: managed.clientSecret, label: managed.label } }),
  authorizer: { kind: 'system-browser', run: async () => ({ kind: 'cancelled' }), focus: () => undefined },
  emit: () => undefined,
  now: process.env.CONNECTDESK_TEST_NOW ? () => new Date(Number(process.env.CONNECTDESK_TEST_NOW)) : undefined,
  afterRefreshSaved: process.env.CONNECTDESK_TEST_DIE_AFTER_SAVE === '1' ? () => process.exit(9) : undefined,
};
const services = createConnectionServices(ctx);
try {
  const response = await services.api.confluence(connectionId, 'wiki/rest/api/space?limit=1');
  process.stdout.write(JSON.stringify({ ok: true, status: response.status }));
} catch (error) {
  process.stdout.write(JSON.stringify({ ok: false, code: (error as { code?: string }).code ?? String(error) }));
}
