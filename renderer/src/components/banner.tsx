import type { ReactNode } from 'react';
import type { ErrorInfoDto } from '../../../preload/contract';
import { AlertIcon, InfoIcon } from './icons';

/** An error shown with all three parts: what happened, what to do, and the code for support. */
export function ErrorBanner({ error, title, action }: { error: ErrorInfoDto; title?: string; action?: ReactNode }) {
  return (
    <div className="banner banner-error" role="alert">
      <AlertIcon className="banner-icon" />
      <div className="banner-body">
        <p className="banner-title">{title ?? error.message}</p>
        {title ? <p>{error.message}</p> : null}
        <p>{error.remediation}</p>
        <p className="banner-code">
          Code: <code>{error.code}</code>
        </p>
        {error.detail ? (
          <details className="banner-detail">
            <summary>Technical detail</summary>
            <pre>{error.detail}</pre>
          </details>
        ) : null}
        {action ? <div className="banner-actions">{action}</div> : null}
      </div>
    </div>
  );
}

/** A calm note: information, not a problem. */
export function InfoNote({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'quiet' }) {
  return (
    <div className={`banner banner-${tone}`} role="status">
      <InfoIcon className="banner-icon" />
      <div className="banner-body">{children}</div>
    </div>
  );
}

/** A warning: it worked, or it can go on, but something needs the user's attention. */
export function WarnNote({ title, children }: { title?: ReactNode; children?: ReactNode }) {
  return (
    <div className="banner banner-warn" role="status">
      <AlertIcon className="banner-icon" />
      <div className="banner-body">
        {title ? <p className="banner-title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}
