import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { Spinner } from './spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  /** Shows a spinner and marks the button busy; it stays focusable but ignores clicks. */
  busy?: boolean;
  /**
   * Not armed yet (see useArmed): looks disabled (aria-disabled) and ignores clicks, but stays in
   * the DOM and focus order so it does not jump when it arms.
   */
  unarmed?: boolean;
  iconOnly?: boolean;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', busy = false, unarmed = false, iconOnly = false, className, children, onClick, type, ...rest },
  ref,
) {
  const classes = ['btn', `btn-${variant}`, `btn-${size}`, iconOnly ? 'btn-icon' : '', className ?? ''].filter(Boolean).join(' ');
  const inert = busy || unarmed;
  return (
    <button
      ref={ref}
      type={type ?? 'button'}
      className={classes}
      aria-busy={busy || undefined}
      aria-disabled={unarmed || undefined}
      onClick={inert ? (event) => event.preventDefault() : onClick}
      {...rest}
    >
      {busy ? <Spinner size={12} /> : null}
      {children}
    </button>
  );
});
