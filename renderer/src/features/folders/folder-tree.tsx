import { useMemo, type KeyboardEvent } from 'react';
import { ChevronIcon, FolderIcon } from '../../components/icons';
import { FolderMenu } from './folder-menu';
import { buildFolderTree, type FolderNode } from './folder-tree-model';
import { useFoldersStore } from './folders-store';

/** Up/Down move between visible folders, Right/Left expand and collapse (or go to the parent). */
function onFolderKeyDown(event: KeyboardEvent<HTMLButtonElement>, node: FolderNode, expanded: boolean, toggle: (id: string, collapsed?: boolean) => void) {
  const items = [...(event.currentTarget.closest('.sidebar-nav')?.querySelectorAll<HTMLButtonElement>('.folder-item') ?? [])];
  const index = items.indexOf(event.currentTarget);
  const focusAt = (i: number) => items[Math.max(0, Math.min(items.length - 1, i))]?.focus();
  switch (event.key) {
    case 'ArrowDown':
      return (event.preventDefault(), focusAt(index + 1));
    case 'ArrowUp':
      return (event.preventDefault(), focusAt(index - 1));
    case 'Home':
      return (event.preventDefault(), focusAt(0));
    case 'End':
      return (event.preventDefault(), focusAt(items.length - 1));
    case 'ArrowRight':
      event.preventDefault();
      if (node.children.length && !expanded) toggle(node.folder.id, false);
      else if (node.children.length) focusAt(index + 1);
      return;
    case 'ArrowLeft': {
      event.preventDefault();
      if (node.children.length && expanded) return toggle(node.folder.id, true);
      const parent = node.folder.parentId;
      if (parent) items.find((b) => b.dataset.folderId === parent)?.focus();
      return;
    }
  }
}

function FolderItems({ nodes, selectedId, onSelect }: { nodes: FolderNode[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const collapsedIds = useFoldersStore((s) => s.collapsedIds);
  const toggle = useFoldersStore((s) => s.toggleCollapsed);
  return (
    <ul className="folder-list">
      {nodes.map((node) => {
        const { folder, depth, children } = node;
        const expanded = !collapsedIds.includes(folder.id);
        return (
          <li key={folder.id}>
            <div className="folder-row" data-current={folder.id === selectedId || undefined} style={{ paddingInlineStart: `${4 + depth * 16}px` }}>
              {children.length ? (
                <button
                  type="button"
                  className="folder-toggle"
                  tabIndex={-1}
                  aria-expanded={expanded}
                  aria-label={`${expanded ? 'Collapse' : 'Expand'} ${folder.name}`}
                  onClick={() => toggle(folder.id)}
                >
                  <ChevronIcon size={12} />
                </button>
              ) : (
                <span className="folder-toggle" aria-hidden="true" />
              )}
              <button
                type="button"
                className="folder-item"
                data-folder-id={folder.id}
                aria-current={folder.id === selectedId ? 'page' : undefined}
                onClick={() => onSelect(folder.id)}
                onKeyDown={(e) => onFolderKeyDown(e, node, expanded, toggle)}
              >
                <FolderIcon className="folder-item-icon" />
                <span className="folder-item-name" title={folder.name}>
                  {folder.name}
                </span>
                {folder.connectionCount > 0 ? (
                  <span className="folder-item-count" aria-hidden="true">
                    {folder.connectionCount.toLocaleString()}
                  </span>
                ) : null}
              </button>
              <FolderMenu folder={folder} />
            </div>
            {children.length && expanded ? <FolderItems nodes={children} selectedId={selectedId} onSelect={onSelect} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The sidebar's folder tree: nesting follows parentId, shown by indentation; folders with
 * subfolders expand and collapse (chevron, or Right/Left on the folder).
 */
export function FolderTree() {
  const folders = useFoldersStore((s) => s.folders);
  const selectedId = useFoldersStore((s) => s.selectedId);
  const select = useFoldersStore((s) => s.select);
  const status = useFoldersStore((s) => s.status);
  const tree = useMemo(() => buildFolderTree(folders), [folders]);

  if (status === 'loading') return <p className="sidebar-note">Loading folders…</p>;
  return <FolderItems nodes={tree} selectedId={selectedId} onSelect={select} />;
}
