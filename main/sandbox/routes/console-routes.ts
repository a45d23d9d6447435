/** GET /: the developer console. */
import type { FastifyInstance } from 'fastify';
import { sendHtml } from '../http-helpers.js';
import { renderConsolePage } from '../pages/console-page.js';
import { currentClientSecret, type SandboxContext } from '../sandbox-context.js';

export function registerConsoleRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/', async (_request, reply) =>
    sendHtml(reply, 200, renderConsolePage({
        baseUrl: ctx.baseUrl(),
        // Each app with the secret the token endpoint accepts now (rotated ones included).
        seed: { ...ctx.seed, apps: ctx.seed.apps.map((a) => ({ ...a, clientSecret: currentClientSecret(ctx, a) })) },
        switches: ctx.state.switches(),
      })),
  );
}
