import type { FieldRenderProps } from './field';

/** A one-line text input for a Field; `mono` for identifiers (client IDs, keychain names, variables). */
export function TextInput({
  field,
  value,
  onChange,
  mono = false,
  maxLength,
  placeholder,
}: {
  field: FieldRenderProps;
  value: string;
  onChange: (value: string) => void;
  mono?: boolean;
  maxLength?: number;
  placeholder?: string | undefined;
}) {
  return (
    <input
      {...field}
      className={mono ? 'input input-mono' : 'input'}
      autoComplete="off"
      spellCheck={mono ? false : undefined}
      maxLength={maxLength}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
