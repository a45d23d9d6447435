import { useState } from 'react';
import { Field } from '../../components/field';
import type { DraftForm, FieldErrors } from './draft-form';

/** Client ID and client secret of the user's own OAuth app. The secret is hidden unless shown. */
export function ClientCredentialsFields({
  form,
  errors,
  onChange,
  storedClientIdMasked,
}: {
  form: DraftForm;
  errors: FieldErrors;
  onChange: (patch: Partial<DraftForm>) => void;
  /** Reconnect: the stored client ID (masked); both fields may stay empty to keep the stored ones. */
  storedClientIdMasked?: string | undefined;
}) {
  const keeping = storedClientIdMasked !== undefined;
  const [revealed, setRevealed] = useState(false);
  return (
    <div className="field-row">
      <Field label="Client ID" error={errors.clientId} hint={keeping ? 'Leave empty to keep the stored client ID' : undefined}>
        {(props) => (
          <input
            {...props}
            className="input input-mono"
            autoComplete="off"
            spellCheck={false}
            value={form.clientId}
            placeholder={storedClientIdMasked}
            onChange={(e) => onChange({ clientId: e.target.value })}
          />
        )}
      </Field>
      <Field
        label="Client secret"
        error={errors.clientSecret}
        hint={keeping ? 'Leave empty to keep the stored secret' : 'Stored encrypted on this computer; never shown again.'}
      >
        {(props) => (
          <div className="input-group">
            <input
              {...props}
              className="input input-mono"
              type={revealed ? 'text' : 'password'}
              autoComplete="new-password"
              spellCheck={false}
              value={form.clientSecret}
              onChange={(e) => onChange({ clientSecret: e.target.value })}
            />
            <button
              type="button"
              className="btn btn-secondary btn-sm input-addon"
              aria-pressed={revealed}
              aria-label={revealed ? 'Hide secret' : 'Show secret'}
              onClick={() => setRevealed((v) => !v)}
            >
              {revealed ? 'Hide' : 'Show'}
            </button>
          </div>
        )}
      </Field>
    </div>
  );
}
