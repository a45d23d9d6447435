// @vitest-environment happy-dom
import './setup';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COPY_FEEDBACK_MS, useCopyToClipboard } from '../../renderer/src/components/use-copy-to-clipboard';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('useCopyToClipboard', () => {
  it('copies the value and says so for a while, then says nothing again', async () => {
    vi.useFakeTimers();
    const hook = renderHook(() => useCopyToClipboard('http://localhost:47615/oauth/callback'));
    await act(() => hook.result.current.copy());
    expect(await navigator.clipboard.readText()).toBe('http://localhost:47615/oauth/callback');
    expect(hook.result.current.copied).toBe('yes');

    act(() => vi.advanceTimersByTime(COPY_FEEDBACK_MS - 1));
    expect(hook.result.current.copied).toBe('yes');
    act(() => vi.advanceTimersByTime(1));
    expect(hook.result.current.copied).toBeNull();
  });

  it('says the copy failed when the clipboard refuses', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Denied', 'NotAllowedError'));
    const hook = renderHook(() => useCopyToClipboard('value'));
    await act(() => hook.result.current.copy());
    expect(hook.result.current.copied).toBe('failed');
  });
});
