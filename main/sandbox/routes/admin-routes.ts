/**
 * /__admin/*: switches and state resets for tests and the console. These stay reachable while
 * the `offline` switch is on (the offline hook skips them). Form posts come from the console
 * page and are answered with a redirect back to it; JSON calls get JSON.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxControl } from '../sandbox-api.js';
import { MIN_CLIENT_SECRET_LENGTH, UnknownAppError } from '../sandbox-control.js';
import { switchFields } from '../switches-schema.js';

export const ADMIN_PREFIX = '/__admin/';

export const switchesPatchSchema = z.strictObject(switchFields).partial();

const advanceClockSchema = z.strictObject({ ms: z.number().min(0).max(Number.MAX_SAFE_INTEGER) });

const rotateSecretSchema = z.strictObject({
  clientId: z.string().min(1),
  /** The new secret; a random one when absent. */
  clientSecret: z.string().min(MIN_CLIENT_SECRET_LENGTH).optional(),
});

const revokeFilterSchema = z.strictObject({
  accountId: z.string().optional(),
  email: z.string().optional(),
  clientId: z.string().optional(),
});

const isForm = (request: FastifyRequest): boolean =>
  (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');

function answer(request: FastifyRequest, reply: FastifyReply, payload: object): FastifyReply {
  if (isForm(request)) return reply.status(303).header('location', '/').send();
  return reply.send(payload);
}

function badRequest(reply: FastifyReply, error: z.ZodError): FastifyReply {
  return reply.status(400).send({ error: 'invalid_request', issues: error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`) });
}

const formText = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim() : undefined);

/** The console's form: checkboxes are absent when unchecked; fields the form lacks stay unchanged. */
function switchesFromForm(body: Record<string, unknown>): unknown {
  const scopes = formText(body.grantFewerScopes);
  const retryAfter = formText(body.retryAfterSeconds);
  return {
    offline: body.offline === 'on',
    expireCodesImmediately: body.expireCodesImmediately === 'on',
    tamperState: body.tamperState === 'on',
    tokenEndpoint: body.tokenEndpoint,
    refreshEndpoint: body.refreshEndpoint,
    api: body.api,
    grantFewerScopes: scopes === undefined ? undefined : scopes.split(/[\s,]+/).filter(Boolean),
    retryAfterSeconds: retryAfter === undefined || retryAfter === '' ? undefined : Number(retryAfter),
  };
}

export function registerAdminRoutes(app: FastifyInstance, control: SandboxControl): void {
  app.get(`${ADMIN_PREFIX}switches`, async () => control.switches());

  app.post(`${ADMIN_PREFIX}switches`, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = switchesPatchSchema.safeParse(isForm(request) ? switchesFromForm(body) : body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    control.setSwitches(Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)));
    return answer(request, reply, control.switches());
  });

  app.post(`${ADMIN_PREFIX}reset`, async (request, reply) => {
    control.reset();
    return answer(request, reply, { ok: true, switches: control.switches() });
  });

  app.post(`${ADMIN_PREFIX}expire-access-tokens`, async (request, reply) =>
    answer(request, reply, { expired: control.expireAccessTokens() }),
  );

  app.post(`${ADMIN_PREFIX}revoke-grants`, async (request, reply) => {
    const parsed = revokeFilterSchema.safeParse(isForm(request) ? {} : (request.body ?? {}));
    if (!parsed.success) return badRequest(reply, parsed.error);
    return answer(request, reply, { revoked: control.revokeGrant(parsed.data) });
  });

  app.post(`${ADMIN_PREFIX}advance-clock`, async (request, reply) => {
    const parsed = advanceClockSchema.safeParse(request.body ?? {});
    if (!parsed.success) return badRequest(reply, parsed.error);
    return reply.send({ clockOffsetMs: control.advanceClock(parsed.data.ms) });
  });

  // Like "Rotate secret" in Atlassian's developer console: the old secret stops working at once.
  app.post(`${ADMIN_PREFIX}rotate-client-secret`, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = rotateSecretSchema.safeParse(isForm(request) ? { clientId: formText(body.clientId) } : body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    try {
      return answer(request, reply, control.rotateClientSecret(parsed.data.clientId, parsed.data.clientSecret));
    } catch (error) {
      if (error instanceof UnknownAppError) return reply.status(404).send({ error: 'not_found', message: error.message });
      throw error;
    }
  });

  app.get(`${ADMIN_PREFIX}token-requests`, async () => control.tokenRequests());
}
