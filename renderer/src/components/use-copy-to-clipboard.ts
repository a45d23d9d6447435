import { useEffect, useState } from 'react';

/** How long a Copy button shows that it copied (or could not) before it reads "Copy" again. */
export const COPY_FEEDBACK_MS = 2000;

/** Whether the last copy worked, failed, or nothing is to be said (yet, or any more). */
export type CopyOutcome = 'yes' | 'failed' | null;

/**
 * Copies `value` to the clipboard and remembers for `COPY_FEEDBACK_MS` whether it worked, so a
 * button can say "Copied" and a live region can say so (or ask to copy by hand when the clipboard
 * refuses).
 */
export function useCopyToClipboard(value: string): { copied: CopyOutcome; copy: () => Promise<void> } {
  const [copied, setCopied] = useState<CopyOutcome>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), COPY_FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return { copied, copy };
}
