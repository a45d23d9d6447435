import { dirname } from 'node:path';
import type { RequestOf, ResponseOf } from '../../../preload/contract.js';
import { isAppError } from '../../core/errors/app-error.js';
import { buildConnectionDiagnostics } from '../../core/diagnostics/connection-diagnostics.js';
import { bundle } from '../../core/diagnostics/support-bundle.js';
import type { IpcContext } from '../ipc-context.js';

/** Why a connection works or fails: verdict, endpoints, OAuth app, scopes, token timeline, history, traces, last check. */
export function getDiagnostics(ctx: IpcContext, request: RequestOf<'diagnostics:get'>): Promise<ResponseOf<'diagnostics:get'>> {
  return buildConnectionDiagnostics(ctx.services, request.connectionId);
}
/**
 * A support bundle as JSON text (the renderer saves it as a download). A leak found by the last
 * scan is SUPPORT_BUNDLE_LEAK: nothing is returned, and the log says where (never the value).
 */
export async function exportSupportBundle(ctx: IpcContext, request: RequestOf<'diagnostics:export-bundle'>): Promise<ResponseOf<'diagnostics:export-bundle'>> {
  try {
    const result = await bundle(ctx.services, request.scope, {
      appVersion: ctx.host.version,
      secretProtection: await ctx.host.describeSecretProtection(),
      // The logs live next to the store, in <dataDir>/logs.
      dataDir: dirname(ctx.services.store.path),
    });
    const { connections, events, traces, logLines } = result.summary;
    ctx.services.log?.info(`support bundle (${request.scope.kind}): ${connections} connections, ${events} events, ${traces} traces, ${logLines} log lines`);
    return { fileName: result.fileName, data: result.text, summary: result.summary };
  } catch (error) {
    if (isAppError(error) && error.code === 'SUPPORT_BUNDLE_LEAK') ctx.services.log?.error(`support bundle refused: ${error.detail ?? ''}`);
    throw error;
  }
}
