import { useId, type KeyboardEvent, type ReactNode } from 'react';

export interface ChoiceOption<V extends string> {
  value: V;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}

/**
 * A radio group of bordered choices built on native radios sharing one name, so the arrow keys
 * move the selection (not only the focus), disabled options are skipped, and Tab enters at the
 * checked one, all by the browser.
 */
export function ChoiceList<V extends string>({
  labelledBy,
  value,
  onChange,
  options,
  disabled = false,
}: {
  labelledBy: string;
  value: V | null;
  onChange: (value: V) => void;
  options: ChoiceOption<V>[];
  disabled?: boolean;
}) {
  const name = useId();
  // Enter on a radio would submit the surrounding form (Connect, Continue); selection is Space or the arrows.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.preventDefault();
  };
  return (
    <div className="choice-list" role="radiogroup" aria-labelledby={labelledBy} aria-disabled={disabled || undefined}>
      {options.map((option, index) => {
        const off = disabled || option.disabled === true;
        const labelId = `${name}-${index}-label`;
        const descId = option.description ? `${name}-${index}-desc` : undefined;
        return (
          <label key={option.value} className="choice" data-checked={value === option.value || undefined} data-disabled={off || undefined}>
            <input
              type="radio"
              className="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              disabled={off}
              aria-labelledby={labelId}
              aria-describedby={descId}
              onChange={(event) => {
                if (event.target.checked) onChange(option.value);
              }}
              onKeyDown={onKeyDown}
            />
            <span className="choice-text">
              <span className="choice-label" id={labelId}>
                {option.label}
              </span>
              {option.description ? (
                <span className="choice-description" id={descId}>
                  {option.description}
                </span>
              ) : null}
            </span>
          </label>
        );
      })}
    </div>
  );
}
