import { useMemo, useState, type FormEvent } from 'react';
import type { ErrorInfoDto, FolderDto } from '../../../../preload/contract';
import { toErrorInfo } from '../../api/ui-error';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { Modal } from '../../components/modal';
import { folderMenuButton } from './folder-actions-store';
import { FolderSelect, TOP_LEVEL } from './folder-select';
import { subtreeIds } from './folder-tree-model';
import { useFoldersStore } from './folders-store';

/** Move folder: pick a new parent or the top level; the folder and its subfolders are not offered. */
export function MoveFolderDialog({ folder, onClose }: { folder: FolderDto; onClose: () => void }) {
  const folders = useFoldersStore((s) => s.folders);
  const move = useFoldersStore((s) => s.move);
  const exclude = useMemo(() => subtreeIds(folders, folder.id), [folders, folder.id]);
  const [parentId, setParentId] = useState(folder.parentId ?? TOP_LEVEL);
  const [failure, setFailure] = useState<ErrorInfoDto | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const target = parentId === TOP_LEVEL ? null : parentId;
    if (target === folder.parentId) return onClose();
    setFailure(null);
    setBusy(true);
    try {
      await move(folder.id, target);
      onClose();
    } catch (error) {
      setFailure(toErrorInfo(error));
      setBusy(false);
    }
  };

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={`Move “${folder.name}”`} size="sm" returnFocus={() => folderMenuButton(folder.id)}>
      <form className="form-stack" onSubmit={submit} noValidate>
        {failure ? <ErrorBanner error={failure} /> : null}
        <FolderSelect
          label="New parent folder"
          value={parentId}
          onChange={setParentId}
          exclude={exclude}
          topLevel="None (top level)"
          hint="Its subfolders and connections move with it."
          autoFocus
        />
        <div className="modal-footer modal-footer-inline">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            Move
          </Button>
        </div>
      </form>
    </Modal>
  );
}
