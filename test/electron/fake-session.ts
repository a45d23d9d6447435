/**
 * A fake Electron Session: permission handlers, webRequest.onBeforeRequest with Chromium's URL
 * pattern rules (a pattern host without a port matches any port), storage clearing, and a log
 * of the requests that actually left the machine.
 */
import type { OnBeforeRequestListenerDetails, PermissionRequest, WebContents } from 'electron';
import type { BeforeRequestListener, SessionLike, WebRequestFilter } from '../../main/electron/electron-api.js';

type ResourceType = OnBeforeRequestListenerDetails['resourceType'];
type PermissionRequestHandler = Parameters<SessionLike['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<SessionLike['setPermissionCheckHandler']>[0];

/** Chromium match pattern `<scheme>://<host>[:<port>]/<path>` with `*` wildcards. */
export function matchesPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|wss?|ftp|file):/.test(url);
  const m = /^([^:]+):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, hostPort, pathGlob] = m as unknown as [string, string, string, string];
  const target = new URL(url);
  if (scheme !== '*' && `${scheme}:` !== target.protocol) return false;
  const portIndex = hostPort.lastIndexOf(':');
  const hasPort = portIndex > hostPort.lastIndexOf(']');
  const host = hasPort ? hostPort.slice(0, portIndex) : hostPort;
  if (host !== '*' && host !== target.hostname) return false;
  if (hasPort && hostPort.slice(portIndex + 1) !== '*' && hostPort.slice(portIndex + 1) !== target.port) return false;
  const glob = new RegExp(`^${pathGlob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(target.pathname + target.search);
}

let requestIds = 0;

export class FakeSession implements SessionLike {
  permissionRequestHandler: PermissionRequestHandler = null;
  permissionCheckHandler: PermissionCheckHandler = null;
  beforeRequest: { filter: WebRequestFilter; listener: BeforeRequestListener } | null = null;
  storageClears = 0;
  cacheClears = 0;
  /** Requests that left the machine (URLs as sent: never with a fragment). */
  readonly sentRequests: string[] = [];
  /** Requests cancelled by the onBeforeRequest listener. */
  readonly cancelledRequests: string[] = [];

  constructor(readonly partition: string) {}

  readonly webRequest = {
    onBeforeRequest: (filter: WebRequestFilter, listener: BeforeRequestListener | null): void => {
      // Electron keeps one listener per event and session: setting replaces, null removes.
      this.beforeRequest = listener ? { filter, listener } : null;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }

  async clearStorageData(): Promise<void> {
    this.storageClears += 1;
  }

  async clearCache(): Promise<void> {
    this.cacheClears += 1;
  }

  /** A page asks for a permission; without a handler Electron grants most permissions. */
  requestPermission(permission: 'media' | 'notifications' | 'geolocation' | 'clipboard-read'): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) =>
      // The deny handlers ignore webContents and details; the fake has no real ones to give.
      handler({} as WebContents, permission, resolve, { requestingUrl: 'https://idp.example/' } as PermissionRequest),
    );
  }

  checkPermission(permission: 'media' | 'notifications' | 'geolocation' | 'clipboard-read'): boolean {
    const handler = this.permissionCheckHandler;
    if (!handler) return true;
    return handler(null, permission, 'https://idp.example', { requestingUrl: 'https://idp.example/' } as Parameters<
      NonNullable<PermissionCheckHandler>
    >[3]);
  }

  /**
   * Chromium calls onBeforeRequest before a request leaves (the URL without its fragment, which
   * is never sent). Returns true when the listener cancelled it.
   */
  sendRequest(url: string, resourceType: ResourceType): Promise<boolean> {
    const requestUrl = url.split('#')[0] ?? url;
    const hook = this.beforeRequest;
    const leave = (cancel: boolean) => {
      (cancel ? this.cancelledRequests : this.sentRequests).push(requestUrl);
      return cancel;
    };
    if (!hook) return Promise.resolve(leave(false));
    const types = hook.filter.types;
    const filtered =
      hook.filter.urls.some((p) => matchesPattern(p, requestUrl)) &&
      !(hook.filter.excludeUrls ?? []).some((p) => matchesPattern(p, requestUrl)) &&
      (!types || (resourceType !== 'other' && types.includes(resourceType)));
    if (!filtered) return Promise.resolve(leave(false));
    return new Promise((resolve) => {
      requestIds += 1;
      const details: OnBeforeRequestListenerDetails = {
        id: requestIds,
        url: requestUrl,
        method: 'GET',
        resourceType,
        referrer: '',
        timestamp: Date.now(),
        uploadData: [],
      };
      hook.listener(details, (response) => resolve(leave(response.cancel === true)));
    });
  }
}
