import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../main/core/diagnostics/redaction.js';
import { rememberStoreSecretsInBackground } from '../../main/core/diagnostics/store-secrets.js';
import { secretContext } from '../../main/core/services/client-credentials.js';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { DevelopmentKeyProtector } from '../../main/core/vault/development-key-protector.js';
import { SecretVault } from '../../main/core/vault/secret-vault.js';
import { sampleRecord } from '../support/sample-record.js';

describe('the store secrets the redactor learns at start', () => {
  it('are learnt in small slices that leave the event loop free, and all of them in the end', async () => {
    const store = new ConnectionStore(openJsonDocumentFile(mkdtempSync(join(tmpdir(), 'cd-store-secrets-'))));
    const vault = await SecretVault.open(store, new DevelopmentKeyProtector());
    const tokens: string[] = [];
    for (let i = 0; i < 600; i++) {
      const id = `c${i}`;
      const token = `access-token-${i}-${'q'.repeat(40)}`;
      tokens.push(token);
      await store.saveConnection(sampleRecord({ id, name: `Docs ${i}`, tokens: { ...sampleRecord().tokens, access: vault.seal(token, secretContext.accessToken(id)) } }));
    }
    const redactor = new Redactor();
    let ticksMeanwhile = 0;
    const tick = (): void => {
      ticksMeanwhile++;
      if (ticksMeanwhile < 1000) setImmediate(tick);
    };
    setImmediate(tick);
    const learning = rememberStoreSecretsInBackground(store, vault, redactor);
    // Nothing is unsealed before the caller goes on (start-up is not held up).
    expect(redactor.knownSecrets()).toEqual([]);
    await learning;
    // 600 connections in slices of 200: other work ran between each of the 3 slices.
    expect(ticksMeanwhile).toBeGreaterThanOrEqual(3);
    expect(new Set(redactor.knownSecrets())).toEqual(new Set(tokens));
  });
});
