// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { matchCallback } from '../../main/core/oauth/callback-matcher.js';
import { SIGN_IN_WINDOW_TITLE } from '../../main/electron/sign-in-window-options.js';
import { electronEvent } from './fake-electron.js';
import { ACCEPT, AUTHORIZE, CALLBACK, IDP, idpRoutes, runRequest, setup, shownWindow, signInAndAccept, track } from './sign-in-fixture.js';

describe('SignInWindowAuthorizer: catching the callback', () => {
  it('settles with the callback on the redirect after Accept; the callback request never leaves', async () => {
    const { electron, authorizer } = setup();
    const outcome = authorizer.run(runRequest());
    const win = await shownWindow(electron);
    expect(await signInAndAccept(win)).toEqual({ failed: -3 }); // will-redirect prevented → navigation aborted
    expect(await outcome).toEqual({ kind: 'callback', url: `${CALLBACK}?code=X&state=S` });
    expect(win.session.sentRequests.some((url) => url.startsWith('http://localhost:10000'))).toBe(false);
    expect(win.isDestroyed()).toBe(true);
    expect(win.session.beforeRequest).toBeNull();
    expect(win.session.storageClears).toBe(1);
    expect(win.session.cacheClears).toBe(1);
  });

  it('C1: keeps the fragment when the answer comes as #code=…&state=…', async () => {
    const { electron, authorizer } = setup(idpRoutes(`${CALLBACK}#code=X&state=S`));
    const outcome = authorizer.run(runRequest());
    await signInAndAccept(await shownWindow(electron));
    const result = await outcome;
    expect(result).toEqual({ kind: 'callback', url: `${CALLBACK}#code=X&state=S` });
    expect(result.kind === 'callback' && matchCallback(result.url, CALLBACK)?.source).toBe('fragment');
  });

  it('C2: an identity-provider page carrying code and state on another host or path is not terminal', async () => {
    const { electron, authorizer } = setup();
    const state = track(authorizer.run(runRequest()));
    const win = await shownWindow(electron);
    expect(await win.webContents.userNavigate('https://sso-broker.example/saml/acs?state=S&code=X')).toBe('finished');
    expect(await win.webContents.userNavigate(`${IDP}/callback?code=X&state=S`)).toBe('finished');
    expect(state.value).toBeNull();
    expect(win.isDestroyed()).toBe(false);
    await win.webContents.userNavigate(ACCEPT);
    await expect.poll(() => state.value).toEqual({ kind: 'callback', url: `${CALLBACK}?code=X&state=S` });
  });

  it('C3: only the exact port and path match; :10001, no port, /callback/ and other paths go through', async () => {
    const { electron, authorizer } = setup();
    const state = track(authorizer.run(runRequest()));
    const win = await shownWindow(electron);
    const nearMisses = [
      'http://localhost:10001/callback?code=X&state=S',
      'http://localhost/callback?code=X&state=S',
      'http://localhost:10000/callback/?code=X&state=S',
      'http://localhost:10000/other?code=X&state=S',
    ];
    for (const url of nearMisses) expect(await win.webContents.userNavigate(url)).toBe('finished');
    expect(state.value).toBeNull();
    expect(win.session.sentRequests).toEqual(expect.arrayContaining(nearMisses));
    expect(await win.webContents.userNavigate(`${CALLBACK}?code=X&state=S`)).toBe('prevented');
    await expect.poll(() => state.value).toEqual({ kind: 'callback', url: `${CALLBACK}?code=X&state=S` });
  });

  it('C4: ERR_ABORTED on the first load (authorize page redirecting by script) is a redirect, not a failure', async () => {
    const { electron, authorizer } = setup(
      idpRoutes(undefined, { [AUTHORIZE]: { kind: 'page', scriptRedirectTo: `${IDP}/login-page` } }),
    );
    const outcome = authorizer.run(runRequest());
    const win = electron.lastWindow();
    const failures: number[] = [];
    win.webContents.on('did-fail-load', (_e: unknown, code: number) => failures.push(code));
    await shownWindow(electron);
    expect(failures).toEqual([-3]);
    await signInAndAccept(win);
    expect(await outcome).toEqual({ kind: 'callback', url: `${CALLBACK}?code=X&state=S` });
  });

  it('reports a genuine load failure of the identity-provider page without its query', async () => {
    const { authorizer } = setup(idpRoutes(undefined, { [AUTHORIZE]: { kind: 'error', code: -105, description: 'ERR_NAME_NOT_RESOLVED' } }));
    const result = await authorizer.run(runRequest());
    expect(result).toMatchObject({ kind: 'failed', reason: 'load-failed' });
    expect(result.kind === 'failed' && result.detail).toContain('ERR_NAME_NOT_RESOLVED (-105)');
    expect(result.kind === 'failed' && result.detail).not.toContain('state=');
  });

  it('ignores a failing sub-frame, and reads the callback from a failed load of the callback URL', async () => {
    const { electron, authorizer } = setup();
    const state = track(authorizer.run(runRequest()));
    const win = await shownWindow(electron);
    win.webContents.emit('did-fail-load', electronEvent({}), -105, 'ERR_NAME_NOT_RESOLVED', 'https://ads.example/', false);
    expect(state.value).toBeNull();
    win.webContents.emit('did-fail-load', electronEvent({}), -102, 'ERR_CONNECTION_REFUSED', `${CALLBACK}?code=X&state=S`, true);
    await expect.poll(() => state.value).toEqual({ kind: 'callback', url: `${CALLBACK}?code=X&state=S` });
  });

  it('cancels a callback navigation in onBeforeRequest when no navigation event caught it', async () => {
    const { electron, authorizer } = setup();
    const outcome = authorizer.run(runRequest());
    const win = await shownWindow(electron);
    // Browser-initiated: no will-navigate, so webRequest is the door that sees it.
    expect(await win.webContents.navigate(`${CALLBACK}?code=X&state=S`, 'browser')).toEqual({ failed: -20 });
    expect(await outcome).toEqual({ kind: 'callback', url: `${CALLBACK}?code=X&state=S` });
    expect(win.session.cancelledRequests).toEqual([`${CALLBACK}?code=X&state=S`]);
    expect(win.session.sentRequests).not.toContain(`${CALLBACK}?code=X&state=S`);
  });

  it('settles exactly once when several doors see the same callback', async () => {
    const { electron, authorizer, log } = setup();
    const outcome = authorizer.run(runRequest());
    const win = await shownWindow(electron);
    const listener = win.session.beforeRequest?.listener;
    await signInAndAccept(win); // will-redirect, then did-fail-load(-3) on the callback
    // A late webRequest notification for the same callback (e.g. a prefetch) after settling.
    listener?.({ id: 1, url: CALLBACK, method: 'GET', resourceType: 'mainFrame', referrer: '', timestamp: 0, uploadData: [] }, () => undefined);
    expect(await outcome).toEqual({ kind: 'callback', url: `${CALLBACK}?code=X&state=S` });
    expect(log.mock.calls.filter(([m]) => m.includes('ended'))).toHaveLength(1);
    expect(win.session.storageClears).toBe(1);
    expect(win.listenerCount('closed')).toBe(0);
    expect(win.webContents.listenerCount('will-redirect')).toBe(0);
  });

  it('refuses non-web navigations (file:, custom schemes) without ending the run', async () => {
    const { electron, authorizer } = setup();
    const state = track(authorizer.run(runRequest()));
    const win = await shownWindow(electron);
    expect(await win.webContents.userNavigate('file:///etc/passwd')).toBe('prevented');
    expect(await win.webContents.userNavigate('zoommtg://join')).toBe('prevented');
    expect(state.value).toBeNull();
  });
});

describe('SignInWindowAuthorizer: the window', () => {
  it('is sandboxed, isolated, without preload, on a fresh signin-<random> partition, titled and shown when ready', async () => {
    const { electron, authorizer } = setup();
    void authorizer.run(runRequest());
    const win = electron.lastWindow();
    expect(win.visible).toBe(false);
    expect(win.options).toMatchObject({ title: SIGN_IN_WINDOW_TITLE, show: false });
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: undefined,
      partition: 'signin-r1',
    });
    await shownWindow(electron);
    const title = electronEvent({});
    win.emit('page-title-updated', title, 'Log in to continue', true);
    expect(title.defaultPrevented).toBe(true);
  });

  it('denies permissions and new windows', async () => {
    const { electron, authorizer } = setup();
    void authorizer.run(runRequest());
    const win = await shownWindow(electron);
    expect(await win.session.requestPermission('media')).toBe(false);
    expect(await win.session.requestPermission('notifications')).toBe(false);
    expect(win.session.checkPermission('geolocation')).toBe(false);
    expect(win.webContents.tryOpenWindow('https://support.atlassian.example/')).toEqual({ action: 'deny' });
  });

  it('C9: each attempt gets a new, wiped partition; persist:signin-<key> only when asked, and kept', async () => {
    const { electron, authorizer } = setup();
    const first = authorizer.run(runRequest({ attemptId: 'a' }));
    await signInAndAccept(await shownWindow(electron));
    await first;
    const second = authorizer.run(runRequest({ attemptId: 'b' }));
    await signInAndAccept(await shownWindow(electron));
    await second;
    const [a, b] = electron.windows;
    expect(a?.session.partition).toBe('signin-r1');
    expect(b?.session.partition).toBe('signin-r2');
    expect(a?.session).not.toBe(b?.session);

    const third = authorizer.run(runRequest({ attemptId: 'c', persistSession: { partitionKey: 'conn-1' } }));
    const persisted = await shownWindow(electron);
    await signInAndAccept(persisted);
    await third;
    expect(persisted.session.partition).toBe('persist:signin-conn-1');
    expect(persisted.session.storageClears).toBe(0);
  });

  it('C8: focus() and a repeated run() bring the same window forward', async () => {
    const { electron, authorizer } = setup();
    const first = authorizer.run(runRequest());
    const win = await shownWindow(electron);
    win.minimize();
    authorizer.focus('attempt-1');
    expect(win).toMatchObject({ minimized: false, visible: true, focused: true });
    win.minimize();
    const again = authorizer.run(runRequest());
    expect(again).toBe(first);
    expect(electron.windows).toHaveLength(1);
    expect(win.focused).toBe(true);
    authorizer.focus('unknown-attempt'); // no window: nothing happens
  });
});
