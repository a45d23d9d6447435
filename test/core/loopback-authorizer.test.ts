import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { AuthorizationRun } from '../../main/core/oauth/authorizer.js';
import { LoopbackAuthorizer } from '../../main/core/oauth/loopback-authorizer.js';
import { freePort } from '../support/free-port.js';

async function runOf(overrides: Partial<AuthorizationRun> = {}): Promise<AuthorizationRun> {
  const port = await freePort();
  return {
    attemptId: 'a1',
    authorizeUrl: 'http://127.0.0.1:9/authorize?state=S1',
    callbackUrl: `http://127.0.0.1:${port}/oauth/callback`,
    persistSession: null,
    signal: new AbortController().signal,
    timeoutMs: 10_000,
    ...overrides,
  };
}

describe('loopback authorizer (system browser + RFC 8252 loopback listener)', () => {
  it('opens the authorize URL, catches the callback, answers a page, and stops listening', async () => {
    const run = await runOf();
    const opened: string[] = [];
    let page: Promise<string> = Promise.resolve('');
    const authorizer = new LoopbackAuthorizer((url) => {
      opened.push(url);
      page = fetch(`${run.callbackUrl}?code=C1&state=S1`).then((r) => r.text());
    });
    const outcome = await authorizer.run(run);
    expect(await page).toContain('return to ConnectDesk');
    expect(opened).toEqual([run.authorizeUrl]);
    expect(outcome).toEqual({ kind: 'callback', url: `${run.callbackUrl}?code=C1&state=S1` });
    await expect(fetch(run.callbackUrl)).rejects.toThrow();
  });

  it('C1: relays a fragment answer through the page to the listener', async () => {
    const run = await runOf();
    let relayPage = '';
    const authorizer = new LoopbackAuthorizer(async () => {
      relayPage = await (await fetch(run.callbackUrl)).text();
      // What the page's script does in a browser: the fragment becomes the query.
      await fetch(`${run.callbackUrl}?code=F1&state=S1&fragment_relay=1`);
    });
    const outcome = await authorizer.run(run);
    expect(relayPage).toContain('location.hash');
    expect(outcome).toEqual({ kind: 'callback', url: `${run.callbackUrl}?code=F1&state=S1` });
  });

  it('ignores other paths on the callback port (C2/C3)', async () => {
    const run = await runOf();
    const statuses: number[] = [];
    const authorizer = new LoopbackAuthorizer(async () => {
      statuses.push((await fetch(run.callbackUrl.replace('/oauth/callback', '/oauth/callback/') + '?code=X&state=S1')).status);
      statuses.push((await fetch(run.callbackUrl.replace('/oauth/callback', '/elsewhere') + '?code=X&state=S1')).status);
      await fetch(`${run.callbackUrl}?code=REAL&state=S1`);
    });
    const outcome = await authorizer.run(run);
    expect(statuses).toEqual([404, 404]);
    expect(outcome.kind === 'callback' && outcome.url).toContain('code=REAL');
  });

  it('settles "closed" when the host reports the window closed (C6)', async () => {
    const run = await runOf();
    const authorizer = new LoopbackAuthorizer(() => {
      setTimeout(() => authorizer.windowClosed('a1'), 10);
    });
    expect(await authorizer.run(run)).toEqual({ kind: 'closed' });
  });

  it('settles "cancelled" on abort and "timeout" when nobody answers', async () => {
    const controller = new AbortController();
    const cancelled = new LoopbackAuthorizer(() => controller.abort()).run(await runOf({ signal: controller.signal }));
    expect(await cancelled).toEqual({ kind: 'cancelled' });
    const timedOut = await new LoopbackAuthorizer(() => undefined).run(await runOf({ timeoutMs: 50 }));
    expect(timedOut).toEqual({ kind: 'timeout' });
  });

  it('reports a callback port held by another program instead of hanging', async () => {
    const run = await runOf();
    const port = Number(new URL(run.callbackUrl).port);
    const squatter = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => squatter.once('listening', r));
    try {
      const outcome = await new LoopbackAuthorizer(() => undefined).run(run);
      expect(outcome).toMatchObject({ kind: 'failed', reason: 'port-in-use' });
    } finally {
      squatter.close();
    }
  });

  it('routes answers by state when two sign-ins wait, and a late duplicate finds nobody (C7)', async () => {
    const port = await freePort();
    const callbackUrl = `http://127.0.0.1:${port}/cb`;
    const authorizer = new LoopbackAuthorizer(() => undefined);
    const first = authorizer.run({ ...(await runOf()), attemptId: 'a1', authorizeUrl: 'http://x/authorize?state=S1', callbackUrl });
    const second = authorizer.run({ ...(await runOf()), attemptId: 'a2', authorizeUrl: 'http://x/authorize?state=S2', callbackUrl });
    await new Promise((r) => setTimeout(r, 50));
    await fetch(`${callbackUrl}?code=two&state=S2`);
    await fetch(`${callbackUrl}?code=one&state=S1`);
    expect((await first).kind === 'callback' && (await first as { url: string }).url).toContain('code=one');
    expect((await second).kind === 'callback' && (await second as { url: string }).url).toContain('code=two');
    await expect(fetch(`${callbackUrl}?code=one&state=S1`)).rejects.toThrow();
  });
});
