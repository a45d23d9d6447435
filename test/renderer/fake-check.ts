import type { CheckResultDto, CheckStepDto, ConnectionSummaryDto, ErrorInfoDto } from '../../preload/contract';

/** What a scripted check reports for one connection (tests set it per connection ID). */
export interface CheckScript {
  ok: boolean;
  steps: CheckStepDto[];
  missingScopes?: string[];
  status: ConnectionSummaryDto['status'];
  statusReason?: ErrorInfoDto;
}

const offlineError: ErrorInfoDto = {
  code: 'NETWORK_OFFLINE',
  message: 'This computer cannot reach Atlassian.',
  remediation: 'ConnectDesk retries by itself when the network is back.',
};

const passed = (name: string, durationMs: number, detail?: string): CheckStepDto => ({ name, outcome: 'passed', ok: true, durationMs, ...(detail ? { detail } : {}) });
const skipped = (name: string, detail: string): CheckStepDto => ({ name, outcome: 'skipped', ok: true, durationMs: 0, detail });
const failed = (name: string, durationMs: number, error: ErrorInfoDto, detail?: string): CheckStepDto => ({
  name,
  outcome: 'failed',
  ok: false,
  durationMs,
  error,
  ...(detail ? { detail } : {}),
});

/**
 * The check main would run, by the connection's current state: needs-reconnect and error fail at
 * the token, offline fails at the site, everything else passes (Update is skipped without a write scope).
 */
export function defaultCheck(connection: ConnectionSummaryDto): CheckScript {
  const canWrite = connection.requestedScopes.some((s) => s.startsWith('write:'));
  const update = canWrite
    ? passed('Update content', 64, 'Dry-run update with write:confluence-content')
    : skipped('Update content', 'No Update scope was requested.');
  if (connection.status === 'needs-reconnect' || connection.status === 'error') {
    const error = connection.statusReason ?? { code: 'TOKEN_EXPIRED', message: 'The sign-in expired.', remediation: 'Reconnect to sign in again.' };
    return {
      ok: false,
      status: connection.status,
      statusReason: error,
      steps: [
        failed('Access token is valid', 212, error, 'Refresh the access token with the stored refresh token'),
        skipped('Site is reachable', 'An earlier step failed.'),
        skipped('Read space summary', 'An earlier step failed.'),
        skipped('Update content', 'An earlier step failed.'),
      ],
    };
  }
  if (connection.status === 'offline') {
    return {
      ok: false,
      status: 'offline',
      statusReason: offlineError,
      steps: [
        passed('Access token is valid', 2),
        failed('Site is reachable', 3012, offlineError, `GET ${connection.site?.url ?? 'the site'}`),
        skipped('Read space summary', 'An earlier step failed.'),
        skipped('Update content', 'An earlier step failed.'),
      ],
    };
  }
  const keeps = connection.status === 'expiring-soon';
  return {
    ok: true,
    status: keeps ? 'expiring-soon' : 'connected',
    ...(keeps && connection.statusReason ? { statusReason: connection.statusReason } : {}),
    steps: [
      passed('Access token is valid', 3),
      passed('Site is reachable', 41, `GET ${connection.site?.url ?? 'the site'}/_edge/tenant_info`),
      passed('Read space summary', 87, 'GET spaces with read:confluence-space.summary'),
      update,
    ],
  };
}

/** Applies a check script to the connection and builds the result main would send. */
export function runCheck(connection: ConnectionSummaryDto, script: CheckScript, now: Date): { updated: ConnectionSummaryDto; result: CheckResultDto } {
  const updated: ConnectionSummaryDto = { ...connection, status: script.status, lastCheckedAt: now.toISOString() };
  delete updated.statusReason;
  if (script.statusReason) updated.statusReason = script.statusReason;
  return {
    updated,
    result: {
      connectionId: connection.id,
      ok: script.ok,
      steps: script.steps,
      missingScopes: script.missingScopes ?? [],
      checkedAt: now.toISOString(),
      connection: updated,
    },
  };
}
