import { useId, useState } from 'react';
import type { FolderDto } from '../../../../preload/contract';
import { ChoiceList } from '../../components/choice-list';
import { FormDialog } from '../../components/form-dialog';
import { folderMenuButton } from './folder-actions-store';
import { SHARED_FOLDER_ID, subtreeConnectionCount, subtreeIds } from './folder-tree-model';
import { useFoldersStore, type FolderConnectionsChoice } from './folders-store';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * Delete folder, with its subfolders. When they hold connections the user chooses: move them to
 * the parent folder (Shared for a top-level folder) or delete them too.
 */
export function DeleteFolderDialog({ folder, onClose }: { folder: FolderDto; onClose: () => void }) {
  const folders = useFoldersStore((s) => s.folders);
  const remove = useFoldersStore((s) => s.remove);
  const choiceLabel = useId();
  const subfolders = subtreeIds(folders, folder.id).length - 1;
  const connections = subtreeConnectionCount(folders, folder.id);
  const parentName = folders.find((f) => f.id === (folder.parentId ?? SHARED_FOLDER_ID))?.name ?? 'Shared';
  const [choice, setChoice] = useState<FolderConnectionsChoice>('move-to-parent');

  const returnFocus = () =>
    folderMenuButton(folder.id) ?? document.querySelector<HTMLElement>(`[data-folder-id="${CSS.escape(folder.parentId ?? SHARED_FOLDER_ID)}"]`);

  return (
    <FormDialog
      title={`Delete “${folder.name}”?`}
      returnFocus={returnFocus}
      submitLabel="Delete"
      destructive
      onSubmit={() => remove(folder.id, connections > 0 ? choice : undefined)}
      onClose={onClose}
    >
      <p>
        {subfolders > 0 ? `The folder and its ${plural(subfolders, 'subfolder', 'subfolders')} are removed. ` : 'The folder is removed. '}
        {connections > 0
          ? `${subfolders > 0 ? 'Together they hold' : 'It holds'} ${plural(connections, 'connection', 'connections')}.`
          : 'It holds no connections.'}
      </p>
      {connections > 0 ? (
        <div className="field">
          <span className="field-label" id={choiceLabel}>
            What happens to {connections === 1 ? 'its connection' : `its ${connections.toLocaleString()} connections`}
          </span>
          <ChoiceList
            labelledBy={choiceLabel}
            value={choice}
            onChange={setChoice}
            options={[
              { value: 'move-to-parent', label: `Move its connections to ${parentName}` },
              {
                value: 'delete',
                label: 'Delete its connections too',
                description: 'Their tokens and client secrets are removed from this computer. Automations using them stop working.',
              },
            ]}
          />
        </div>
      ) : null}
    </FormDialog>
  );
}
