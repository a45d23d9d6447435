import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { SortIcon } from '../../components/icons';
import type { SortKey, SortState } from './connection-query';
import { ConnectionRow } from './connection-row';

const ROW_HEIGHT = 56;

const columns: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'connectorName', label: 'Connector' },
  { key: 'status', label: 'Status' },
  { key: 'site', label: 'Site' },
  { key: 'account', label: 'Account' },
  { key: 'scopes', label: 'Scopes' },
  { key: 'lastActivity', label: 'Last activity' },
];

/** "5 min ago" stays true: the table re-renders its relative times every minute. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
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
}: {
  rows: ConnectionSummaryDto[];
  label: string;
  sort: SortState;
  onSort: (key: SortKey) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useMinuteClock();
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
              <ConnectionRow
                key={item.key}
                connection={connection}
                rowIndex={item.index + 2}
                now={now}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
