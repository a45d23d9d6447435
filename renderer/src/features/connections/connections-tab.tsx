import { useEffect, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { ErrorInfoDto, FolderDto } from '../../../../preload/contract';
import { subscribe } from '../../api/client';
import { ErrorBanner, InfoNote } from '../../components/banner';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { LinkIcon, PlusIcon, SearchIcon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { useAddConnectionStore } from '../add-connection/add-connection-store';
import { CheckAllButton } from './check-all-button';
import { useConnectionActionsStore } from './connection-actions-store';
import { filterConnections, indexConnections, sortConnections } from './connection-query';
import { ConnectionsTable } from './connections-table';
import { useConnectionsStore } from './connections-store';

/** The Connections tab of a folder: toolbar (filter, Check all, Add connection), the table, and its states. */
export function ConnectionsTab({ folder }: { folder: FolderDto }) {
  const { items, status, error, filter, sort, load, setFilter, toggleSort } = useConnectionsStore();
  const openAddConnection = useAddConnectionStore((s) => s.open);
  const notice = useConnectionActionsStore((s) => s.notice);
  const actionError = useConnectionActionsStore((s) => s.actionError);
  const dismiss = useConnectionActionsStore((s) => s.dismiss);
  const [checkAllError, setCheckAllError] = useState<ErrorInfoDto | null>(null);
  const wasEmpty = useRef(false);
  const toolbarAdd = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void load(folder.id);
  }, [folder.id, load]);

  useEffect(
    () =>
      subscribe('connections:changed', ({ folderId }) => {
        if (folderId === null || folderId === folder.id) void load(folder.id);
      }),
    [folder.id, load],
  );

  const indexed = useMemo(() => indexConnections(items), [items]);
  const rows = useMemo(() => sortConnections(filterConnections(indexed, filter), sort), [indexed, filter, sort]);

  useEffect(() => {
    dismiss();
    setCheckAllError(null);
  }, [folder.id, dismiss]);

  // The empty state's Add connection button gives way to the toolbar's when the first connection
  // arrives (after Done): keep keyboard focus on Add connection instead of dropping it to the page.
  const isEmpty = status === 'ready' && items.length === 0;
  useLayoutEffect(() => {
    if (wasEmpty.current && !isEmpty && items.length > 0 && (document.activeElement === document.body || document.activeElement === null)) {
      toolbarAdd.current?.focus();
    }
    wasEmpty.current = isEmpty;
  }, [isEmpty, items.length]);

  const addButton = (ref?: Ref<HTMLButtonElement>) => (
    <Button ref={ref} variant="primary" data-add-connection="" onClick={() => openAddConnection(folder.id)}>
      <PlusIcon /> Add connection
    </Button>
  );

  if (status === 'loading') {
    return (
      <p className="pane-note">
        <Spinner /> Loading connections…
      </p>
    );
  }
  if (status === 'error' && error) {
    return <ErrorBanner error={error} action={<Button onClick={() => void load(folder.id)}>Try again</Button>} />;
  }
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<LinkIcon size={28} />}
        title="No connections in this folder yet"
        action={addButton()}
      >
        Connect a Confluence Cloud site: you sign in with Atlassian, choose a site, and ConnectDesk keeps the connection alive.
      </EmptyState>
    );
  }

  return (
    <div className="connections">
      <div className="toolbar">
        <div className="search-input">
          <SearchIcon className="search-input-icon" />
          <input
            className="input"
            type="text"
            aria-label="Filter connections"
            placeholder="Filter by name, site, status or account"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && filter) {
                e.preventDefault();
                setFilter('');
              }
            }}
          />
        </div>
        <span className="toolbar-count" aria-live="polite">
          {rows.length === items.length
            ? `${items.length.toLocaleString()} ${items.length === 1 ? 'connection' : 'connections'}`
            : `${rows.length.toLocaleString()} of ${items.length.toLocaleString()}`}
        </span>
        <div className="toolbar-spacer" />
        <CheckAllButton folderId={folder.id} onError={setCheckAllError} />
        {addButton(toolbarAdd)}
      </div>
      {checkAllError ? <ErrorBanner error={checkAllError} title="The connections were not checked" /> : null}
      {actionError ? (
        <ErrorBanner error={actionError.error} title={actionError.title} action={<Button onClick={dismiss}>Dismiss</Button>} />
      ) : null}
      {notice ? <InfoNote tone="quiet">{notice}</InfoNote> : null}
      {rows.length === 0 ? (
        <EmptyState title={`No connections match “${filter}”`} action={<Button onClick={() => setFilter('')}>Clear filter</Button>} />
      ) : (
        <ConnectionsTable rows={rows} label={`Connections in ${folder.name}`} sort={sort} onSort={toggleSort} />
      )}
    </div>
  );
}
