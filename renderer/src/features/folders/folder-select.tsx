import { useMemo } from 'react';
import { Field } from '../../components/field';
import { buildFolderTree, flattenFolderTree, indentedName } from './folder-tree-model';
import { useFoldersStore } from './folders-store';

export const TOP_LEVEL = '';
const NONE: readonly string[] = [];

/**
 * A folder picker showing the hierarchy. `exclude` leaves folders out (a folder cannot move into
 * itself or its subfolders); `topLevel` adds a "Top level" choice, whose value is TOP_LEVEL.
 */
export function FolderSelect({
  label,
  value,
  onChange,
  exclude = NONE,
  topLevel,
  hint,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (folderId: string) => void;
  exclude?: readonly string[];
  topLevel?: string;
  hint?: string;
  autoFocus?: boolean;
}) {
  const folders = useFoldersStore((s) => s.folders);
  const options = useMemo(() => {
    const skip = new Set(exclude);
    return flattenFolderTree(buildFolderTree(folders)).filter(({ folder }) => !skip.has(folder.id));
  }, [folders, exclude]);
  return (
    <Field label={label} hint={hint}>
      {(props) => (
        <select {...props} className="input select" value={value} autoFocus={autoFocus} onChange={(e) => onChange(e.target.value)}>
          {topLevel ? <option value={TOP_LEVEL}>{topLevel}</option> : null}
          {options.map(({ folder, depth }) => (
            <option key={folder.id} value={folder.id}>
              {indentedName(folder.name, depth)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
