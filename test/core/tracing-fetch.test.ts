import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryDiagnosticsJournal } from '../../main/core/diagnostics/diagnostics-journal.js';
import { REDACTED, Redactor } from '../../main/core/diagnostics/redaction.js';
import { runInTraceScope } from '../../main/core/diagnostics/trace-scope.js';
import { createTracingFetch, operationOf } from '../../main/core/diagnostics/tracing-fetch.js';
import type { TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { draft, type Harness } from '../support/core-harness.js';
import { harnessPerTest } from '../support/harness-per-test.js';
import { codesOf, leakedIn, operations, recordCallbacks, signIn, tokensOf } from '../support/diagnostics-helpers.js';

let sandbox: TestSandbox;
let h: Harness;
harnessPerTest((started) => ({ sandbox, h } = started));

const journal = () => h.ctx.journal!;

describe('tracing fetch, through a real sign-in, refresh and API call on the sandbox', () => {
  it('records each call with its operation, status and scope; no secret in any trace', async () => {
    const callbacks = recordCallbacks(h);
    const { attemptId, connectionId } = await signIn(h, draft());
    const firstTokens = tokensOf(h, connectionId);

    const signInTraces = journal().traces({ attemptId });
    expect(operations(signInTraces)).toEqual([
      'reachability HEAD 200',
      'authorize GET 302',
      'token-exchange POST 200',
      'accessible-resources GET 200',
      'api GET 200',
    ]);
    // Before the connection existed: the attempt says whose calls these were.
    expect(signInTraces.every((t) => t.connectionId === null && t.attemptId === attemptId)).toBe(true);
    const exchange = signInTraces.find((t) => t.operation === 'token-exchange')!;
    expect(exchange.url).toBe(`${sandbox.url}/oauth/token`);
    expect(exchange.requestBody).toContain('grant_type=authorization_code');
    expect(exchange.requestBody).toContain(`client_secret=${REDACTED}`);
    expect(exchange.requestBody).toContain(`code_verifier=${REDACTED}`);
    expect(exchange.responseHeaders['content-type']).toMatch(/json/);
    expect(exchange.responseBody).toContain('"token_type":"Bearer"');
    expect(exchange.responseBody).toContain(REDACTED);
    const authorize = signInTraces.find((t) => t.operation === 'authorize')!;
    // The redirect_uri sent is shown (support compares it with the app's), the code that came back is not.
    expect(authorize.url).toContain(`redirect_uri=${encodeURIComponent('http://localhost:47615/oauth/callback')}`);
    expect(authorize.responseHeaders.location).toMatch(/^http:\/\/localhost:47615\/oauth\/callback\?/);

    // Two hours later the access token has expired: the next API call refreshes first.
    sandbox.clock.advance(2 * 60 * 60_000);
    const answer = await h.services.api.confluence(connectionId, 'wiki/rest/api/space?limit=1');
    // The caller still reads the whole body the trace read too.
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ results: expect.any(Array) });

    const connectionTraces = journal().traces({ connectionId });
    expect(operations(connectionTraces)).toEqual(['token-refresh POST 200', 'api GET 200']);
    const api = connectionTraces[1]!;
    expect(api.requestHeaders.authorization).toBe(`Bearer ${REDACTED}`);
    expect(api.url).toContain('/ex/confluence/');
    expect(api.durationMs).toBeGreaterThanOrEqual(0);

    const everything = [...signInTraces, ...connectionTraces];
    expect(
      leakedIn(everything, {
        'client secret': [sandbox.managedApp.clientSecret],
        'authorization code': codesOf(callbacks),
        'first tokens': firstTokens,
        'refreshed tokens': tokensOf(h, connectionId),
      }),
    ).toEqual([]);
  });

  it('a missing scope: the 401 with X-Failure-Category is in the trace', async () => {
    sandbox.control.setSwitches({ grantFewerScopes: ['search:confluence'] });
    const { connectionId } = await signIn(h, draft());
    await expect(h.services.api.confluence(connectionId, 'wiki/rest/api/search?cql=type%3Dpage&limit=1', { neededScope: 'search:confluence' })).rejects.toMatchObject({
      code: 'SCOPE_MISSING',
    });
    const [failed] = journal().traces({ connectionId }).slice(-1);
    expect(failed).toMatchObject({ operation: 'api', status: 401, responseHeaders: { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' } });
    expect(failed!.responseBody).toContain('scope does not match');
  });

  it('rate limited: Retry-After and the rate-limit headers are in the trace', async () => {
    const { connectionId } = await signIn(h, draft());
    sandbox.control.setSwitches({ api: 'rate-limited', retryAfterSeconds: 42 });
    await expect(h.services.api.accessibleResources(connectionId)).rejects.toMatchObject({ code: 'ATLASSIAN_RATE_LIMITED' });
    const [limited] = journal().traces({ connectionId }).slice(-1);
    expect(limited).toMatchObject({
      operation: 'accessible-resources',
      status: 429,
      responseHeaders: { 'retry-after': '42', 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '100' },
    });
  });

  it('no answer at all: the trace says so, without a status', async () => {
    const { connectionId } = await signIn(h, draft());
    sandbox.control.setSwitches({ offline: true });
    await expect(h.services.api.accessibleResources(connectionId)).rejects.toMatchObject({ code: 'ATLASSIAN_UNREACHABLE' });
    const [lost] = journal().traces({ connectionId }).slice(-1);
    expect(lost).toMatchObject({ operation: 'accessible-resources', status: null, responseHeaders: {}, responseBody: null });
    expect(lost!.networkError).toEqual(expect.any(String));
  });

  it('a check labels its Confluence calls "check"', async () => {
    const { connectionId } = await signIn(h, draft());
    await h.services.checker.check(connectionId);
    const ops = new Set(journal().traces({ connectionId }).map((t) => t.operation));
    // The check's own refresh (it proves the client secret and refresh token) is traced as a refresh.
    expect(ops).toEqual(new Set(['accessible-resources', 'token-refresh', 'check']));
  });
});

describe('tracing fetch on its own', () => {
  let server: Server;
  let base: string;
  const big = 'x'.repeat(200_000);

  beforeEach(async () => {
    server = createServer((request, response) => {
      if (request.url === '/big') return void response.writeHead(200, { 'content-type': 'text/plain' }).end(big);
      response.writeHead(200, { 'content-type': 'application/json', 'x-unlisted': 'not traced' }).end(JSON.stringify({ access_token: 'at-0123456789abcdef', ok: true }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('hands the caller the whole body, keeps a short redacted one with the headers that matter, and learns the tokens it saw', async () => {
    const memory = new MemoryDiagnosticsJournal();
    const redactor = new Redactor();
    const traced = createTracingFetch(fetch, { journal: memory, redactor });
    const bodies = await runInTraceScope({ connectionId: 'c1', attemptId: null, operation: 'api' }, async () => [
      await (await traced(`${base}/big`)).text(),
      await (await traced(`${base}/json`, { headers: { authorization: 'Bearer abcdefgh12345678', 'x-custom': '1' } })).json(),
    ]);
    expect(bodies).toEqual([big, { access_token: 'at-0123456789abcdef', ok: true }]);

    const [bigTrace, jsonTrace] = memory.traces({ connectionId: 'c1' });
    expect(bigTrace).toMatchObject({ connectionId: 'c1', operation: 'api', method: 'GET', status: 200 });
    expect(bigTrace!.responseBody!.length).toBeLessThan(5_000);
    expect(jsonTrace!.requestHeaders).toEqual({ authorization: `Bearer ${REDACTED}` });
    expect(jsonTrace!.responseHeaders).toEqual({ 'content-type': 'application/json' });
    expect(JSON.stringify(jsonTrace)).not.toContain('at-0123456789abcdef');
    expect(JSON.stringify(jsonTrace)).not.toContain('abcdefgh12345678');
    // The redactor now removes what it saw wherever it appears, e.g. in a log line.
    expect(redactor.text('log line with at-0123456789abcdef and abcdefgh12345678')).toBe(`log line with ${REDACTED} and ${REDACTED}`);
  });

  it('a call that fails is still traced, and still fails for the caller', async () => {
    const memory = new MemoryDiagnosticsJournal();
    const traced = createTracingFetch(fetch, { journal: memory, redactor: new Redactor() });
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const closed = `http://127.0.0.1:${closedPort}/nothing?access_token=abcdefgh12345678`;
    await runInTraceScope({ connectionId: 'c1', attemptId: null, operation: 'api' }, async () => {
      await expect(traced(closed)).rejects.toThrow();
    });
    const [trace] = memory.traces({ connectionId: 'c1' });
    expect(trace).toMatchObject({ status: null, networkError: expect.stringContaining('ECONNREFUSED') });
    expect(trace!.url).not.toContain('abcdefgh12345678');
  });

  it('infers the operation from the URL where it says it', () => {
    const token = 'https://auth.atlassian.com/oauth/token';
    expect(operationOf({ method: 'POST', url: token, body: 'grant_type=refresh_token&refresh_token=x' }, null)).toBe('token-refresh');
    expect(operationOf({ method: 'POST', url: token, body: '{"grant_type":"authorization_code"}' }, null)).toBe('token-exchange');
    expect(operationOf({ method: 'GET', url: 'https://api.atlassian.com/oauth/token/accessible-resources', body: null }, null)).toBe('accessible-resources');
    expect(operationOf({ method: 'GET', url: 'https://api.atlassian.com/ex/confluence/c1/wiki/rest/api/space', body: null }, null)).toBe('api');
    expect(operationOf({ method: 'HEAD', url: 'https://auth.atlassian.com', body: null }, null)).toBe('reachability');
  });
});
