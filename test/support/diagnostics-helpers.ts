import type { HttpTraceEntry } from '../../main/core/diagnostics/diagnostics-model.js';
import { secretContext } from '../../main/core/services/client-credentials.js';
import type { Harness } from './core-harness.js';

/** Remembers every callback URL the scripted sign-in came back with (they carry the authorization codes). */
export function recordCallbacks(h: Harness): string[] {
  const callbacks: string[] = [];
  const run = h.authorizer.run.bind(h.authorizer);
  h.authorizer.run = async (request) => {
    const outcome = await run(request);
    if (outcome.kind === 'callback') callbacks.push(outcome.url);
    return outcome;
  };
  return callbacks;
}

/** Signs in (solo@example.com: one site, no site choice) and returns the attempt and the connection. */
export async function signIn(h: Harness, draftOverrides: Parameters<Harness['coordinator']['begin']>[0]): Promise<{ attemptId: string; connectionId: string }> {
  h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
  const { attemptId } = h.coordinator.begin(draftOverrides);
  const end = await h.finished(attemptId);
  if (!end.connection) throw new Error(`sign-in ended ${end.phase}: ${end.error?.code}`);
  return { attemptId, connectionId: end.connection.id };
}

/** The connection's current access and refresh tokens, in clear (to look for them where they must not be). */
export function tokensOf(h: Harness, connectionId: string): string[] {
  const record = h.store.getConnection(connectionId);
  const tokens = [h.ctx.vault.unseal(record.tokens.access, secretContext.accessToken(connectionId))];
  if (record.tokens.refresh) tokens.push(h.ctx.vault.unseal(record.tokens.refresh, secretContext.refreshToken(connectionId)));
  return tokens;
}

/** Codes of the recorded callbacks. */
export function codesOf(callbacks: string[]): string[] {
  return callbacks.map((url) => new URL(url).searchParams.get('code') ?? '').filter(Boolean);
}

/** Which secrets (by label) appear anywhere in the value's JSON. */
export function leakedIn(value: unknown, secrets: Record<string, string[]>): string[] {
  const text = JSON.stringify(value);
  return Object.entries(secrets).flatMap(([label, values]) => values.filter((v) => v && text.includes(v)).map(() => label));
}

export const operations = (traces: HttpTraceEntry[]) => traces.map((t) => `${t.operation} ${t.method} ${t.status ?? 'no answer'}`);
