/**
 * Drives the sandbox like a browser and a client would: real HTTP on loopback, manual redirects,
 * a tiny cookie jar, HTML forms read back from the pages.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type SandboxHandle, type SandboxSeed } from '../../main/sandbox/index.js';

export const CALLBACK_URL = 'http://localhost:47615/oauth/callback';
export const DEFAULT_SCOPES = ['read:confluence-space.summary', 'search:confluence', 'read:confluence-content.summary', 'offline_access'];
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export interface TestSandbox extends SandboxHandle {
  clock: { now: number; advance(ms: number): void };
}

export interface TestSandboxOptions {
  stateFile?: string;
  /** Where the clock starts; a restarted sandbox passes the previous one's clock.now. */
  clockStart?: number;
  /** Default: the seed shipped with the sandbox (seed.json). */
  seed?: SandboxSeed;
}

export async function startTestSandbox(options: TestSandboxOptions = {}): Promise<TestSandbox> {
  const clock = {
    now: options.clockStart ?? Date.parse('2026-03-01T09:00:00Z'),
    advance(ms: number) {
      clock.now += ms;
    },
  };
  const sandbox = await startSandbox({
    port: 0,
    callbackUrl: CALLBACK_URL,
    now: () => clock.now,
    stateFile: options.stateFile,
    ...(options.seed ? { seed: options.seed } : {}),
  });
  return Object.assign(sandbox, { clock });
}

/**
 * One sandbox for the whole test file, reset before each test. The returned handle always
 * points at the running sandbox (it is started in beforeAll).
 */
export function useTestSandbox(): TestSandbox {
  let current: TestSandbox | null = null;
  beforeAll(async () => {
    current = await startTestSandbox();
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => current?.control.reset());
  return new Proxy({} as TestSandbox, {
    get: (_target, key) => {
      if (!current) throw new Error('the test sandbox is not started yet (use it inside a test or hook)');
      return Reflect.get(current, key);
    },
  });
}

/** One browser partition: its own cookies; redirects are read, never followed. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async get(pathOrUrl: string): Promise<Response> {
    return this.request(pathOrUrl, { method: 'GET' });
  }

  async postForm(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  private async request(pathOrUrl: string, init: RequestInit): Promise<Response> {
    const url = new URL(pathOrUrl, this.baseUrl);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(setCookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

export interface AuthorizeParams {
  clientId?: string;
  redirectUri?: string;
  scopes?: string[];
  state?: string;
  codeChallenge?: string;
  /** Replaces the whole query string (for malformed requests). */
  rawQuery?: string;
}

/** Builds the query the way a correct client must: `%20` between scopes. */
export function authorizePath(params: AuthorizeParams = {}): string {
  if (params.rawQuery !== undefined) return `/authorize?${params.rawQuery}`;
  const pairs: Array<[string, string]> = [
    ['audience', 'api.atlassian.com'],
    ['client_id', params.clientId ?? 'connectdesk-managed'],
    ['scope', (params.scopes ?? DEFAULT_SCOPES).join(' ')],
    ['redirect_uri', params.redirectUri ?? CALLBACK_URL],
    ['state', params.state ?? 'state-123'],
    ['response_type', 'code'],
    ['prompt', 'consent'],
  ];
  if (params.codeChallenge) pairs.push(['code_challenge', params.codeChallenge], ['code_challenge_method', 'S256']);
  return `/authorize?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

export function hiddenRequestId(html: string): string {
  const match = /name="request" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no pending request id in page');
  return match[1];
}

export const location = (response: Response): string => response.headers.get('location') ?? '';

export interface ConsentRun extends AuthorizeParams {
  email?: string;
  password?: string;
  decision?: 'accept' | 'cancel';
  browser?: TestBrowser;
}

/** authorize → sign-in → consent; returns the callback URL the browser is sent to. */
export async function runConsent(sb: SandboxHandle, run: ConsentRun = {}): Promise<URL> {
  const browser = run.browser ?? new TestBrowser(sb.url);
  const start = await browser.get(authorizePath(run));
  if (start.status !== 302) throw new Error(`authorize answered ${start.status}`);
  let next = location(start);
  if (next.startsWith('/login')) {
    const page = await browser.get(next);
    const signedIn = await browser.postForm('/login', {
      request: hiddenRequestId(await page.text()),
      email: run.email ?? 'demo@example.com',
      password: run.password ?? 'connectdesk',
    });
    if (signedIn.status !== 302) throw new Error(`sign-in answered ${signedIn.status}`);
    next = location(signedIn);
  }
  const consent = await browser.get(next);
  const decided = await browser.postForm('/consent', { request: hiddenRequestId(await consent.text()), decision: run.decision ?? 'accept' });
  if (decided.status !== 302) throw new Error(`consent answered ${decided.status}`);
  return new URL(location(decided));
}

export async function postToken(sb: SandboxHandle, body: Record<string, string>, format: 'json' | 'form' = 'json'): Promise<Response> {
  return fetch(`${sb.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: format === 'json' ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
}

export function codeExchangeBody(sb: SandboxHandle, code: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    grant_type: 'authorization_code',
    client_id: sb.managedApp.clientId,
    client_secret: sb.managedApp.clientSecret,
    code,
    redirect_uri: CALLBACK_URL,
    ...extra,
  };
}

export interface TokenSet {
  access_token: string;
  expires_in: number;
  scope: string;
  token_type: string;
  refresh_token?: string;
}

/** The whole flow for a user; returns the token response. */
export async function connect(sb: SandboxHandle, run: ConsentRun = {}): Promise<TokenSet> {
  const callback = await runConsent(sb, run);
  const response = await postToken(sb, codeExchangeBody(sb, callback.searchParams.get('code') ?? ''));
  if (response.status !== 200) throw new Error(`token exchange answered ${response.status}`);
  return (await response.json()) as TokenSet;
}

export function refreshBody(sb: SandboxHandle, refreshToken: string): Record<string, string> {
  return { grant_type: 'refresh_token', client_id: sb.managedApp.clientId, client_secret: sb.managedApp.clientSecret, refresh_token: refreshToken };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function bearerGet(sb: SandboxHandle, path: string, token: string): Promise<Response> {
  return fetch(`${sb.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}
