/**
 * What ConnectDesk records to explain a connection to support staff: an event history, HTTP traces
 * of the OAuth and API calls, and the last check. Everything here is already redacted when it is
 * recorded — no value in these shapes may ever hold a secret (tests scan for them).
 */
import type { ErrorInfo } from '../errors/app-error.js';

export type ConnectionEventType =
  | 'created'
  | 'signed-in'
  | 'reconnected'
  | 'refreshed'
  | 'refresh-failed'
  | 'checked'
  | 'call-failed'
  | 'status-changed'
  | 'renamed'
  | 'moved'
  | 'deleted';

export interface ConnectionEvent {
  at: string;
  connectionId: string;
  type: ConnectionEventType;
  outcome: 'ok' | 'failed';
  /** The catalogue code when it failed. */
  error?: ErrorInfo;
  /** Short non-secret facts ("site acme.atlassian.net", "3 of 4 steps passed"). */
  detail?: string;
  /** Sign-in events: the attempt, whose traces (made before the connection existed) show how it went. */
  attemptId?: string;
}

/** Response and request headers worth showing; every other header is left out of a trace. */
export const TRACED_HEADERS = [
  'content-type',
  'retry-after',
  'x-failure-category',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-interval-seconds',
  'beta-ratelimit-policy',
  'beta-ratelimit',
  'atl-traceid',
  'www-authenticate',
  'location',
  'authorization',
] as const;

export type TraceOperation = 'authorize' | 'token-exchange' | 'token-refresh' | 'accessible-resources' | 'api' | 'check' | 'reachability';

export interface HttpTraceEntry {
  id: string;
  at: string;
  /** Null for calls made before a connection exists (first sign-in): then attemptId says which. */
  connectionId: string | null;
  attemptId: string | null;
  operation: TraceOperation;
  method: string;
  /** Query and fragment values that can carry secrets are replaced by «redacted». */
  url: string;
  /** Null when no answer came (network error, timeout). */
  status: number | null;
  durationMs: number;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  /** Redacted and cut to a few KB. */
  requestBody: string | null;
  responseBody: string | null;
  /** Network-level failure, in plain words (no secret). */
  networkError?: string;
}

export interface CheckStepRecord {
  name: string;
  outcome: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  detail?: string;
  error?: ErrorInfo;
}

export interface LastCheckRecord {
  connectionId: string;
  checkedAt: string;
  ok: boolean;
  steps: CheckStepRecord[];
  missingScopes: string[];
}
