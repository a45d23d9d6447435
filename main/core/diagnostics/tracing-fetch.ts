import { randomUUID } from 'node:crypto';
import type { FetchLike } from '../oauth/token-client.js';
import type { DiagnosticsJournal } from './diagnostics-journal.js';
import { TRACED_HEADERS, type HttpTraceEntry, type TraceOperation } from './diagnostics-model.js';
import type { Redactor } from './redaction.js';
import { currentTraceScope, type TraceScope } from './trace-scope.js';
import { bodyFields, learnSecretsOfCall } from './trace-secrets.js';

/** At most this much of an answer is read for its trace; the caller still reads all of it. */
const RESPONSE_READ_MAX_BYTES = 64 * 1024;

export interface TracingDeps {
  journal: DiagnosticsJournal;
  redactor: Redactor;
  now?: () => Date;
}

/**
 * Wraps the fetch every use case goes through so each call leaves a redacted HttpTraceEntry in the
 * journal: what was asked, what came back (or that nothing did), how long it took, and which
 * connection, sign-in attempt and operation it belonged to (the trace scope). The caller gets the
 * response untouched — its body is read from a clone — and a failed recording never fails the call.
 */
export function createTracingFetch(base: FetchLike, deps: TracingDeps): FetchLike {
  const now = deps.now ?? (() => new Date());
  return async (input, init) => {
    const scope = currentTraceScope();
    const at = now();
    const started = performance.now();
    const request = { method: (init?.method ?? 'GET').toUpperCase(), url: input, headers: new Headers(init?.headers), body: requestBodyText(init?.body) };
    let response: Response;
    try {
      response = await base(input, init);
    } catch (error) {
      recordSafely(deps, () => traceOf(deps.redactor, { scope, at, started, request, networkError: networkErrorText(error) }));
      throw error;
    }
    const responseBody = await readForTrace(response);
    recordSafely(deps, () => traceOf(deps.redactor, { scope, at, started, request, response, responseBody }));
    return response;
  };
}

interface TracedCall {
  scope: TraceScope | null;
  at: Date;
  started: number;
  request: { method: string; url: string; headers: Headers; body: string | null };
  response?: Response;
  responseBody?: string | null;
  networkError?: string;
}

function traceOf(redactor: Redactor, call: TracedCall): HttpTraceEntry {
  const { request, response } = call;
  const responseBody = call.responseBody ?? null;
  learnSecretsOfCall(redactor, { requestHeaders: request.headers, requestBody: request.body, responseBody });
  // Redacted, then cut to the few KB a trace keeps (the redactor's default).
  const body = (text: string | null, contentType: string | null) => (text ? redactor.body(text, contentType) : null);
  return {
    id: randomUUID(),
    at: call.at.toISOString(),
    connectionId: call.scope?.connectionId ?? null,
    attemptId: call.scope?.attemptId ?? null,
    operation: operationOf(request, call.scope),
    method: request.method,
    url: redactor.url(request.url),
    status: response?.status ?? null,
    durationMs: Math.round(performance.now() - call.started),
    requestHeaders: redactor.headers(request.headers, TRACED_HEADERS),
    responseHeaders: response ? redactor.headers(response.headers, TRACED_HEADERS) : {},
    requestBody: body(request.body, request.headers.get('content-type')),
    responseBody: body(responseBody, response?.headers.get('content-type') ?? null),
    ...(call.networkError ? { networkError: call.networkError } : {}),
  };
}

/**
 * What a call was, from its URL where the URL says it (token endpoint, accessible-resources, the
 * reachability probe), else from the scope it runs in; Confluence calls inside a check are 'check'.
 */
export function operationOf(request: { method: string; url: string; body: string | null }, scope: TraceScope | null): TraceOperation {
  const path = pathOf(request.url);
  if (request.method === 'HEAD') return 'reachability';
  if (path.endsWith('/oauth/token/accessible-resources')) return 'accessible-resources';
  if (path.endsWith('/oauth/token')) return bodyFields(request.body).grant_type === 'refresh_token' ? 'token-refresh' : 'token-exchange';
  if (path.includes('/ex/')) return scope?.operation === 'check' ? 'check' : 'api';
  return scope?.operation ?? 'api';
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/** The request body as text when it is text (oauth4webapi sends URLSearchParams); other bodies are not traced. */
function requestBodyText(body: RequestInit['body']): string | null {
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return new TextDecoder().decode(body);
  return null;
}

/** Up to RESPONSE_READ_MAX_BYTES of the answer, from a clone, so the caller still reads the body. */
async function readForTrace(response: Response): Promise<string | null> {
  if (!response.body) return null;
  try {
    const reader = response.clone().body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
      if (bytes >= RESPONSE_READ_MAX_BYTES) {
        // Not awaited: cancelling one branch of a tee settles only once the caller's branch is done too.
        reader.cancel().catch(() => undefined);
        break;
      }
    }
    return text + decoder.decode();
  } catch {
    return null;
  }
}

/** The error's words and its cause's code or words ("fetch failed (ECONNREFUSED)", "TimeoutError"). */
function networkErrorText(error: unknown): string {
  if (!(error instanceof Error)) return 'the request failed';
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return error.name;
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const why = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : null;
  return why ? `${error.message} (${why})`.slice(0, 300) : error.message.slice(0, 300);
}

function recordSafely(deps: TracingDeps, build: () => HttpTraceEntry): void {
  try {
    const entry = build();
    if (entry.networkError) entry.networkError = deps.redactor.text(entry.networkError);
    deps.journal.recordTrace(entry);
  } catch {
    // Diagnostics never break a call: a trace that cannot be built or stored is left out.
  }
}
