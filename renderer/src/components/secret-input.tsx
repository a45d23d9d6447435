import { useState, type Ref } from 'react';
import type { FieldRenderProps } from './field';

/** A password input with a Show/Hide toggle; the one way every secret field in ConnectDesk is typed. */
export function SecretInput({
  field,
  value,
  onChange,
  autoFocus,
  autoComplete = 'new-password',
  inputRef,
}: {
  field: FieldRenderProps;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
  /** 'current-password' where an existing secret is entered (unlocking), so password managers offer it. */
  autoComplete?: 'new-password' | 'current-password';
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [revealed, setRevealed] = useState(false);
  return (
    <div className="input-group">
      <input
        {...field}
        ref={inputRef}
        className="input input-mono"
        type={revealed ? 'text' : 'password'}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
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
  );
}
