import type { ConnectionDiagnosticsDto } from '../../../../preload/contract';
import { CheckSteps } from '../connections/check-steps';
import { formatDateTime } from '../connections/relative-time';
import { DiagnosticsEmpty, DiagnosticsSection } from './diagnostics-section';
import { fromNow } from './diagnostics-words';

/** The last Check connection, step by step, as the check dialog showed it. */
export function LastCheckSection({ lastCheck }: { lastCheck: ConnectionDiagnosticsDto['lastCheck'] }) {
  const aside = lastCheck ? `${lastCheck.ok ? 'Passed' : 'Failed'} · ${formatDateTime(lastCheck.checkedAt)} (${fromNow(lastCheck.checkedAt)})` : undefined;
  return (
    <DiagnosticsSection id="diag-check" title="Last check" aside={aside}>
      {lastCheck ? (
        <CheckSteps steps={lastCheck.steps} />
      ) : (
        <DiagnosticsEmpty>No check has run yet. Choose Check connection in the row’s More actions menu to run one.</DiagnosticsEmpty>
      )}
    </DiagnosticsSection>
  );
}
