/**
 * startSandbox: a local Atlassian (auth server + API gateway) on loopback, behaving as
 * shared/reference/atlassian-3lo.md describes, with switches to make it fail on demand.
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import { AccessTokenSigner } from './access-token.js';
import type { SandboxHandle, SandboxOptions } from './sandbox-api.js';
import type { SandboxContext } from './sandbox-context.js';
import { createControl } from './sandbox-control.js';
import { loadDefaultSeed, resolveSeed } from './sandbox-seed.js';
import { SandboxState } from './sandbox-state.js';
import { SandboxStateFile } from './sandbox-state-file.js';
import { registerApiFailureHook } from './routes/api-failure-hook.js';
import { ADMIN_PREFIX, registerAdminRoutes } from './routes/admin-routes.js';
import { registerAuthorizeRoutes } from './routes/authorize-routes.js';
import { registerConfluenceRoutes } from './routes/confluence-routes.js';
import { registerConsoleRoutes } from './routes/console-routes.js';
import { registerResourceRoutes } from './routes/resource-routes.js';
import { registerTokenRoutes } from './routes/token-routes.js';

export type { SandboxControl, SandboxHandle, SandboxOptions, SandboxSwitches, TokenRequestRecord, RevokeGrantFilter } from './sandbox-api.js';
export { loadDefaultSeed, type SandboxSeed } from './sandbox-seed.js';

/** The console prints client secrets, so the sandbox never listens beyond this machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

export async function startSandbox(options: SandboxOptions): Promise<SandboxHandle> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`The sandbox only listens on loopback; refusing host "${host}".`);
  const seed = resolveSeed(options.seed ?? loadDefaultSeed(), options.callbackUrl);
  const managed = seed.apps.find((a) => a.managed);
  if (!managed) throw new Error('The sandbox seed has no managed app.');
  const now = options.now ?? Date.now;

  let baseUrl = '';
  const stateFile = options.stateFile === undefined ? null : new SandboxStateFile(options.stateFile);
  const persisted = stateFile?.load() ?? null;
  const signer = new AccessTokenSigner(() => baseUrl, persisted?.signingKey);
  // Every durable change is written before the request that caused it is answered.
  const save = (): void => stateFile?.save({ signingKey: signer.key, durable: state.durableSnapshot() });
  const state = new SandboxState(now, save);
  if (persisted) state.restoreDurable(persisted.durable);
  save();
  // state.now adds the advanceClock offset: every route reads the clock through it.
  const ctx: SandboxContext = { seed, state, signer, now: state.now, baseUrl: () => baseUrl };
  const control = createControl(ctx);

  // No logger: request logs would carry codes, secrets and tokens.
  const app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(formbody);

  // "offline": behave like an unreachable network — drop the connection, never answer.
  app.addHook('onRequest', (request, reply, done) => {
    if (state.switches().offline && !request.url.startsWith(ADMIN_PREFIX)) {
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    done();
  });

  registerApiFailureHook(app, ctx);
  registerConsoleRoutes(app, ctx);
  registerAuthorizeRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  registerResourceRoutes(app, ctx);
  registerConfluenceRoutes(app, ctx);
  registerAdminRoutes(app, control);

  await app.listen({ host: host === '[::1]' ? '::1' : host, port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  baseUrl = `http://${host === '::1' ? '[::1]' : host}:${port}`;

  return {
    url: baseUrl,
    managedApp: { clientId: managed.clientId, clientSecret: managed.clientSecret, label: managed.label },
    control,
    close: async () => {
      await app.close();
    },
  };
}
