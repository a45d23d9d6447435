/**
 * A scripted identity provider for the sign-in window tests: an authorize page, a login form
 * that redirects to consent, and an Accept that redirects to the registered callback.
 */
import { vi } from 'vitest';
import type { AuthorizationOutcome, AuthorizationRun } from '../../main/core/oauth/authorizer.js';
import { SignInWindowAuthorizer } from '../../main/electron/sign-in-window-authorizer.js';
import { FakeElectron, type FakeBrowserWindow, type Route } from './fake-electron.js';

export const CALLBACK = 'http://localhost:10000/callback';
export const IDP = 'https://auth.atlassian.example';
export const AUTHORIZE = `${IDP}/authorize?client_id=abc&redirect_uri=${encodeURIComponent(CALLBACK)}&state=S`;
export const LOGIN_POST = `${IDP}/login`;
export const ACCEPT = `${IDP}/consent/accept`;

export function idpRoutes(answer = `${CALLBACK}?code=X&state=S`, extra: Record<string, Route> = {}) {
  return (url: string): Route => {
    const bare = url.split('#')[0] ?? url;
    const exact = extra[bare] ?? extra[url];
    if (exact) return exact;
    if (bare.startsWith(`${IDP}/authorize`)) return { kind: 'page', title: 'Log in to continue' };
    if (bare === LOGIN_POST) return { kind: 'redirect', location: `${IDP}/consent` };
    if (bare === `${IDP}/consent`) return { kind: 'page', title: 'Allow ConnectDesk?' };
    if (bare === ACCEPT) return { kind: 'redirect', location: answer };
    return { kind: 'page', title: 'Some page' };
  };
}

export function setup(routes = idpRoutes()) {
  const electron = new FakeElectron();
  electron.routes = routes;
  const log = vi.fn<(message: string) => void>();
  let ids = 0;
  const authorizer = new SignInWindowAuthorizer({
    createWindow: electron.createWindow,
    sessionFromPartition: electron.sessionFromPartition,
    randomId: () => `r${++ids}`,
    log,
  });
  return { electron, authorizer, log };
}

export function runRequest(overrides: Partial<AuthorizationRun> = {}): AuthorizationRun {
  return {
    attemptId: 'attempt-1',
    authorizeUrl: AUTHORIZE,
    callbackUrl: CALLBACK,
    persistSession: null,
    signal: new AbortController().signal,
    timeoutMs: 10 * 60_000,
    ...overrides,
  };
}

/** Tracks whether a run has settled without awaiting it. */
export function track(outcome: Promise<AuthorizationOutcome>) {
  const state: { value: AuthorizationOutcome | null } = { value: null };
  void outcome.then((value) => {
    state.value = value;
  });
  return state;
}

export async function shownWindow(electron: FakeElectron): Promise<FakeBrowserWindow> {
  await vi.waitFor(() => {
    if (!electron.lastWindow().visible) throw new Error('sign-in window not shown yet');
  });
  return electron.lastWindow();
}

/** The user signs in and accepts: login form post, then Accept on the consent page. */
export async function signInAndAccept(win: FakeBrowserWindow) {
  await win.webContents.userNavigate(LOGIN_POST);
  return win.webContents.userNavigate(ACCEPT);
}
