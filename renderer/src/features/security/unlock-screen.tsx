import { useRef, useState, type FormEvent } from 'react';
import type { ErrorInfoDto, SecurityStatusDto } from '../../../../preload/contract';
import { toErrorInfo } from '../../api/ui-error';
import { ErrorBanner, WarnNote } from '../../components/banner';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { LockIcon } from '../../components/icons';
import { SecretInput } from '../../components/secret-input';
import { useSecurityStore } from './security-store';

/**
 * Shown instead of the workspace while the secret store is locked (this computer's keychain could
 * not open it). With a recovery passphrase the person can open it here; without one, the screen
 * says plainly that it cannot be opened on this computer and what to do instead.
 */
export function UnlockScreen({ status }: { status: SecurityStatusDto }) {
  const reason = status.lockedReason;
  const canUnlock = status.recoveryPassphrase.set;
  return (
    <main className="unlock-screen" aria-labelledby="unlock-title">
      <div className="unlock-card">
        <div className="unlock-brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <span className="brand-name">ConnectDesk</span>
        </div>
        <div className="unlock-heading">
          <LockIcon className="unlock-icon" />
          <h1 id="unlock-title" className="unlock-title">
            {canUnlock ? 'Unlock your secrets' : 'Your secrets cannot be opened here'}
          </h1>
        </div>
        {reason ? <p className="unlock-lead">{reason.message}</p> : null}
        {canUnlock ? (
          <UnlockForm hint={reason?.remediation} />
        ) : (
          <WarnNote>
            <p>{reason?.remediation ?? 'Open ConnectDesk on the computer that created this store.'}</p>
            <p>Your connections and settings are still in the store; only their secrets are out of reach on this computer.</p>
          </WarnNote>
        )}
        {reason ? <TechnicalDetail reason={reason} /> : null}
      </div>
    </main>
  );
}

function UnlockForm({ hint }: { hint: string | undefined }) {
  const unlock = useSecurityStore((s) => s.unlock);
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ErrorInfoDto | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (!passphrase) {
      setFieldError('Enter your recovery passphrase');
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      // On success the app replaces this screen with the workspace.
      await unlock(passphrase);
    } catch (error) {
      const info = toErrorInfo(error);
      // A wrong passphrase belongs to the field (kept, to fix a typo); anything else is a banner.
      if (info.code === 'RECOVERY_PASSPHRASE_WRONG') setFieldError(`${info.message} Letter case and spaces count.`);
      else setFailure(info);
      setBusy(false);
      input.current?.focus();
    }
  };

  return (
    <form className="form-stack unlock-form" onSubmit={submit} noValidate>
      {failure ? <ErrorBanner error={failure} /> : null}
      <Field label="Recovery passphrase" error={fieldError} hint={hint}>
        {(props) => (
          <SecretInput
            field={props}
            value={passphrase}
            autoFocus
            autoComplete="current-password"
            inputRef={input}
            onChange={(next) => {
              setPassphrase(next);
              setFieldError(undefined);
            }}
          />
        )}
      </Field>
      <div className="unlock-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </Button>
      </div>
    </form>
  );
}

function TechnicalDetail({ reason }: { reason: ErrorInfoDto }) {
  return (
    <details className="banner-detail unlock-detail">
      <summary>Technical detail</summary>
      <pre>{`Code: ${reason.code}${reason.detail ? `\n${reason.detail}` : ''}`}</pre>
    </details>
  );
}
