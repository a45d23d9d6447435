import { useMemo, useState, type KeyboardEvent } from 'react';
import type { ConnectorSummaryDto } from '../../../../preload/contract';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { ChevronIcon, SearchIcon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { useAddConnectionStore } from './add-connection-store';

function matches(connector: ConnectorSummaryDto, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [connector.name, connector.vendor, connector.description, ...connector.keywords].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** Step 1: find the connector. The search box has focus; Enter chooses the highlighted result. */
export function ConnectorStep({ onCancel }: { onCancel: () => void }) {
  const connectors = useAddConnectionStore((s) => s.connectors);
  const error = useAddConnectionStore((s) => s.connectorsError);
  const query = useAddConnectionStore((s) => s.query);
  const setQuery = useAddConnectionStore((s) => s.setQuery);
  const selectConnector = useAddConnectionStore((s) => s.selectConnector);
  const [active, setActive] = useState(0);

  const results = useMemo(() => (connectors ?? []).filter((c) => matches(c, query)), [connectors, query]);
  const activeIndex = Math.min(active, Math.max(results.length - 1, 0));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + delta + results.length) % Math.max(results.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = results[activeIndex];
      if (chosen) void selectConnector(chosen.id);
    }
  };

  return (
    <>
      <div className="step-body">
        <div className="search-input search-input-lg">
          <SearchIcon className="search-input-icon" />
          <input
            className="input"
            type="text"
            aria-label="Search connectors"
            placeholder="Search connectors"
            autoFocus
            autoComplete="off"
            value={query}
            aria-describedby="connector-search-hint"
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <p id="connector-search-hint" className="field-hint" aria-live="polite">
          {results[activeIndex] ? `Press Enter to choose ${results[activeIndex].name}.` : ''}
        </p>
        {error ? <ErrorBanner error={error} /> : null}
        {!connectors && !error ? (
          <p className="progress-line">
            <Spinner /> Loading connectors…
          </p>
        ) : null}
        {connectors && results.length === 0 ? (
          <EmptyState title={`No connector matches “${query.trim()}”`}>Try another name, vendor or keyword, such as “wiki”.</EmptyState>
        ) : null}
        {results.length > 0 ? (
          <ul className="connector-list" aria-label="Connectors">
            {results.map((connector, index) => (
              <li key={connector.id}>
                <button
                  type="button"
                  className={`connector-card ${index === activeIndex ? 'is-active' : ''}`}
                  aria-labelledby={`connector-name-${connector.id}`}
                  aria-describedby={`connector-desc-${connector.id}`}
                  onClick={() => void selectConnector(connector.id)}
                  onMouseEnter={() => setActive(index)}
                >
                  <span className="connector-logo" aria-hidden="true">
                    {connector.name.slice(0, 1)}
                  </span>
                  <span className="connector-text">
                    <span className="connector-name" id={`connector-name-${connector.id}`}>
                      {connector.name}
                    </span>
                    <span className="connector-description" id={`connector-desc-${connector.id}`}>
                      {connector.vendor} · {connector.description}
                    </span>
                  </span>
                  <ChevronIcon className="connector-chevron" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="modal-footer">
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </>
  );
}
