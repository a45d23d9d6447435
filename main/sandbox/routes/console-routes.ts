/** GET /: the developer console. */
import type { FastifyInstance } from 'fastify';
import { sendHtml } from '../http-helpers.js';
import { renderConsolePage } from '../pages/console-page.js';
import type { SandboxContext } from '../sandbox-context.js';

export function registerConsoleRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/', async (_request, reply) =>
    sendHtml(reply, 200, renderConsolePage({ baseUrl: ctx.baseUrl(), seed: ctx.seed, switches: ctx.state.switches() })),
  );
}
