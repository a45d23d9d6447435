// @vitest-environment happy-dom
import './setup';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { UiError } from '../../renderer/src/api/ui-error';
import { useFileExport } from '../../renderer/src/components/use-file-export';

/** A result main has not answered yet, settled by the test. */
function pending<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function renderExport() {
  const save = vi.fn<(result: string) => void>();
  const onExported = vi.fn<(result: string) => void>();
  const hook = renderHook(() => useFileExport({ save, onExported }));
  /** Runs an export whose answer from main the test settles; resolves when the run is over. */
  const start = (answer: Promise<string>) => {
    let running!: Promise<void>;
    act(() => {
      running = hook.result.current.run(() => answer);
    });
    return running;
  };
  return { save, onExported, hook, start };
}

describe('useFileExport', () => {
  it('is busy while main works, then saves the file and reports it, in that order', async () => {
    const { save, onExported, hook, start } = renderExport();
    const answer = pending<string>();
    const running = start(answer.promise);
    expect(hook.result.current.busy).toBe(true);

    await act(async () => {
      answer.resolve('file');
      await running;
    });
    expect(save).toHaveBeenCalledWith('file');
    expect(onExported).toHaveBeenCalledWith('file');
    expect(save.mock.invocationCallOrder[0]).toBeLessThan(onExported.mock.invocationCallOrder[0]!);
  });

  it('keeps a failure for the banner and is ready again; nothing is saved', async () => {
    const { save, onExported, hook } = renderExport();
    await act(() => hook.result.current.run(() => Promise.reject(new UiError({ code: 'STORE_LOCKED', message: 'The store is locked.', remediation: 'Unlock it.' }))));
    expect(hook.result.current).toMatchObject({ busy: false, failure: { code: 'STORE_LOCKED', message: 'The store is locked.' } });
    expect(save).not.toHaveBeenCalled();
    expect(onExported).not.toHaveBeenCalled();
  });

  it('closed while main works: the answer is dropped and no file is saved', async () => {
    const { save, onExported, hook, start } = renderExport();
    const answer = pending<string>();
    const running = start(answer.promise);
    hook.unmount();
    answer.resolve('file');
    await running;
    expect(save).not.toHaveBeenCalled();
    expect(onExported).not.toHaveBeenCalled();
  });
});
