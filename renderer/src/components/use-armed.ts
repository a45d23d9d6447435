import { useEffect, useState } from 'react';

/**
 * How long a consequential button ignores activation after it appears, as browsers' permission
 * prompts do: a double-click or a second Enter meant for the previous button must not land on it.
 */
export const ARMING_DELAY_MS = 600;

/** False for `delayMs` after the component mounts, then true. */
export function useArmed(delayMs: number = ARMING_DELAY_MS): boolean {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    setArmed(false);
    const timer = setTimeout(() => setArmed(true), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
  return armed;
}
