import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInvokeChannel, type EventChannel } from '../../preload/contract.js';
import { createEventPublisher } from '../../main/ipc/event-publisher.js';
import type { EnvironmentSettings } from '../../main/environments/environment-settings.js';
import { createInvokeDispatcher } from '../../main/ipc/invoke-dispatcher.js';
import { createShellContext } from './shell-context.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const BRIDGE_SOURCE = join(here, 'shell-bridge.js');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** A shell event: a service event, or a request to open a sign-in popup. */
type ShellEvent = { type: EventChannel | 'shell:open-url'; payload: unknown };

export interface BrowserShell {
  url: string;
  storePath: string;
  /** True when the store waits for the recovery passphrase (the page shows the unlock screen). */
  lockedAtStart: boolean;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and implements window.connectdesk over loopback HTTP: the same
 * contract, the same dispatcher and handlers as Electron's IPC. Requests need the per-run token,
 * which only the page served here knows; Host and Origin are checked against DNS rebinding.
 */
export async function startBrowserShell(options: {
  dataDir: string;
  rendererDir: string;
  settings: EnvironmentSettings;
  port?: number;
  version?: string;
  /** CONNECTDESK_SHELL_KEYCHAIN (shell-keychain.ts). */
  keychain?: string | undefined;
}): Promise<BrowserShell> {
  const token = randomBytes(24).toString('base64url');
  const streams = new Set<FastifyReply>();
  const broadcast = (event: ShellEvent) => {
    const data = `data: ${JSON.stringify({ event: event.type, payload: event.payload })}\n\n`;
    for (const reply of streams) reply.raw.write(data);
  };
  const context = await createShellContext({
    dataDir: options.dataDir,
    settings: options.settings,
    version: options.version ?? '0.0.0-shell',
    emit: createEventPublisher((event, payload) => broadcast({ type: event, payload })),
    openUrl: (url, attemptId) => broadcast({ type: 'shell:open-url', payload: { attemptId, url } }),
    keychain: options.keychain,
  });
  const dispatch = createInvokeDispatcher(context.ipc);
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  let origin = '';

  const authorised = (req: FastifyRequest): boolean => {
    if (req.headers.host !== new URL(origin).host) return false;
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return false;
    const given = Buffer.from(String(req.headers['x-connectdesk-token'] ?? (req.query as Record<string, string>).token ?? ''));
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  // A backup travels as base64 in one request (backup:preview); the contract caps it at 70 MB.
  app.post('/__shell/invoke/:channel', { bodyLimit: 72 * 1024 * 1024 }, async (req, reply) => {
    if (!authorised(req)) return reply.code(403).send({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Refused.', remediation: 'Reload the page.' } });
    const channel = (req.params as { channel: string }).channel;
    if (!isInvokeChannel(channel)) return reply.code(404).send({ ok: false, error: { code: 'NOT_FOUND', message: 'Unknown channel.', remediation: 'Reload the page.' } });
    return dispatch(channel, req.body);
  });

  app.get('/__shell/events', (req, reply) => {
    if (!authorised(req)) return reply.code(403).send();
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    reply.raw.write(': connected\n\n');
    streams.add(reply);
    req.raw.on('close', () => streams.delete(reply));
  });

  app.post('/__shell/popup-closed', async (req, reply) => {
    if (!authorised(req)) return reply.code(403).send();
    const { attemptId } = (req.body ?? {}) as { attemptId?: unknown };
    if (typeof attemptId === 'string') context.authorizer.windowClosed(attemptId);
    return { ok: true };
  });

  app.get('/__shell/bridge.js', async (_req, reply) => {
    const source = await readFile(BRIDGE_SOURCE, 'utf8');
    return reply.type(MIME['.js']!).header('cache-control', 'no-store').send(source.replace('__CONNECTDESK_SHELL_TOKEN__', token));
  });

  app.get('/*', async (req, reply) => serveRenderer(options.rendererDir, req.url, reply));

  origin = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  return {
    url: `${origin}/`,
    storePath: context.storePath,
    lockedAtStart: context.security.locked,
    close: async () => {
      for (const reply of streams) reply.raw.end();
      context.stopOfflineRecovery();
      context.stopStoreWatcher();
      await app.close();
      await context.environments.close();
    },
  };
}

async function serveRenderer(rendererDir: string, rawUrl: string, reply: FastifyReply): Promise<FastifyReply> {
  const root = resolve(rendererDir);
  const pathname = decodeURIComponent(new URL(rawUrl, 'http://shell').pathname);
  const wanted = pathname === '/' ? 'index.html' : normalize(pathname).replace(/^[/\\]+/, '');
  const file = resolve(root, wanted);
  if (file !== root && !file.startsWith(root + sep)) return reply.code(404).send('Not found');
  try {
    let body = await readFile(file);
    if (file.endsWith('index.html')) {
      // The bridge must exist before the app's module script runs, and sit under the page's CSP.
      body = Buffer.from(body.toString('utf8').replace('<script type="module"', '<script src="/__shell/bridge.js"></script>\n    <script type="module"'));
    }
    return reply
      .type(MIME[extname(file)] ?? 'application/octet-stream')
      .header('cache-control', 'no-store')
      // frame-ancestors only works as a header; the rest of the CSP is in the page's meta tag.
      .header('content-security-policy', "frame-ancestors 'none'")
      .header('x-content-type-options', 'nosniff')
      .send(body);
  } catch {
    return reply.code(404).send('Not found. Build the renderer first: npm run shell');
  }
}
