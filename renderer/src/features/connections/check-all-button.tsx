import { useEffect, useState } from 'react';
import type { ErrorInfoDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';
import { Button } from '../../components/button';
import { useConnectionsStore } from './connections-store';

type CheckAllState = { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; healthy: number; attention: number } | { phase: 'failed'; error: ErrorInfoDto };

/**
 * Check all: checks every connection of the folder (main bounds the concurrency), then says
 * "N healthy, M need attention". Healthy means the check passed and the status is Connected.
 */
export function CheckAllButton({ folderId, onError }: { folderId: string; onError: (error: ErrorInfoDto | null) => void }) {
  const upsert = useConnectionsStore((s) => s.upsert);
  const [state, setState] = useState<CheckAllState>({ phase: 'idle' });
  useEffect(() => setState({ phase: 'idle' }), [folderId]);

  const run = async () => {
    if (state.phase === 'running') return;
    setState({ phase: 'running' });
    onError(null);
    try {
      const { results } = await invoke('connections:check-folder', { folderId });
      upsert(...results.map((r) => r.connection));
      const healthy = results.filter((r) => r.ok && r.connection.status === 'connected').length;
      setState({ phase: 'done', healthy, attention: results.length - healthy });
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
        {state.phase === 'done' ? (
          <>
            <span className="summary-ok">{state.healthy.toLocaleString()} healthy</span>,{' '}
            <span className={state.attention ? 'summary-attention' : undefined}>{state.attention.toLocaleString()} need attention</span>
          </>
        ) : null}
      </span>
      <Button busy={state.phase === 'running'} onClick={() => void run()}>
        Check all
      </Button>
    </>
  );
}
