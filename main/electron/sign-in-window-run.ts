/**
 * One sign-in attempt in one BrowserWindow. The callback can surface through several doors
 * (webRequest, will-redirect, will-navigate, did-fail-load) and often through more than one for
 * the same navigation; whichever comes first settles the run and every later one is ignored, so
 * the outcome is reported exactly once.
 */
import type { AuthorizationOutcome, AuthorizationRun } from '../core/oauth/authorizer.js';
import { isCallbackUrl, matchCallback, redactCallbackUrl } from '../core/oauth/callback-matcher.js';
import type {
  BeforeRequestListener,
  BrowserWindowConstructorOptions,
  BrowserWindowLike,
  CreateWindow,
  DidFailLoadListener,
  PageTitleListener,
  SessionFromPartition,
  WillNavigateListener,
  WillRedirectListener,
} from './electron-api.js';
import { denyAllPermissions } from './deny-permissions.js';
import { callbackRequestFilter, signInPartition, wipeSession } from './sign-in-session.js';
import { signInWindowOptions } from './sign-in-window-options.js';

/** Chromium's net::ERR_ABORTED: a load replaced by another navigation (a redirect by script, C4). */
export const ERR_ABORTED = -3;
const MAX_TIMER_MS = 2_147_483_647;

export interface SignInWindowDeps {
  createWindow: CreateWindow;
  sessionFromPartition: SessionFromPartition;
  /** The main window, so the sign-in window stays with it. */
  parentWindow?: () => BrowserWindowConstructorOptions['parent'] | null;
  randomId: () => string;
  /** Diagnostics; receives no query or fragment of any URL. */
  log: (message: string) => void;
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export class SignInWindowRun {
  readonly outcome: Promise<AuthorizationOutcome>;
  private resolveOutcome!: (outcome: AuthorizationOutcome) => void;
  private settled = false;
  private window: BrowserWindowLike | null = null;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    private readonly request: AuthorizationRun,
    private readonly deps: SignInWindowDeps,
  ) {
    this.outcome = new Promise((resolve) => {
      this.resolveOutcome = resolve;
    });
  }

  start(): Promise<AuthorizationOutcome> {
    if (this.request.signal.aborted) {
      this.settle({ kind: 'cancelled' });
      return this.outcome;
    }
    try {
      this.open();
    } catch (error) {
      // The Authorizer contract: never reject, every ending is an outcome.
      const detail = `could not open the sign-in window: ${error instanceof Error ? error.message : 'unknown error'}`;
      this.settle({ kind: 'failed', reason: 'load-failed', detail });
    }
    return this.outcome;
  }

  private open(): void {
    const { signal, callbackUrl, authorizeUrl } = this.request;

    const { partition, persistent } = signInPartition(this.request.persistSession, this.deps.randomId);
    const session = this.deps.sessionFromPartition(partition);
    denyAllPermissions(session);
    // Installed before the window exists so not even the first request escapes it.
    const filter = callbackRequestFilter(callbackUrl);
    session.webRequest.onBeforeRequest(filter, this.onBeforeRequest);
    this.cleanups.push(() => session.webRequest.onBeforeRequest(filter, null));
    if (!persistent) this.cleanups.push(() => void wipeSession(session));

    const win = this.deps.createWindow(signInWindowOptions(partition, this.deps.parentWindow?.() ?? null));
    this.window = win;
    this.listen(win);

    // setTimeout overflows (fires at once) past 2^31-1 ms.
    const timer = setTimeout(() => this.settle({ kind: 'timeout' }), Math.min(this.request.timeoutMs, MAX_TIMER_MS));
    this.cleanups.push(() => clearTimeout(timer));
    const onAbort = () => this.settle({ kind: 'cancelled' });
    signal.addEventListener('abort', onAbort, { once: true });
    this.cleanups.push(() => signal.removeEventListener('abort', onAbort));

    // loadURL rejects with ERR_ABORTED when the first page redirects by script (C4), and on any
    // failure; did-fail-load judges those, so the rejection itself means nothing here.
    win.loadURL(authorizeUrl).catch(() => undefined);
  }

  /** Case C8: Connect clicked again brings the open window forward instead of opening another. */
  focus(): void {
    const win = this.window;
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  private listen(win: BrowserWindowLike): void {
    const contents = win.webContents;
    const onReady = () => win.show();
    const onClosed = () => this.settle({ kind: 'closed' });
    // Keep our title: the page's own title would hide which app is asking for the sign-in.
    const onTitle: PageTitleListener = (event) => event.preventDefault();
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.on('ready-to-show', onReady);
    win.on('closed', onClosed);
    win.on('page-title-updated', onTitle);
    contents.on('will-navigate', this.onWillNavigate);
    contents.on('will-redirect', this.onWillRedirect);
    contents.on('did-fail-load', this.onDidFailLoad);
    this.cleanups.unshift(() => {
      // Detach first so the 'closed' caused by our own destroy() is not read as the user's.
      win.off('ready-to-show', onReady);
      win.off('closed', onClosed);
      win.off('page-title-updated', onTitle);
      if (!contents.isDestroyed()) {
        contents.off('will-navigate', this.onWillNavigate);
        contents.off('will-redirect', this.onWillRedirect);
        contents.off('did-fail-load', this.onDidFailLoad);
      }
      // destroy(), not close(): an identity-provider page's beforeunload must not keep it open.
      if (!win.isDestroyed()) win.destroy();
    });
  }

  /** Runs before the request leaves the machine: a request to the callback is always cancelled. */
  private readonly onBeforeRequest: BeforeRequestListener = (details, callback) => {
    if (!isCallbackUrl(details.url, this.request.callbackUrl)) {
      callback({});
      return;
    }
    callback({ cancel: true });
    // Only a frame navigation is the browser arriving at the callback; a stray fetch is not.
    // (Navigation events normally settle first, with the fragment that requests never carry.)
    if (details.resourceType === 'mainFrame' || details.resourceType === 'subFrame') {
      this.settleWithCallback(details.url);
    }
  };

  private readonly onWillNavigate: WillNavigateListener = (event) => {
    if (this.settleWithCallback(event.url)) event.preventDefault();
    else if (!isWebUrl(event.url)) event.preventDefault();
  };

  private readonly onWillRedirect: WillRedirectListener = (event) => {
    if (this.settleWithCallback(event.url)) event.preventDefault();
    else if (!isWebUrl(event.url)) event.preventDefault();
  };

  private readonly onDidFailLoad: DidFailLoadListener = (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    // A failed load OF the callback (nothing listens there, or we cancelled it) still carries the answer.
    if (this.settleWithCallback(validatedURL)) return;
    // A sub-frame (analytics, captcha) failing is not the sign-in failing.
    if (!isMainFrame) return;
    // ERR_ABORTED: this load was replaced by another navigation, e.g. the authorize URL
    // redirecting by script on its first load (C4). The next navigation carries on.
    if (errorCode === ERR_ABORTED) return;
    this.settle({
      kind: 'failed',
      reason: 'load-failed',
      detail: `${errorDescription} (${errorCode}) loading ${redactCallbackUrl(validatedURL)}`,
    });
  };

  /** True when `url` is the registered callback (exact match, C2/C3); settles with the full URL (C1). */
  private settleWithCallback(url: string): boolean {
    if (matchCallback(url, this.request.callbackUrl) === null) return false;
    this.settle({ kind: 'callback', url });
    return true;
  }

  private settle(outcome: AuthorizationOutcome): void {
    if (this.settled) return;
    this.settled = true;
    this.deps.log(`sign-in ${this.request.attemptId} ended: ${outcome.kind}`);
    this.resolveOutcome(outcome);
    for (const cleanup of this.cleanups.splice(0)) {
      try {
        cleanup();
      } catch (error) {
        // Cleanup must never turn a settled run into a crash; note it and carry on.
        this.deps.log(`sign-in ${this.request.attemptId} cleanup failed: ${error instanceof Error ? error.name : 'error'}`);
      }
    }
  }
}
