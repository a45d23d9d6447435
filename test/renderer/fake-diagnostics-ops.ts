import type { RequestOf, ResponseOf } from '../../preload/contract';
import { defaultDiagnostics } from './fake-diagnostics-data';
import { InvokeError } from './fake-invoke-error';

/** Diagnostics for the fake bridge: the Diagnostics view (get) and support bundles (exportBundle). */
export class FakeDiagnostics {
  /** What diagnostics:get answers per connection ID (tests set them with diagnosticsFor); others get a healthy connection. */
  readonly answers = new Map<string, ResponseOf<'diagnostics:get'> | InvokeError>();
  get(request: RequestOf<'diagnostics:get'>): ResponseOf<'diagnostics:get'> {
    const answer = this.answers.get(request.connectionId) ?? defaultDiagnostics(request.connectionId);
    if (answer instanceof InvokeError) throw answer;
    return structuredClone(answer);
  }
  /** When set, the next bundle export fails with it (SUPPORT_BUNDLE_LEAK, as main's last scan would). */
  failNextBundle: InvokeError | null = null;
  /** How long building a bundle takes: lets a test see the busy button. */
  bundleDelayMs = 0;
  /**
   * A bundle as main answers: a file name naming the scope, JSON text with fingerprints only, and
   * what it holds (one connection, or three for a folder or everything).
   */
  async exportBundle(request: RequestOf<'diagnostics:export-bundle'>): Promise<ResponseOf<'diagnostics:export-bundle'>> {
    if (this.bundleDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.bundleDelayMs));
    const failure = this.failNextBundle;
    this.failNextBundle = null;
    if (failure) throw failure;
    const { scope } = request;
    const what = scope.kind === 'connection' ? scope.connectionId : scope.kind === 'folder' ? scope.folderId : 'all';
    const connections = scope.kind === 'connection' ? 1 : 3;
    const data = JSON.stringify({ format: 'connectdesk-support-bundle', scope, connections: [{ secrets: { refreshToken: { held: 'stored', fingerprint: 'fp:0a1b2c3d' } } }] }, null, 2);
    return { fileName: `connectdesk-support-${what}-2026-12-03.json`, data, summary: { connections, events: 4 * connections, traces: 6 * connections, logLines: 120 } };
  }
}
