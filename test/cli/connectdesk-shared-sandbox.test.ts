import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secretContext } from '../../main/core/services/client-credentials.js';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { DevelopmentKeyProtector } from '../../main/core/vault/development-key-protector.js';
import { SecretVault } from '../../main/core/vault/secret-vault.js';
import { EnvironmentRegistry, sandboxStateFileIn } from '../../main/environments/environment-registry.js';
import { readEnvironmentSettings } from '../../main/environments/environment-settings.js';
import type { SandboxHandle } from '../../main/sandbox/index.js';
import { freePort } from '../support/free-port.js';
import { runCli, signInThroughCli } from './cli-harness.js';

/**
 * The tool next to the app, on the app's data folder, with the app's in-app sandbox and no
 * CONNECTDESK_SANDBOX_URL: it must talk to the sandbox the app runs (a reviewer's connection made
 * through the CLI was refused by the app's sandbox as "revoked" when the tool started its own).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'cd-cli-shared-'));
let app: EnvironmentRegistry;
afterAll(() => app?.close());

describe('connectdesk with the app running the sandbox', () => {
  it("connect signs in against the app's sandbox; check and base-url use it; once it stops, base-url says so (exit 1)", async () => {
    const callbackUrl = `http://localhost:${await freePort()}/oauth/callback`;
    const env = { CONNECTDESK_DATA_DIR: dataDir, CONNECTDESK_ENVIRONMENT: 'sandbox', CONNECTDESK_CALLBACK_URL: callbackUrl };
    // "The app": its registry on the data folder starts the in-app sandbox.
    app = new EnvironmentRegistry(readEnvironmentSettings(env), { sandboxStateFile: sandboxStateFileIn(dataDir) });
    const appSandboxUrl = await app.sandboxUrl();

    const connected = await signInThroughCli({ url: appSandboxUrl } as SandboxHandle, ['connect', '--folder', 'Shared', '--name', 'From the tool', '--no-browser', '--development-key'], env, 'solo@example.com');
    expect(connected.code).toBe(0);
    expect(connected.authorizeUrl.startsWith(`${appSandboxUrl}/authorize?`)).toBe(true);

    // The app's sandbox knows the token the tool saved.
    const store = new ConnectionStore(openJsonDocumentFile(dataDir));
    const record = store.listConnections().find((c) => c.name === 'From the tool')!;
    const vault = await SecretVault.open(store, new DevelopmentKeyProtector());
    const accessToken = vault.unseal(store.getConnection(record.id).tokens.access, secretContext.accessToken(record.id));
    const sites = await fetch(`${appSandboxUrl}/oauth/token/accessible-resources`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(sites.status).toBe(200);

    const check = await runCli(['check', 'From the tool', '--development-key'], env);
    expect(check.code).toBe(0);
    const baseUrl = await runCli(['base-url', 'From the tool'], env);
    expect(baseUrl.stdout.trim()).toBe(`${appSandboxUrl}/ex/confluence/${record.site.cloudId}`);

    await app.close();
    const stopped = await runCli(['base-url', 'From the tool'], env);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('[SANDBOX_NOT_RUNNING]');
  }, 60_000);
});
