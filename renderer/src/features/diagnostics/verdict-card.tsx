import type { ReactNode } from 'react';
import type { ConnectionDiagnosticsDto } from '../../../../preload/contract';
import { AlertIcon, CheckIcon } from '../../components/icons';
import { localizeTimestamps } from '../connections/relative-time';

/**
 * The answer first, big and plain: healthy, or what is wrong and what to do (from the error
 * catalogue), with its code for support and the technical detail one click away.
 */
export function VerdictCard({ verdict, action }: { verdict: ConnectionDiagnosticsDto['verdict']; action?: ReactNode }) {
  const { cause } = verdict;
  const headline = localizeTimestamps(verdict.headline);
  if (verdict.healthy || !cause) {
    return (
      <section className="verdict verdict-ok" aria-labelledby="verdict-headline">
        <span className="verdict-icon">
          <CheckIcon size={22} />
        </span>
        <div className="verdict-body">
          <h3 id="verdict-headline" className="verdict-headline">
            {headline}
          </h3>
        </div>
      </section>
    );
  }
  return (
    <section className="verdict verdict-problem" aria-labelledby="verdict-headline">
      <span className="verdict-icon">
        <AlertIcon size={22} />
      </span>
      <div className="verdict-body">
        <h3 id="verdict-headline" className="verdict-headline">
          {headline}
        </h3>
        <dl className="verdict-parts">
          {/* The headline often says the cause's message already: then it is not said twice. */}
          {!verdict.headline.includes(cause.message.replace(/\.$/, '')) ? (
            <>
              <dt>Cause</dt>
              <dd>{localizeTimestamps(cause.message)}</dd>
            </>
          ) : null}
          <dt>Fix</dt>
          <dd className="verdict-fix">{cause.remediation}</dd>
          <dt>Code</dt>
          <dd>
            <code className="verdict-code">{cause.code}</code>
          </dd>
        </dl>
        {cause.detail ? (
          <details className="verdict-detail">
            <summary>Technical detail</summary>
            <pre>{cause.detail}</pre>
          </details>
        ) : null}
        {action ? <div className="verdict-actions">{action}</div> : null}
      </div>
    </section>
  );
}
