/**
 * A typed fake of the Electron API slice in main/electron/electron-api.ts that follows Electron's
 * documented event order, so adapters are tested against Electron's behaviour, not ours:
 * - renderer-initiated navigation: will-navigate (preventable) → did-start-navigation → request;
 *   loadURL (browser-initiated) emits no will-navigate;
 * - every request passes session.webRequest.onBeforeRequest before it leaves (without fragment);
 *   a cancelled one fails with ERR_BLOCKED_BY_CLIENT (-20);
 * - server redirect: will-redirect (preventDefault cancels the navigation: did-fail-load -3)
 *   → did-redirect-navigation → request for the new URL;
 * - a page that redirects by script while loading aborts its own load: did-fail-load -3 and the
 *   loadURL promise rejects with ERR_ABORTED (case C4);
 * - ready-to-show after the first page renders; close → closed; destroy() → closed only.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import type { BrowserWindowLike, ElectronEvent, WebContentsLike } from '../../main/electron/electron-api.js';
import { FakeSession } from './fake-session.js';

export type Route =
  | { kind: 'page'; title?: string; scriptRedirectTo?: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'error'; code: number; description: string };

const ERR_ABORTED = -3;
const ERR_BLOCKED_BY_CLIENT = -20;

export function electronEvent<P extends object>(params: P): ElectronEvent<P> {
  let prevented = false;
  return Object.assign(
    {
      preventDefault: () => {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    params,
  ) as ElectronEvent<P>;
}

type NavigationResult = 'finished' | 'prevented' | { failed: number };
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class FakeWebContents extends EventEmitter implements WebContentsLike {
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  currentUrl = '';
  private destroyed = false;

  constructor(
    readonly session: FakeSession,
    private readonly routes: (url: string) => Route,
    private readonly window: FakeBrowserWindow,
  ) {
    super();
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  markDestroyed(): void {
    this.destroyed = true;
  }

  /** window.open / target=_blank from the page; without a handler Electron would open a window. */
  tryOpenWindow(url: string): WindowOpenHandlerResponse {
    const details: HandlerDetails = { url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } };
    return this.windowOpenHandler ? this.windowOpenHandler(details) : { action: 'allow' };
  }

  /** The page navigates itself (link, form post, location.href). */
  userNavigate(url: string): Promise<NavigationResult> {
    return this.navigate(url, 'renderer');
  }

  async navigate(url: string, initiator: 'browser' | 'renderer'): Promise<NavigationResult> {
    await tick();
    if (this.destroyed) return { failed: ERR_ABORTED };
    const params = { url, isSameDocument: false, isMainFrame: true, frame: null };
    if (initiator === 'renderer') {
      const event = electronEvent(params);
      this.emit('will-navigate', event, url, false, true, 0, 0);
      if (event.defaultPrevented) return 'prevented';
    }
    this.emit('did-start-navigation', electronEvent(params), url, false, true, 0, 0);
    let current = url;
    for (let hops = 0; hops < 20; hops += 1) {
      if (await this.session.sendRequest(current, 'mainFrame')) return this.fail(ERR_BLOCKED_BY_CLIENT, 'ERR_BLOCKED_BY_CLIENT', current);
      if (this.destroyed) return { failed: ERR_ABORTED };
      const route = this.routes(current);
      if (route.kind === 'error') return this.fail(route.code, route.description, current);
      if (route.kind === 'redirect') {
        const next = new URL(route.location, current).href;
        const event = electronEvent({ ...params, url: next });
        this.emit('will-redirect', event, next, false, true, 0, 0);
        if (event.defaultPrevented) return this.fail(ERR_ABORTED, 'ERR_ABORTED', next);
        this.emit('did-redirect-navigation', electronEvent({ ...params, url: next }), next, false, true, 0, 0);
        current = next;
        continue;
      }
      return this.commit(current, route);
    }
    return this.fail(-310, 'ERR_TOO_MANY_REDIRECTS', current);
  }

  private async commit(url: string, page: Extract<Route, { kind: 'page' }>): Promise<NavigationResult> {
    this.currentUrl = url;
    this.emit('did-navigate', electronEvent({}), url, 200, 'OK');
    if (page.title) this.window.emit('page-title-updated', electronEvent({}), page.title, true);
    if (page.scriptRedirectTo) {
      // The script navigates before the document finishes loading: this load is aborted (C4).
      const next = new URL(page.scriptRedirectTo, url).href;
      const followUp = this.userNavigate(next);
      this.fail(ERR_ABORTED, 'ERR_ABORTED', url);
      await followUp;
      return { failed: ERR_ABORTED };
    }
    this.window.painted();
    this.emit('did-finish-load');
    return 'finished';
  }

  private fail(code: number, description: string, url: string): NavigationResult {
    if (!this.destroyed) this.emit('did-fail-load', electronEvent({}), code, description, url, true, 0, 0);
    return { failed: code };
  }
}

let windowIds = 0;

export class FakeBrowserWindow extends EventEmitter implements BrowserWindowLike {
  readonly id = ++windowIds;
  readonly webContents: FakeWebContents;
  visible = false;
  focused = false;
  minimized = false;
  private destroyed = false;
  private shownOnce = false;

  constructor(
    readonly options: BrowserWindowConstructorOptions,
    readonly session: FakeSession,
    routes: (url: string) => Route,
  ) {
    super();
    this.webContents = new FakeWebContents(session, routes, this);
  }

  async loadURL(url: string): Promise<void> {
    const result = await this.webContents.navigate(url, 'browser');
    if (result !== 'finished') throw new Error(`ERR_FAILED (${result === 'prevented' ? ERR_ABORTED : result.failed}) loading '${url}'`);
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  minimize(): void {
    this.minimized = true;
    this.focused = false;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Electron: destroy() emits 'closed' but not 'close', and skips beforeunload. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.markDestroyed();
    this.emit('closed');
  }
  /** The user clicks the close button: 'close' (preventable) then 'closed'. */
  userClose(): void {
    const event = electronEvent({});
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  /** Called by the fake webContents when the first page has rendered. */
  painted(): void {
    if (this.shownOnce) return;
    this.shownOnce = true;
    this.emit('ready-to-show');
  }
}

/** The fake `electron` module slice: windows, sessions by partition, and a scripted web. */
export class FakeElectron {
  readonly windows: FakeBrowserWindow[] = [];
  readonly sessions = new Map<string, FakeSession>();
  routes: (url: string) => Route = () => ({ kind: 'page', title: 'Page' });

  readonly createWindow = (options: BrowserWindowConstructorOptions): FakeBrowserWindow => {
    const session = this.sessionFromPartition(options.webPreferences?.partition ?? '');
    const win = new FakeBrowserWindow(options, session, (url) => this.routes(url));
    this.windows.push(win);
    return win;
  };

  readonly sessionFromPartition = (partition: string): FakeSession => {
    let session = this.sessions.get(partition);
    if (!session) {
      session = new FakeSession(partition);
      this.sessions.set(partition, session);
    }
    return session;
  };

  lastWindow(): FakeBrowserWindow {
    const win = this.windows.at(-1);
    if (!win) throw new Error('no window was created');
    return win;
  }
}
