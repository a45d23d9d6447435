import type { RequestOf, ResponseOf, SecurityStatusDto } from '../../preload/contract';

/** In-memory vault status for the fake bridge. TODO(issue 4, security helper): locked state, passphrase checks. */
export class FakeSecurity {
  status: SecurityStatusDto = {
    mode: 'development',
    description: 'Development key (insecure, tests only)',
    locked: false,
    lockedReason: null,
    recoveryPassphrase: { set: false, createdAt: null },
  };

  get(): ResponseOf<'security:get-status'> {
    return this.status;
  }
  unlock(_request: RequestOf<'security:unlock'>): ResponseOf<'security:unlock'> {
    return this.status;
  }
  setRecoveryPassphrase(_request: RequestOf<'security:set-recovery-passphrase'>): ResponseOf<'security:set-recovery-passphrase'> {
    return this.status;
  }
  removeRecoveryPassphrase(): ResponseOf<'security:remove-recovery-passphrase'> {
    return this.status;
  }
}
