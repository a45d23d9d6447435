import { useEffect, useState } from 'react';
import type { SecurityStatusDto } from '../../../../preload/contract';
import { ErrorBanner, WarnNote } from '../../components/banner';
import { Button } from '../../components/button';
import { CheckIcon } from '../../components/icons';
import { RemoveRecoveryPassphraseDialog, SetRecoveryPassphraseDialog } from './recovery-passphrase-dialogs';
import { isWeakProtection, useSecurityStore } from './security-store';

type Dialog = 'set' | 'change' | 'remove' | null;

const DONE: Record<Exclude<Dialog, null>, string> = {
  set: 'Recovery passphrase set. Keep it somewhere safe.',
  change: 'Recovery passphrase changed. The old one no longer opens your secrets.',
  remove: 'Recovery passphrase removed.',
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** Settings → Security: how secrets are protected here, and the recovery passphrase. */
export function SecuritySection() {
  const status = useSecurityStore((s) => s.status);
  const error = useSecurityStore((s) => s.error);
  const load = useSecurityStore((s) => s.load);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);

  // Fresh each time Settings opens: another window may have changed it.
  useEffect(() => {
    void load();
  }, [load]);

  const open = (next: Exclude<Dialog, null>) => {
    setDone(null);
    setDialog(next);
  };

  return (
    <section className="settings-section" aria-labelledby="settings-security-heading">
      <h3 id="settings-security-heading" className="section-title">
        Security
      </h3>
      {error && !status ? <ErrorBanner error={error} /> : null}
      {status ? (
        <>
          {/* The description says it all; a weak protection only adds the warning colour. */}
          {isWeakProtection(status.mode) ? (
            <WarnNote>
              <p>{status.description}</p>
            </WarnNote>
          ) : (
            <p className="section-text">{status.description}</p>
          )}
          <RecoveryPassphrase status={status} done={done} onOpen={open} />
        </>
      ) : null}
      {!status && !error ? <p className="section-text">Loading…</p> : null}
      {dialog === 'set' || dialog === 'change' ? (
        <SetRecoveryPassphraseDialog changing={dialog === 'change'} onDone={() => setDone(DONE[dialog])} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'remove' ? <RemoveRecoveryPassphraseDialog onDone={() => setDone(DONE.remove)} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}

function RecoveryPassphrase({ status, done, onOpen }: { status: SecurityStatusDto; done: string | null; onOpen: (dialog: Exclude<Dialog, null>) => void }) {
  const { set, createdAt } = status.recoveryPassphrase;
  const sessionOnly = status.mode === 'session-only';
  return (
    <div className="security-recovery" role="group" aria-labelledby="security-recovery-title">
      <div className="security-recovery-text">
        <p id="security-recovery-title" className="security-recovery-title">
          Recovery passphrase
        </p>
        <p className={set ? 'security-state security-set' : 'security-state security-unset'}>
          {set ? <CheckIcon /> : null}
          {set ? `Set on ${formatDate(createdAt)}` : 'Not set'}
        </p>
        <p className="section-text">
          {sessionOnly
            ? 'Not available while secrets are kept for this session only: there is no lasting key to protect.'
            : set
              ? 'It opens your secrets if this computer’s keychain is lost or you move to a new computer.'
              : 'A second key to your secrets. Without it, a lost keychain or a new computer means reconnecting every connection.'}
        </p>
        {done ? (
          <p className="security-done" role="status">
            {done}
          </p>
        ) : null}
      </div>
      {sessionOnly ? null : set ? (
        <div className="security-actions">
          <Button size="sm" onClick={() => onOpen('change')}>
            Change…
          </Button>
          <Button size="sm" onClick={() => onOpen('remove')}>
            Remove…
          </Button>
        </div>
      ) : (
        <div className="security-actions">
          <Button size="sm" onClick={() => onOpen('set')}>
            Set recovery passphrase…
          </Button>
        </div>
      )}
    </div>
  );
}

function formatDate(iso: string | null): string {
  const time = iso ? new Date(iso).getTime() : NaN;
  return Number.isNaN(time) ? 'an unknown date' : dateFormat.format(time);
}
