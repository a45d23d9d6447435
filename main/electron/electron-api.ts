/**
 * The narrow slice of Electron's API that the adapters in main/electron use, derived from
 * Electron's own types so the real objects satisfy it (checked by test/electron/electron-api.types.test.ts).
 * Adapters receive these by injection: tests pass a fake, the composition root passes Electron.
 * Type-only imports: nothing here loads 'electron' at run time.
 */
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  CallbackResponse,
  CustomScheme,
  Event as ElectronEvent,
  MessageBoxOptions,
  MessageBoxReturnValue,
  OnBeforeRequestListenerDetails,
  Protocol,
  SafeStorage,
  Session,
  Shell,
  WebContents,
  WebContentsWillNavigateEventParams,
  WebContentsWillRedirectEventParams,
  WebRequestFilter,
} from 'electron';

export type { BrowserWindowConstructorOptions, CustomScheme, ElectronEvent };

export type WillNavigateEvent = ElectronEvent<WebContentsWillNavigateEventParams>;
export type WillRedirectEvent = ElectronEvent<WebContentsWillRedirectEventParams>;
export type WillNavigateListener = (event: WillNavigateEvent) => void;
export type WillRedirectListener = (event: WillRedirectEvent) => void;
/** Electron passes did-fail-load's facts positionally (no details object). */
export type DidFailLoadListener = (
  event: ElectronEvent,
  errorCode: number,
  errorDescription: string,
  validatedURL: string,
  isMainFrame: boolean,
) => void;
export type WillAttachWebviewListener = (event: ElectronEvent) => void;

export type BeforeRequestListener = (
  details: OnBeforeRequestListenerDetails,
  callback: (response: CallbackResponse) => void,
) => void;
export type { OnBeforeRequestListenerDetails, CallbackResponse, WebRequestFilter };

export interface WebContentsLike extends Pick<WebContents, 'setWindowOpenHandler' | 'send' | 'isDestroyed'> {
  on(event: 'will-navigate', listener: WillNavigateListener): unknown;
  on(event: 'will-redirect', listener: WillRedirectListener): unknown;
  on(event: 'did-fail-load', listener: DidFailLoadListener): unknown;
  on(event: 'will-attach-webview', listener: WillAttachWebviewListener): unknown;
  off(event: 'will-navigate', listener: WillNavigateListener): unknown;
  off(event: 'will-redirect', listener: WillRedirectListener): unknown;
  off(event: 'did-fail-load', listener: DidFailLoadListener): unknown;
  off(event: 'will-attach-webview', listener: WillAttachWebviewListener): unknown;
}

export type PageTitleListener = (event: ElectronEvent, title: string, explicitSet: boolean) => void;

export interface BrowserWindowLike
  extends Pick<BrowserWindow, 'loadURL' | 'show' | 'focus' | 'isMinimized' | 'restore' | 'isDestroyed' | 'destroy'> {
  readonly webContents: WebContentsLike;
  on(event: 'ready-to-show' | 'closed', listener: () => void): unknown;
  on(event: 'page-title-updated', listener: PageTitleListener): unknown;
  off(event: 'ready-to-show' | 'closed', listener: () => void): unknown;
  off(event: 'page-title-updated', listener: PageTitleListener): unknown;
}

/** Creates a window; in the app `(options) => new BrowserWindow(options)`. */
export type CreateWindow = (options: BrowserWindowConstructorOptions) => BrowserWindowLike;

export interface WebRequestLike {
  // Only the filtered overload: every listener here names the URLs it cares about.
  onBeforeRequest(filter: WebRequestFilter, listener: BeforeRequestListener | null): void;
}

export interface SessionLike
  extends Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'clearStorageData' | 'clearCache'> {
  readonly webRequest: WebRequestLike;
}

/** `(partition) => session.fromPartition(partition)` in the app. */
export type SessionFromPartition = (partition: string) => SessionLike;

export type SafeStorageLike = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/** The window-less form of dialog.showMessageBox: asked before any window exists. */
export interface DialogLike {
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
}

/** What an IPC handler needs of `event.senderFrame` (a WebFrameMain satisfies it). */
export interface SenderFrameLike {
  readonly url: string;
  readonly origin: string;
  readonly parent: object | null;
}

export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export type ShellLike = Pick<Shell, 'openExternal'>;

export type ProtocolLike = Pick<Protocol, 'handle' | 'registerSchemesAsPrivileged'>;
