// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  createAppRequestHandler,
  registerAppProtocol,
  registerAppScheme,
  resolveInside,
} from '../../main/electron/app-protocol.js';

let root: string;
let rendererDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'connectdesk-protocol-'));
  rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>ConnectDesk</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'secret.txt'), 'outside the bundle');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string) => createAppRequestHandler(rendererDir)(new Request(url));

describe('app:// protocol', () => {
  it('registers app as standard, secure, fetch-capable, and handles it', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    registerAppProtocol(protocol, rendererDir);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves index.html at / with a strict CSP', async () => {
    const response = await get('app://connectdesk/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<title>ConnectDesk</title>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('serves assets with their type', async () => {
    const response = await get('app://connectdesk/assets/app.js');
    expect(response.headers.get('content-type')).toContain('text/javascript');
  });

  it.each([
    'app://connectdesk/%2e%2e/secret.txt',
    'app://connectdesk/..%2fsecret.txt',
    'app://connectdesk/assets/..%2f..%2fsecret.txt',
    'app://connectdesk/%2E%2E%5Csecret.txt',
    'app://connectdesk/assets/%00.js',
    'app://other-host/index.html',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the bundle');
  });

  it('answers a client-side route with index.html but a missing asset with 404', async () => {
    expect((await get('app://connectdesk/folders/123')).status).toBe(200);
    expect((await get('app://connectdesk/assets/missing.js')).status).toBe(404);
  });

  it('refuses methods other than GET/HEAD', async () => {
    const response = await createAppRequestHandler(rendererDir)(new Request('app://connectdesk/', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('resolveInside keeps paths inside the root', () => {
    expect(resolveInside('/r', '/a/b.js')).toBe(path.resolve('/r/a/b.js'));
    expect(resolveInside('/r', '/../etc/passwd')).toBeNull();
    expect(resolveInside('/r', '/%E0%A4%A')).toBeNull();
  });
});
