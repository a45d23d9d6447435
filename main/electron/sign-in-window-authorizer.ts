/**
 * The Authorizer that signs in inside a ConnectDesk window (kind 'sign-in-window'). It keeps one
 * run per attempt so a repeated Connect focuses the open window (case C8) instead of opening
 * another; each run's behaviour lives in sign-in-window-run.ts.
 */
import { randomUUID } from 'node:crypto';
import type { AuthorizationOutcome, AuthorizationRun, Authorizer } from '../core/oauth/authorizer.js';
import type { BrowserWindowConstructorOptions, CreateWindow, SessionFromPartition } from './electron-api.js';
import { SignInWindowRun } from './sign-in-window-run.js';

export interface SignInWindowAuthorizerDeps {
  /** `(options) => new BrowserWindow(options)` */
  createWindow: CreateWindow;
  /** `(partition) => session.fromPartition(partition)` */
  sessionFromPartition: SessionFromPartition;
  /** The main window, if any, as the sign-in window's parent. */
  parentWindow?: () => BrowserWindowConstructorOptions['parent'] | null;
  /** Random part of throwaway partition names; defaults to crypto.randomUUID. */
  randomId?: () => string;
  /** Diagnostics sink; never receives a query or fragment. */
  log?: (message: string) => void;
}

export class SignInWindowAuthorizer implements Authorizer {
  readonly kind = 'sign-in-window' as const;
  private readonly runs = new Map<string, SignInWindowRun>();

  constructor(private readonly deps: SignInWindowAuthorizerDeps) {}

  run(request: AuthorizationRun): Promise<AuthorizationOutcome> {
    const existing = this.runs.get(request.attemptId);
    if (existing) {
      // The same attempt asked again: one window, one outcome shared by both callers.
      existing.focus();
      return existing.outcome;
    }
    const run = new SignInWindowRun(request, {
      createWindow: this.deps.createWindow,
      sessionFromPartition: this.deps.sessionFromPartition,
      ...(this.deps.parentWindow ? { parentWindow: this.deps.parentWindow } : {}),
      randomId: this.deps.randomId ?? randomUUID,
      log: this.deps.log ?? (() => undefined),
    });
    this.runs.set(request.attemptId, run);
    void run.outcome.then(() => {
      if (this.runs.get(request.attemptId) === run) this.runs.delete(request.attemptId);
    });
    return run.start();
  }

  focus(attemptId: string): void {
    this.runs.get(attemptId)?.focus();
  }

  /** Attempts whose window is still open (for diagnostics and tests). */
  activeAttempts(): string[] {
    return [...this.runs.keys()];
  }
}
