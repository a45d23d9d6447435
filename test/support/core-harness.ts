import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxEnvironment } from '../../main/core/atlassian/environment.js';
import { MemoryDiagnosticsJournal } from '../../main/core/diagnostics/diagnostics-journal.js';
import { FileDiagnosticsJournal } from '../../main/core/diagnostics/file-diagnostics-journal.js';
import { logServiceEvent } from '../../main/core/diagnostics/app-log.js';
import { createNodeAppLog } from '../../main/core/diagnostics/node-app-log.js';
import { Redactor } from '../../main/core/diagnostics/redaction.js';
import { createTracingFetch } from '../../main/core/diagnostics/tracing-fetch.js';
import type { AuthorizationOutcome, AuthorizationRun, Authorizer } from '../../main/core/oauth/authorizer.js';
import type { AuthorizationCoordinator, ConnectionDraft } from '../../main/core/services/authorization-coordinator.js';
import { createConnectionServices, type ConnectionServices } from '../../main/core/services/connection-services.js';
import type { ServiceContext } from '../../main/core/services/service-context.js';
import type { AuthProgress, ServiceEvent } from '../../main/core/services/service-events.js';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { openConfSettings } from '../../main/core/store/settings-store.js';
import { DevelopmentKeyProtector } from '../../main/core/vault/development-key-protector.js';
import { TEST_SCRYPT_PARAMETERS } from '../../main/core/vault/passphrase-key-protector.js';
import { VaultSession } from '../../main/core/vault/vault-session.js';
import { CALLBACK_URL, runConsent, TestBrowser, type TestSandbox } from '../sandbox/sandbox-test-kit.js';

export type Script =
  | { kind: 'sign-in'; email?: string; password?: string; decision?: 'accept' | 'cancel' }
  | { kind: 'close' }
  | { kind: 'wait-for-abort' };

/**
 * Stands in for the sign-in window: signs in on the real sandbox's HTML forms like a person
 * would, or closes the window, or waits to be cancelled. Counts the windows it was asked to open.
 */
export class ScriptedBrowserAuthorizer implements Authorizer {
  readonly kind = 'sign-in-window' as const;
  script: Script = { kind: 'sign-in' };
  runs: AuthorizationRun[] = [];
  focused: string[] = [];

  constructor(private readonly sandbox: TestSandbox) {}

  async run(run: AuthorizationRun): Promise<AuthorizationOutcome> {
    this.runs.push(run);
    const script = this.script;
    if (script.kind === 'close') return { kind: 'closed' };
    if (script.kind === 'wait-for-abort') {
      return new Promise((resolve) => run.signal.addEventListener('abort', () => resolve({ kind: 'cancelled' }), { once: true }));
    }
    const callback = await runConsent(this.sandbox, {
      rawQuery: new URL(run.authorizeUrl).search.slice(1),
      ...(script.email ? { email: script.email } : {}),
      ...(script.password ? { password: script.password } : {}),
      decision: script.decision ?? 'accept',
      browser: new TestBrowser(this.sandbox.url),
    });
    return { kind: 'callback', url: callback.toString() };
  }

  focus(attemptId: string): void {
    this.focused.push(attemptId);
  }
}

export interface Harness {
  ctx: ServiceContext;
  /** The vault's state, as the composition roots hold it; `ctx.vault` reads through it. */
  session: VaultSession;
  coordinator: AuthorizationCoordinator;
  services: ConnectionServices;
  authorizer: ScriptedBrowserAuthorizer;
  store: ConnectionStore;
  events: ServiceEvent[];
  dataDir: string;
  /** Resolves with the attempt's terminal progress event. */
  finished(attemptId: string): Promise<AuthProgress>;
  /** Resolves when the attempt reaches the given phase. */
  reached(attemptId: string, phase: AuthProgress['phase']): Promise<AuthProgress>;
}

const TERMINAL = new Set(['connected', 'failed', 'cancelled']);

export interface HarnessOptions {
  /** The app's journal file and log file in the data directory (as the app and the shell have), instead of memory only. */
  diagnosticsOnDisk?: boolean;
}

export async function createHarness(sandbox: TestSandbox, dataDir = mkdtempSync(join(tmpdir(), 'cd-core-')), options: HarnessOptions = {}): Promise<Harness> {
  const store = new ConnectionStore(openJsonDocumentFile(dataDir));
  const session = await VaultSession.start(store, new DevelopmentKeyProtector(), { mode: 'development', scrypt: TEST_SCRYPT_PARAMETERS });
  const events: ServiceEvent[] = [];
  const waiters: Array<() => void> = [];
  const authorizer = new ScriptedBrowserAuthorizer(sandbox);
  const redactor = new Redactor();
  const journal = options.diagnosticsOnDisk ? new FileDiagnosticsJournal(dataDir) : new MemoryDiagnosticsJournal();
  const log = options.diagnosticsOnDisk ? createNodeAppLog({ dataDir, redactor }) : undefined;
  const now = () => new Date(sandbox.clock.now);
  const ctx: ServiceContext = {
    store,
    settings: openConfSettings(dataDir, 'sandbox'),
    get vault() {
      return session.vault;
    },
    authorizer,
    now,
    // Global fetch, looked up on each call (tests may replace it), traced like the app's.
    fetch: createTracingFetch((input, init) => globalThis.fetch(input, init), { journal, redactor, now }),
    journal,
    redactor,
    ...(log ? { log } : {}),
    resolveEnvironment: async () => sandboxEnvironment(sandbox.url, { callbackUrl: CALLBACK_URL, managedApp: sandbox.managedApp }),
    emit: (event) => {
      events.push(event);
      if (log) logServiceEvent(log, event);
      for (const wake of waiters.splice(0)) wake();
    },
  };
  const waitFor = (match: (p: AuthProgress) => boolean): Promise<AuthProgress> =>
    new Promise((resolve) => {
      const look = () => {
        const hit = events.find((e): e is Extract<ServiceEvent, { type: 'auth:progress' }> => e.type === 'auth:progress' && match(e.payload));
        if (hit) resolve(hit.payload);
        else waiters.push(look);
      };
      look();
    });
  const services = createConnectionServices(ctx);
  return {
    ctx,
    session,
    coordinator: services.coordinator,
    services,
    authorizer,
    store,
    events,
    dataDir,
    finished: (attemptId) => waitFor((p) => p.attemptId === attemptId && TERMINAL.has(p.phase)),
    reached: (attemptId, phase) => waitFor((p) => p.attemptId === attemptId && p.phase === phase),
  };
}

let draftCounter = 0;
export function draft(overrides: Partial<ConnectionDraft> = {}): ConnectionDraft {
  draftCounter += 1;
  return {
    draftId: `00000000-0000-4000-8000-${String(draftCounter).padStart(12, '0')}`,
    connectorId: 'confluence-cloud',
    folderId: 'shared',
    name: 'Team docs',
    authType: 'managed',
    scopes: ['write:confluence-file', 'read:confluence-space.summary', 'write:confluence-content', 'read:confluence-content.summary', 'search:confluence', 'offline_access'],
    ...overrides,
  };
}
