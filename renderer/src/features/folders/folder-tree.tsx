import { useMemo } from 'react';
import { FolderIcon } from '../../components/icons';
import { buildFolderTree, type FolderNode } from './folder-tree-model';
import { useFoldersStore } from './folders-store';

function FolderItems({ nodes, selectedId, onSelect }: { nodes: FolderNode[]; selectedId: string | null; onSelect: (id: string) => void }) {
  return (
    <ul className="folder-list">
      {nodes.map(({ folder, depth, children }) => (
        <li key={folder.id}>
          <button
            type="button"
            className="folder-item"
            style={{ paddingInlineStart: `${10 + depth * 16}px` }}
            aria-current={folder.id === selectedId ? 'page' : undefined}
            onClick={() => onSelect(folder.id)}
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
          {children.length ? <FolderItems nodes={children} selectedId={selectedId} onSelect={onSelect} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The sidebar's folder tree; nesting follows parentId and is shown by indentation. */
export function FolderTree() {
  const folders = useFoldersStore((s) => s.folders);
  const selectedId = useFoldersStore((s) => s.selectedId);
  const select = useFoldersStore((s) => s.select);
  const status = useFoldersStore((s) => s.status);
  const tree = useMemo(() => buildFolderTree(folders), [folders]);

  if (status === 'loading') return <p className="sidebar-note">Loading folders…</p>;
  return <FolderItems nodes={tree} selectedId={selectedId} onSelect={select} />;
}
