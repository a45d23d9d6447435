import { describe, expect, it } from 'vitest';
import { createConnectionServices } from '../../main/core/services/connection-services.js';
import type { ServiceContext } from '../../main/core/services/service-context.js';
import { DevelopmentKeyProtector } from '../../main/core/vault/development-key-protector.js';
import { TEST_SCRYPT_PARAMETERS } from '../../main/core/vault/passphrase-key-protector.js';
import { VaultSession } from '../../main/core/vault/vault-session.js';
import type { InvokeDispatcher } from '../../main/ipc/bridge-types.js';
import { createInvokeDispatcher } from '../../main/ipc/invoke-dispatcher.js';
import type { IpcContext } from '../../main/ipc/ipc-context.js';
import { invokeChannels, type SecurityStatusDto } from '../../preload/contract.js';
import { draft, type Harness } from '../support/core-harness.js';
import { ipcContextFor, ipcHarnessPerTest } from '../support/ipc-harness.js';

const PASSPHRASE = 'correct horse battery staple';
const ANSWERED_WHILE_LOCKED = ['app:get-info', 'settings:get', 'security:get-status', 'security:unlock'];

let h: Harness;
let dispatch: InvokeDispatcher;
ipcHarnessPerTest((started) => ({ h, dispatch } = started));

const status = (result: unknown) => (result as { value: SecurityStatusDto }).value;

/** The same store as `h`, started again on "a new computer": its keychain cannot open the store. */
async function restartedOnNewComputer(): Promise<{ ctx: IpcContext; dispatch: InvokeDispatcher }> {
  const security = await VaultSession.start(h.store, new DevelopmentKeyProtector({ machine: 'new' }), { mode: 'development', scrypt: TEST_SCRYPT_PARAMETERS });
  const services: ServiceContext = Object.defineProperty({ ...h.ctx }, 'vault', { get: () => security.vault });
  const ctx: IpcContext = { ...ipcContextFor(h), services, connections: createConnectionServices(services), security };
  return { ctx, dispatch: createInvokeDispatcher(ctx) };
}

async function addConnection(): Promise<string> {
  h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
  const done = await h.finished(h.coordinator.begin(draft()).attemptId);
  return done.connection!.id;
}

describe('security over IPC', () => {
  it('status, set, change and remove the recovery passphrase; no answer carries it', async () => {
    const initial = status(await dispatch('security:get-status', {}));
    expect(initial).toMatchObject({ mode: 'development', locked: false, lockedReason: null, recoveryPassphrase: { set: false, createdAt: null } });

    expect(await dispatch('security:set-recovery-passphrase', { passphrase: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'Enter the passphrase' } });
    expect(await dispatch('security:set-recovery-passphrase', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'RECOVERY_PASSPHRASE_TOO_SHORT' } });

    const answers = [await dispatch('security:set-recovery-passphrase', { passphrase: PASSPHRASE })];
    expect(status(answers[0]).recoveryPassphrase).toEqual({ set: true, createdAt: expect.any(String) });
    answers.push(await dispatch('security:set-recovery-passphrase', { passphrase: `${PASSPHRASE} again` }));
    expect(status(answers[1]).recoveryPassphrase.set).toBe(true);
    answers.push(await dispatch('security:remove-recovery-passphrase', {}));
    expect(status(answers[2]).recoveryPassphrase).toEqual({ set: false, createdAt: null });
    expect(JSON.stringify(answers)).not.toContain(PASSPHRASE);

    // The keychain slot is the only one left: it is never removed.
    expect(await dispatch('security:remove-recovery-passphrase', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('while locked, only app info, settings, status and unlock are answered; everything else is VAULT_LOCKED', async () => {
    await dispatch('security:set-recovery-passphrase', { passphrase: PASSPHRASE });
    const locked = await restartedOnNewComputer();
    expect(locked.ctx.security.locked).toBe(true);
    for (const channel of invokeChannels) {
      const result = await locked.dispatch(channel, channel === 'security:unlock' ? { passphrase: 'a wrong passphrase' } : {});
      const code = result.ok ? null : result.error.code;
      if (ANSWERED_WHILE_LOCKED.includes(channel)) expect(code, channel).not.toBe('VAULT_LOCKED');
      else expect(code, channel).toBe('VAULT_LOCKED');
    }
    const reported = status(await locked.dispatch('security:get-status', {}));
    expect(reported).toMatchObject({ locked: true, lockedReason: { code: 'VAULT_LOCKED', remediation: expect.stringContaining('recovery passphrase') } });
    expect(await locked.dispatch('app:get-info', {})).toMatchObject({ ok: true });
  });

  it('unlock: wrong passphrase is an error and stays locked; the right one opens and connections work', async () => {
    const connectionId = await addConnection();
    await dispatch('security:set-recovery-passphrase', { passphrase: PASSPHRASE });
    const locked = await restartedOnNewComputer();

    expect(await locked.dispatch('security:unlock', { passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'RECOVERY_PASSPHRASE_WRONG' } });
    expect(status(await locked.dispatch('security:get-status', {})).locked).toBe(true);

    const unlocked = await locked.dispatch('security:unlock', { passphrase: PASSPHRASE });
    expect(status(unlocked)).toMatchObject({ locked: false, lockedReason: null, recoveryPassphrase: { set: true } });
    expect(JSON.stringify(unlocked)).not.toContain(PASSPHRASE);
    const check = await locked.dispatch('connections:check', { connectionId });
    expect(check).toMatchObject({ ok: true, value: { ok: true } });
  });
});
