import { useState } from 'react';
import { Field } from '../../components/field';
import type { DraftForm, FieldErrors } from './draft-form';

/** Client ID and client secret of the user's own OAuth app. The secret is hidden unless shown. */
export function ClientCredentialsFields({
  form,
  errors,
  onChange,
}: {
  form: DraftForm;
  errors: FieldErrors;
  onChange: (patch: Partial<DraftForm>) => void;
}) {
  const [revealed, setRevealed] = useState(false);
  return (
    <div className="field-row">
      <Field label="Client ID" error={errors.clientId}>
        {(props) => (
          <input
            {...props}
            className="input input-mono"
            autoComplete="off"
            spellCheck={false}
            value={form.clientId}
            onChange={(e) => onChange({ clientId: e.target.value })}
          />
        )}
      </Field>
      <Field label="Client secret" error={errors.clientSecret} hint="Stored encrypted on this computer; never shown again.">
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
