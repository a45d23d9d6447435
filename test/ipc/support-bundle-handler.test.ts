import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFilePath } from '../../main/core/diagnostics/app-log.js';
import { AppError } from '../../main/core/errors/app-error.js';
import { findSecrets } from '../../main/core/diagnostics/secret-scanner.js';
import { collectStoreSecrets } from '../../main/core/diagnostics/store-secrets.js';
import type { InvokeDispatcher } from '../../main/ipc/bridge-types.js';
import { createInvokeDispatcher } from '../../main/ipc/invoke-dispatcher.js';
import type { ResponseOf } from '../../preload/contract.js';
import { draft, type Harness } from '../support/core-harness.js';
import { ipcContextFor, ipcHarnessPerTest } from '../support/ipc-harness.js';

let h: Harness;
let dispatch: InvokeDispatcher;
ipcHarnessPerTest((started) => ({ h, dispatch } = started));

type Bundle = ResponseOf<'diagnostics:export-bundle'>;

describe('diagnostics:export-bundle over IPC', () => {
  it('answers a bundle for a connection, a folder or everything: JSON text, fingerprints only, the recent log lines', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const done = await h.finished(h.coordinator.begin(draft({ name: 'Team docs' })).attemptId);
    const connectionId = done.connection!.id;
    mkdirSync(join(h.dataDir, 'logs'), { recursive: true });
    writeFileSync(logFilePath(h.dataDir), '[info] started\n[info] sign-in: connected\n');

    const one = await dispatch('diagnostics:export-bundle', { scope: { kind: 'connection', connectionId } });
    expect(one).toMatchObject({ ok: true });
    const bundle = (one as { value: Bundle }).value;
    expect(bundle.fileName).toMatch(/^connectdesk-support-team-docs-\d{4}-\d{2}-\d{2}\.json$/);
    expect(bundle.summary).toMatchObject({ connections: 1, logLines: 2 });
    expect(bundle.summary.traces).toBeGreaterThan(0);
    const parsed = JSON.parse(bundle.data) as { app: { version: string }; runtime: { node: string }; connections: Array<{ id: string }>; logs: { lines: string[] } };
    expect(parsed.app.version).toBe('1.0.0');
    expect(parsed.runtime.node).toBe(process.versions.node);
    expect(parsed.connections.map((c) => c.id)).toEqual([connectionId]);
    expect(parsed.logs.lines).toEqual(['[info] started', '[info] sign-in: connected']);
    const secrets = collectStoreSecrets(h.store, h.ctx.vault);
    expect(secrets.length).toBeGreaterThanOrEqual(2);
    expect(findSecrets(bundle.data, secrets)).toEqual([]);

    const folder = await dispatch('diagnostics:export-bundle', { scope: { kind: 'folder', folderId: 'shared' } });
    expect((folder as { value: Bundle }).value.fileName).toMatch(/^connectdesk-support-shared-/);
    const all = await dispatch('diagnostics:export-bundle', { scope: { kind: 'all' } });
    expect((all as { value: Bundle }).value.summary.connections).toBe(1);
  });

  it('says NOT_FOUND for a folder or connection that no longer exists, and refuses a malformed scope', async () => {
    expect(await dispatch('diagnostics:export-bundle', { scope: { kind: 'folder', folderId: 'gone' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('diagnostics:export-bundle', { scope: { kind: 'connection', connectionId: 'gone' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('diagnostics:export-bundle', { scope: { kind: 'everything' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('still gives a bundle while the store is locked (no fingerprints then), saying so', async () => {
    const services = { ...h.ctx };
    Object.defineProperty(services, 'vault', {
      get: () => {
        throw new AppError('VAULT_LOCKED');
      },
    });
    const locked = { ...ipcContextFor(h), services };
    const answer = await createInvokeDispatcher(locked)('diagnostics:export-bundle', { scope: { kind: 'all' } });
    expect(answer).toMatchObject({ ok: true });
    const parsed = JSON.parse((answer as { value: Bundle }).value.data) as { secretProtection: { locked: boolean }; notes: string[] };
    expect(parsed.secretProtection.locked).toBe(true);
    expect(parsed.notes).toContain('The secret store was locked: secrets are shown without fingerprints.');
  });
});
