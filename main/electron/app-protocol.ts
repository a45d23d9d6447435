/**
 * Serves the built renderer as app://connectdesk/ (checklist §1: the UI comes from the bundle,
 * through a custom protocol rather than file://). The scheme is registered privileged before
 * `ready` (standard + secure, so it gets a real origin, fetch and a secure context) and handled
 * after it. Every response carries the app's Content-Security-Policy.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_SCHEME, isAppUrl } from './app-origin.js';
import type { ProtocolLike } from './electron-api.js';

/**
 * Scripts only from the bundle, no eval, nothing framed, no plugins, no form posts anywhere.
 * style-src allows inline styles because UI primitives (Radix) set positioning styles at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Call before app `ready` (Electron only accepts privileged schemes then). */
export function registerAppScheme(protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Call after `ready`, on the default session's protocol (sign-in partitions never get it). */
export function registerAppProtocol(protocol: Pick<ProtocolLike, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}

function respond(status: number, body: Uint8Array | string, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** Maps a request path to a file inside rootDir, or null when it would escape it. */
export function resolveInside(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const target = path.resolve(root, relative);
  const fromRoot = path.relative(root, target);
  // Encoded dot segments (%2e%2e) survive URL parsing; the resolved path decides, not the string.
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${path.sep}`) || path.isAbsolute(fromRoot)) return null;
  return target;
}

async function readIfFile(filePath: string): Promise<Buffer | null> {
  try {
    return await readFile(filePath);
  } catch {
    return null;
  }
}

export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed');
    if (!isAppUrl(request.url)) return respond(404, 'Not found');
    const { pathname } = new URL(request.url);
    const filePath = resolveInside(rendererDir, pathname);
    if (!filePath) return respond(404, 'Not found');
    const body = await readIfFile(filePath);
    if (body) return respond(200, body, MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream');
    // A client-side route (no file extension) reloads into the single page; missing assets stay 404.
    if (path.extname(filePath) === '') {
      const index = await readIfFile(path.join(path.resolve(rendererDir), 'index.html'));
      if (index) return respond(200, index, MIME_TYPES['.html']);
    }
    return respond(404, 'Not found');
  };
}
