import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { SortIcon } from '../../components/icons';
import { StatusPill } from '../../components/status-pill';
import { formatDate, type SortKey, type SortState } from './connection-query';
import { ConnectionRowMenu } from './connection-row-menu';

const ROW_HEIGHT = 52;

const columns: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'connectorName', label: 'Connector' },
  { key: 'status', label: 'Status' },
  { key: 'site', label: 'Site' },
  { key: 'createdAt', label: 'Created' },
];

function siteHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The connections of a folder as an ARIA table. Only the visible rows exist in the DOM
 * (react-virtual); aria-rowcount / aria-rowindex tell assistive technology the real size.
 */
export function ConnectionsTable({
  rows,
  label,
  sort,
  onSort,
  onCheck,
}: {
  rows: ConnectionSummaryDto[];
  label: string;
  sort: SortState;
  onSort: (key: SortKey) => void;
  onCheck: (connection: ConnectionSummaryDto) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  return (
    <div role="table" aria-label={label} aria-rowcount={rows.length + 1} className="table">
      <div role="rowgroup" className="table-head">
        <div role="row" aria-rowindex={1} className="table-row">
          {columns.map((column) => {
            const direction = sort.key === column.key ? sort.direction : 'none';
            return (
              <div key={column.key} role="columnheader" aria-sort={direction} className="table-cell">
                <button type="button" className="sort-button" onClick={() => onSort(column.key)}>
                  {column.label}
                  <SortIcon direction={direction} />
                </button>
              </div>
            );
          })}
          <div role="columnheader" className="table-cell">
            <span className="visually-hidden">Actions</span>
          </div>
        </div>
      </div>
      <div className="table-scroll" ref={scrollRef}>
        <div role="rowgroup" className="table-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const connection = rows[item.index];
            if (!connection) return null;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className="table-row"
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <div role="cell" className="table-cell cell-name">
                  <span className="cell-primary" title={connection.name}>
                    {connection.name}
                  </span>
                  <span className="cell-secondary">{connection.authType === 'byo' ? `Your OAuth app ${connection.clientIdMasked}` : 'Managed app'}</span>
                </div>
                <div role="cell" className="table-cell">
                  {connection.connectorName}
                </div>
                <div role="cell" className="table-cell">
                  <StatusPill status={connection.status} title={connection.statusReason?.message} />
                </div>
                <div role="cell" className="table-cell cell-site">
                  {connection.site ? (
                    <>
                      <span className="cell-primary" title={connection.site.name}>
                        {connection.site.name}
                      </span>
                      <span className="cell-secondary">{siteHost(connection.site.url)}</span>
                    </>
                  ) : (
                    <span className="cell-secondary">No site</span>
                  )}
                </div>
                <div role="cell" className="table-cell cell-muted">
                  <time dateTime={connection.createdAt}>{formatDate(connection.createdAt)}</time>
                </div>
                <div role="cell" className="table-cell cell-actions">
                  <ConnectionRowMenu connection={connection} onCheck={onCheck} />
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
