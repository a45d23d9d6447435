import { Command } from 'commander';
import type { ConnectionDiagnostics } from '../../core/diagnostics/connection-diagnostics.js';
import { toErrorInfo } from '../../core/errors/app-error.js';
import { STATUS_LABELS } from '../../core/services/connection-status.js';
import type { CliContext } from '../cli-context.js';
import { runCommand } from '../command-runner.js';
import { connectionView, errorLines, note, printJson, printLine, type ConnectionView } from '../output.js';
import { resolveConnection } from '../resolve-names.js';

const EVENTS_SHOWN = 8;

/**
 * `get`: one connection's metadata and status with the reason and its fix, and the diagnosis the
 * app's diagnostics view shows (verdict, last check, recent events from the shared journal).
 * Never opens the vault.
 */
export function getCommand(): Command {
  return new Command('get')
    .description('Show a connection: metadata, status, the reason with its fix, and its diagnosis (no secret is read)')
    .argument('<connection>', 'connection name or id')
    .option('--folder <folder>', 'the folder of the connection, when its name is used in several')
    .option('--json', 'print JSON (with the diagnostics: verdict, scopes, token timeline, events, HTTP traces, last check)')
    .action((reference: string, options: { folder?: string; json?: boolean }, command: Command) =>
      runCommand(command, async (cli) => {
        const doc = cli.snapshot();
        const record = resolveConnection(doc, reference, options.folder);
        const view = connectionView(doc, record, cli.now());
        const missingScopes = view.requestedScopes.filter((s) => !view.grantedScopes.includes(s));
        const diagnostics = await diagnosticsOf(cli, record.id);
        if (options.json) return printJson({ ...view, missingScopes, diagnostics });
        printLine([...describe(view, missingScopes), ...(diagnostics ? diagnosis(diagnostics) : [])].join('\n'));
      }),
    );
}

/** The diagnostics view's content; a connection whose environment cannot be resolved here is shown without it. */
async function diagnosticsOf(cli: CliContext, connectionId: string): Promise<ConnectionDiagnostics | null> {
  try {
    // Loaded here: listing and the other read verbs start faster without the diagnostics modules.
    const { buildConnectionDiagnostics } = await import('../../core/diagnostics/connection-diagnostics.js');
    return await buildConnectionDiagnostics(await cli.readOnlyServiceContext(), connectionId);
  } catch (error) {
    note(`Diagnostics not shown: ${errorLines(toErrorInfo(error)).join(' ')}`);
    return null;
  }
}

const field = (label: string, value: string) => `  ${`${label}:`.padEnd(16)}${value}`;

function describe(v: ConnectionView, missingScopes: string[]): string[] {
  const lines = [`${v.name}  (${v.id})`, field('Folder', v.folderPath), field('Connector', v.connectorName), field('Status', STATUS_LABELS[v.status])];
  if (v.statusReason) {
    lines.push(field('Reason', `${v.statusReason.message} [${v.statusReason.code}]`), field('Fix', v.statusReason.remediation));
    if (v.statusReason.detail) lines.push(field('Detail', v.statusReason.detail));
  }
  lines.push(
    field('Site', v.site ? `${v.site.name} (${v.site.url}), cloud ID ${v.site.cloudId}` : '—'),
    field('Account', v.account ? `${v.account.displayName} (${v.account.accountId})` : '—'),
    field('Environment', v.environmentId),
    field('OAuth app', `${v.authType === 'byo' ? 'your own OAuth app' : 'managed app'}, client ID ${v.clientIdMasked}`),
    field('Scopes asked', v.requestedScopes.join(' ') || '—'),
    field('Scopes granted', v.grantedScopes.join(' ') || '—'),
  );
  if (missingScopes.length > 0) lines.push(field('Scopes missing', missingScopes.join(' ')));
  lines.push(
    field('Access until', v.accessExpiresAt),
    field('Refresh token', v.hasRefreshToken ? `yes, issued ${v.refreshIssuedAt ?? 'at sign-in'}` : 'none (no offline_access)'),
    field('Consented', v.consentedAt),
    field('Default', v.isDefault ? 'yes' : 'no'),
    field('Created', v.createdAt),
    field('Last used', v.lastUsedAt ?? 'never'),
    field('Last checked', v.lastCheckedAt ?? 'never'),
  );
  if (v.description) lines.push(field('Description', v.description));
  return lines;
}

function diagnosis(d: ConnectionDiagnostics): string[] {
  const lines = ['', field('Diagnosis', d.verdict.headline)];
  if (d.verdict.cause) lines.push(...errorLines(d.verdict.cause).map((l) => `${' '.repeat(18)}${l}`));
  lines.push(field('API base URL', d.connectionBaseUrl ?? '—'), field('Callback URL', d.environment.callbackUrl));
  if (d.lastCheck) {
    const passed = d.lastCheck.steps.filter((s) => s.outcome === 'passed').length;
    lines.push(field('Last check', `${d.lastCheck.checkedAt}: ${d.lastCheck.ok ? 'healthy' : 'NOT healthy'}, ${passed} of ${d.lastCheck.steps.length} steps passed`));
  }
  if (d.events.length > 0) {
    lines.push('  Recent events:');
    for (const e of d.events.slice(0, EVENTS_SHOWN)) {
      lines.push(`    ${e.at}  ${e.type}${e.outcome === 'failed' ? ' FAILED' : ''}${e.error ? ` [${e.error.code}]` : ''}${e.detail ? ` — ${e.detail}` : ''}`);
    }
  }
  return lines;
}
