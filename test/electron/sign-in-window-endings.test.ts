// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInWindowAuthorizer } from '../../main/electron/sign-in-window-authorizer.js';
import { runRequest, setup, shownWindow, signInAndAccept, track } from './sign-in-fixture.js';

describe('SignInWindowAuthorizer: endings other than the callback', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('C6: closing the window settles at once with closed, and Connect works again', async () => {
    const { electron, authorizer } = setup();
    const outcome = authorizer.run(runRequest());
    const win = await shownWindow(electron);
    win.userClose();
    // Settled on the 'closed' event itself: before even a 0 ms timer could fire (no polling, no grace period).
    const first = await Promise.race([outcome, new Promise((resolve) => setTimeout(() => resolve('a timer fired first'), 0))]);
    expect(first).toEqual({ kind: 'closed' });
    expect(authorizer.activeAttempts()).toEqual([]);
    expect(win.session.storageClears).toBe(1);

    const retry = authorizer.run(runRequest());
    expect(electron.windows).toHaveLength(2);
    await signInAndAccept(await shownWindow(electron));
    expect(await retry).toMatchObject({ kind: 'callback' });
  });

  it('cancels through the AbortSignal and closes the window', async () => {
    const { electron, authorizer } = setup();
    const controller = new AbortController();
    const outcome = authorizer.run(runRequest({ signal: controller.signal }));
    const win = await shownWindow(electron);
    controller.abort();
    expect(await outcome).toEqual({ kind: 'cancelled' });
    expect(win.isDestroyed()).toBe(true);
  });

  it('an already aborted signal settles cancelled without opening a window', async () => {
    const { electron, authorizer } = setup();
    const controller = new AbortController();
    controller.abort();
    expect(await authorizer.run(runRequest({ signal: controller.signal }))).toEqual({ kind: 'cancelled' });
    expect(electron.windows).toHaveLength(0);
  });

  it('times out after timeoutMs and closes the window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { electron, authorizer } = setup();
    const state = track(authorizer.run(runRequest({ timeoutMs: 60_000 })));
    const win = electron.lastWindow();
    // Not vi.waitFor: under fake timers it advances the clock itself. setImmediate stays real.
    for (let i = 0; i < 50 && !win.visible; i += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(win.visible).toBe(true);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(state.value).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(state.value).toEqual({ kind: 'timeout' });
    expect(win.isDestroyed()).toBe(true);
  });

  it('a late close or abort after settling changes nothing', async () => {
    const { electron, authorizer, log } = setup();
    const controller = new AbortController();
    const outcome = authorizer.run(runRequest({ signal: controller.signal }));
    const win = await shownWindow(electron);
    await signInAndAccept(win);
    controller.abort();
    win.userClose();
    expect(await outcome).toMatchObject({ kind: 'callback' });
    expect(log.mock.calls.filter(([m]) => m.includes('ended'))).toHaveLength(1);
  });
});

describe('SignInWindowAuthorizer: never rejects', () => {
  it('a window that cannot be created is a failed outcome, not a rejection', async () => {
    const { electron } = setup();
    const authorizer = new SignInWindowAuthorizer({
      createWindow: () => {
        throw new Error('GPU process unavailable');
      },
      sessionFromPartition: electron.sessionFromPartition,
    });
    expect(await authorizer.run(runRequest())).toMatchObject({ kind: 'failed', reason: 'load-failed', detail: expect.stringContaining('GPU process') });
  });
});
