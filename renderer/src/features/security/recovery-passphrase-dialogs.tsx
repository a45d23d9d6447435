import { useState } from 'react';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { SecretInput } from '../../components/secret-input';
import { MIN_RECOVERY_PASSPHRASE_LENGTH, passphraseLength, useSecurityStore } from './security-store';

/**
 * Set or change the recovery passphrase: typed twice, checked here before main spends a third of
 * a second on scrypt. Main re-wraps only the store's key; no secret is re-encrypted.
 */
export function SetRecoveryPassphraseDialog({ changing, onDone, onClose }: { changing: boolean; onDone: () => void; onClose: () => void }) {
  const save = useSecurityStore((s) => s.setRecoveryPassphrase);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; confirmation?: string }>({});

  const validate = () => {
    const next: typeof errors = {};
    if (!passphrase) next.passphrase = 'Enter a passphrase';
    else if (passphraseLength(passphrase) < MIN_RECOVERY_PASSPHRASE_LENGTH) {
      next.passphrase = `Use at least ${MIN_RECOVERY_PASSPHRASE_LENGTH} characters (now ${passphraseLength(passphrase)})`;
    }
    if (!next.passphrase && confirmation !== passphrase) next.confirmation = 'The two passphrases are not the same';
    setErrors(next);
    return !next.passphrase && !next.confirmation;
  };

  const submit = async () => {
    await save(passphrase);
    onDone();
  };

  return (
    <FormDialog
      title={changing ? 'Change the recovery passphrase' : 'Set a recovery passphrase'}
      size="md"
      submitLabel={changing ? 'Change passphrase' : 'Set passphrase'}
      validate={validate}
      onSubmit={submit}
      onClose={onClose}
    >
      <p className="section-text">
        A second key that opens your secrets if this computer&apos;s keychain is lost or you move to a new computer. ConnectDesk cannot show
        it again or recover it: keep it somewhere safe, away from this computer.
        {changing ? ' The old passphrase stops working.' : ''}
      </p>
      <Field
        label="Recovery passphrase"
        error={errors.passphrase}
        hint={`At least ${MIN_RECOVERY_PASSPHRASE_LENGTH} characters. Several unrelated words are easy to remember and hard to guess.`}
      >
        {(props) => (
          <SecretInput
            field={props}
            value={passphrase}
            autoFocus
            onChange={(next) => {
              setPassphrase(next);
              setErrors((e) => ({ ...e, passphrase: undefined }));
            }}
          />
        )}
      </Field>
      <Field label="Type it again" error={errors.confirmation}>
        {(props) => (
          <SecretInput
            field={props}
            value={confirmation}
            onChange={(next) => {
              setConfirmation(next);
              setErrors((e) => ({ ...e, confirmation: undefined }));
            }}
          />
        )}
      </Field>
    </FormDialog>
  );
}

/** Remove the recovery passphrase after saying what that costs. */
export function RemoveRecoveryPassphraseDialog({ onDone, onClose }: { onDone: () => void; onClose: () => void }) {
  const remove = useSecurityStore((s) => s.removeRecoveryPassphrase);
  const submit = async () => {
    await remove();
    onDone();
  };
  return (
    <FormDialog title="Remove the recovery passphrase?" submitLabel="Remove passphrase" destructive onSubmit={submit} onClose={onClose}>
      <p>
        Without it, only this computer&apos;s keychain can open your secrets. If the keychain is lost, or you move to a new computer, every
        connection will have to be reconnected and every stored credential asset entered again.
      </p>
    </FormDialog>
  );
}
