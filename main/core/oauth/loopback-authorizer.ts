import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AuthorizationOutcome, AuthorizationRun, Authorizer } from './authorizer.js';
import { matchCallback } from './callback-matcher.js';

/** Opens a URL in the user's browser (OS browser, a popup of the browser shell, or a printed URL in the CLI). */
export type UrlOpener = (url: string, attemptId: string) => Promise<void> | void;

interface PendingRun {
  run: AuthorizationRun;
  state: string | null;
  settle: (outcome: AuthorizationOutcome) => void;
}

const PAGE_STYLE =
  'font:16px system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:2rem;line-height:1.5;color:#172b4d';

function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="${PAGE_STYLE}"><h1 style="font-size:1.4rem">${title}</h1><p>${body}</p>${script}</body></html>`;
}

/** A callback that carried its answer in the fragment (case C1) is re-sent with it as the query. */
const FRAGMENT_RELAY = `<script>if(location.hash.length>1)location.replace(location.pathname+'?'+location.hash.slice(1)+'&fragment_relay=1')</script>`;

/**
 * Sign-in in the system browser with a loopback redirect (RFC 8252 §7.3): one listener on the
 * registered callback address, bound to loopback only, open while any run is pending, closed after.
 */
export class LoopbackAuthorizer implements Authorizer {
  readonly kind = 'system-browser' as const;
  private readonly pending = new Map<string, PendingRun>();
  private servers: Server[] = [];
  private listening: Promise<void> | null = null;

  constructor(private readonly openUrl: UrlOpener) {}

  run(run: AuthorizationRun): Promise<AuthorizationOutcome> {
    return new Promise<AuthorizationOutcome>((resolve) => {
      let settled = false;
      const timer = setTimeout(() => settle({ kind: 'timeout' }), run.timeoutMs);
      const onAbort = () => settle({ kind: 'cancelled' });
      const settle = (outcome: AuthorizationOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        run.signal.removeEventListener('abort', onAbort);
        this.pending.delete(run.attemptId);
        if (this.pending.size === 0) this.stopListening();
        resolve(outcome);
      };
      if (run.signal.aborted) return settle({ kind: 'cancelled' });
      run.signal.addEventListener('abort', onAbort);
      this.pending.set(run.attemptId, { run, state: new URL(run.authorizeUrl).searchParams.get('state'), settle });
      this.startListening(run.callbackUrl)
        .then(() => (settled ? undefined : this.openUrl(run.authorizeUrl, run.attemptId)))
        .catch((error: NodeJS.ErrnoException) =>
          settle(
            error.code === 'EADDRINUSE'
              ? { kind: 'failed', reason: 'port-in-use', detail: new URL(run.callbackUrl).host }
              : { kind: 'failed', reason: 'load-failed', detail: error.message },
          ),
        );
    });
  }

  /** The system browser gives no signal when the user closes it; hosts that can tell (the browser shell) report it. */
  windowClosed(attemptId: string): void {
    this.pending.get(attemptId)?.settle({ kind: 'closed' });
  }

  focus(attemptId: string): void {
    const pending = this.pending.get(attemptId);
    if (pending) void this.openUrl(pending.run.authorizeUrl, attemptId);
  }

  private startListening(callbackUrl: string): Promise<void> {
    if (this.listening) return this.listening;
    const url = new URL(callbackUrl);
    if (url.protocol !== 'http:') return Promise.reject(new Error('loopback sign-in needs an http://localhost or 127.0.0.1 callback URL'));
    const port = Number(url.port || 80);
    // 'localhost' may resolve to either family in the browser: listen on both loopback addresses.
    const hosts = url.hostname === 'localhost' ? ['127.0.0.1', '::1'] : [url.hostname.replace(/^\[|\]$/g, '')];
    this.listening = Promise.all(
      hosts.map((host, index) =>
        this.listen(host, port).catch((error: NodeJS.ErrnoException) => {
          // IPv6 may be missing on this machine; only the first address is required.
          if (index > 0 && (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT')) return;
          throw error;
        }),
      ),
    ).then(() => undefined);
    this.listening.catch(() => this.stopListening());
    return this.listening;
  }

  private listen(host: string, port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = createServer((req, res) => this.handle(req, res));
      server.once('error', reject);
      server.listen({ host, port, exclusive: true }, () => {
        this.servers.push(server);
        resolve();
      });
    });
  }

  private stopListening(): void {
    for (const server of this.servers) {
      server.close();
      // Let the answer page finish sending; then drop whatever the browser keeps open.
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 1000).unref();
    }
    this.servers = [];
    this.listening = null;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const send = (status: number, html: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
      res.end(html);
    };
    const anyPending = this.pending.values().next().value;
    if (req.method !== 'GET' || !anyPending) return send(404, page('Nothing to do here', 'No ConnectDesk sign-in is waiting for this page.'));
    const candidate = `${new URL(anyPending.run.callbackUrl).origin}${req.url ?? '/'}`;
    const match = matchCallback(candidate, anyPending.run.callbackUrl);
    if (!match) return send(404, page('Not found', 'This is not the ConnectDesk callback address.'));
    if (!['code', 'error', 'state'].some((k) => match.params.has(k))) {
      return send(200, page('Finishing sign-in…', 'Returning to ConnectDesk.', FRAGMENT_RELAY));
    }
    const state = match.params.get('state');
    const runs = [...this.pending.values()];
    // Route by state; a single pending run gets any answer so that a wrong state is reported, not ignored.
    const target = runs.find((p) => p.state !== null && p.state === state) ?? (runs.length === 1 ? runs[0] : undefined);
    if (!target) return send(400, page('Unknown sign-in', 'This answer does not belong to a sign-in ConnectDesk is waiting for.'));
    match.params.delete('fragment_relay');
    const finished = match.params.has('error') ? 'Sign-in did not finish' : 'Signed in';
    send(200, page(finished, 'You can close this window and return to ConnectDesk.'));
    target.settle({ kind: 'callback', url: `${new URL(target.run.callbackUrl).origin}${new URL(candidate).pathname}?${match.params.toString()}` });
  }
}
