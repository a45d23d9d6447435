import { useEffect, useMemo, useState } from 'react';
import type { CheckResultDto, ConnectionSummaryDto, ErrorInfoDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';
import { Button } from '../../components/button';
import { useConnectionsStore } from './connections-store';

/** What each check found: whether it passed, and the status it left. */
type Verdicts = ReadonlyMap<string, { ok: boolean; status: ConnectionSummaryDto['status'] }>;

type CheckAllState = { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; verdicts: Verdicts } | { phase: 'failed'; error: ErrorInfoDto };

/**
 * The summary for the folder's rows as they are now: deleted or moved rows drop out, and a row
 * whose status changed since the check (reconnected, failed later) counts by its new status.
 * Null when none of the checked rows is left.
 */
export function summarize(verdicts: Verdicts, items: readonly ConnectionSummaryDto[]): { healthy: number; attention: number } | null {
  let healthy = 0;
  let attention = 0;
  for (const item of items) {
    const verdict = verdicts.get(item.id);
    if (!verdict) continue;
    const fine = item.status === verdict.status || item.status === 'checking' ? verdict.ok && verdict.status === 'connected' : item.status === 'connected';
    if (fine) healthy++;
    else attention++;
  }
  return healthy + attention > 0 ? { healthy, attention } : null;
}

const verdictsOf = (results: CheckResultDto[]): Verdicts => new Map(results.map((r) => [r.connectionId, { ok: r.ok, status: r.connection.status }]));

/**
 * Check all: checks every connection of the folder (main bounds the concurrency), then says
 * "N healthy, M need attention". Healthy means the check passed and the status is Connected.
 */
export function CheckAllButton({ folderId, onError }: { folderId: string; onError: (error: ErrorInfoDto | null) => void }) {
  const upsert = useConnectionsStore((s) => s.upsert);
  const items = useConnectionsStore((s) => s.items);
  const [state, setState] = useState<CheckAllState>({ phase: 'idle' });
  useEffect(() => setState({ phase: 'idle' }), [folderId]);
  // Recomputed whenever the folder's rows change (row actions, reconnect, delete, connections:changed).
  const summary = useMemo(() => (state.phase === 'done' ? summarize(state.verdicts, items) : null), [state, items]);

  const run = async () => {
    if (state.phase === 'running') return;
    setState({ phase: 'running' });
    onError(null);
    try {
      const { results } = await invoke('connections:check-folder', { folderId });
      upsert(...results.map((r) => r.connection));
      setState({ phase: 'done', verdicts: verdictsOf(results) });
    } catch (error) {
      const info = toErrorInfo(error);
      setState({ phase: 'failed', error: info });
      onError(info);
    }
  };

  return (
    <>
      <span className="toolbar-summary" role="status">
        {state.phase === 'running' ? 'Checking all connections…' : null}
        {summary ? (
          <>
            <span className="summary-ok">{summary.healthy.toLocaleString()} healthy</span>,{' '}
            <span className={summary.attention ? 'summary-attention' : undefined}>{summary.attention.toLocaleString()} need attention</span>
          </>
        ) : null}
      </span>
      <Button busy={state.phase === 'running'} onClick={() => void run()}>
        Check all
      </Button>
    </>
  );
}
