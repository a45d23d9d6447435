/**
 * Runs one authorization request in some browser and reports how it ended. Two implementations:
 * the Electron sign-in window (main/electron) and the system browser with a loopback listener
 * (oauth/loopback-authorizer.ts). Core never knows which one it talks to.
 */
export interface AuthorizationRun {
  attemptId: string;
  /** The complete authorize URL, built by core. */
  authorizeUrl: string;
  /** The registered callback URL: a navigation matching it (callback-matcher) is terminal. */
  callbackUrl: string;
  /** A fresh sign-in session unless the user asked to stay signed in (case C9). */
  persistSession: { partitionKey: string } | null;
  /** Aborting cancels the run; it then settles with { kind: 'cancelled' }. */
  signal: AbortSignal;
  timeoutMs: number;
}

export type AuthorizationOutcome =
  | { kind: 'callback'; url: string }
  | { kind: 'closed' }
  | { kind: 'timeout' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; reason: 'port-in-use' | 'load-failed'; detail: string };

export interface Authorizer {
  readonly kind: 'sign-in-window' | 'system-browser';
  /** Settles exactly once. Never rejects: every ending is an outcome. */
  run(request: AuthorizationRun): Promise<AuthorizationOutcome>;
  /** Brings the run's window to the front (case C8: Connect clicked again). */
  focus(attemptId: string): void;
}
