import { useEffect, useRef, useState } from 'react';
import type { ErrorInfoDto } from '../../../preload/contract';
import { toErrorInfo } from '../api/ui-error';

/**
 * One export that main produces and the renderer saves as a download (a backup, a support
 * bundle): `run` shows busy while main works, then saves the file and reports it, or keeps the
 * failure for an error banner and lets the person try again. A dialog closed while main works
 * means the person changed their mind: the result is dropped and no file is saved.
 */
export function useFileExport<T>({ save, onExported }: { save: (result: T) => void; onExported: (result: T) => void }): {
  busy: boolean;
  failure: ErrorInfoDto | null;
  run: (produce: () => Promise<T>) => Promise<void>;
} {
  const [failure, setFailure] = useState<ErrorInfoDto | null>(null);
  const [busy, setBusy] = useState(false);
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);

  const run = async (produce: () => Promise<T>) => {
    if (busy) return;
    setFailure(null);
    setBusy(true);
    try {
      const result = await produce();
      if (!open.current) return;
      save(result);
      onExported(result);
    } catch (error) {
      if (!open.current) return;
      setFailure(toErrorInfo(error));
      setBusy(false);
    }
  };

  return { busy, failure, run };
}
