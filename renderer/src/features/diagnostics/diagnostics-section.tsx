import type { ReactNode } from 'react';

/** One titled section of the Diagnostics view; a landmark named by its heading. */
export function DiagnosticsSection({ id, title, aside, children }: { id: string; title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <section className="diag-section" aria-labelledby={`${id}-title`}>
      <header className="diag-section-header">
        <h3 id={`${id}-title`} className="diag-section-title">
          {title}
        </h3>
        {aside ? <span className="diag-section-aside">{aside}</span> : null}
      </header>
      {children}
    </section>
  );
}

/** What a section shows when there is nothing yet, and why. */
export function DiagnosticsEmpty({ children }: { children: ReactNode }) {
  return <p className="diag-empty">{children}</p>;
}
