import { useId, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { ChoiceList } from '../../components/choice-list';
import { Field } from '../../components/field';
import { Modal } from '../../components/modal';
import { SavedFileResult } from '../../components/saved-file-result';
import { SecretInput } from '../../components/secret-input';
import { useFileExport } from '../../components/use-file-export';
import { FolderSelect } from '../folders/folder-select';
import { useFoldersStore } from '../folders/folders-store';
import { saveFile } from './backup-file';
import { describeCounts } from './backup-words';

/** As main checks it (BACKUP_PASSPHRASE_TOO_SHORT): anyone holding the file can guess offline. */
export const MIN_PASSPHRASE_LENGTH = 12;

type ScopeKind = 'all' | 'folder';
type Exported = ResponseOf<'backup:export'>;

const saveBackup = (exported: Exported) => saveFile(exported.fileName, exported.data);

/**
 * Export backup: everything or one folder, encrypted with a passphrase typed twice. The file is
 * saved by the renderer (a download); the dialog then says what went into it.
 */
export function ExportBackupDialog({ folderId, onClose, returnFocus }: { folderId?: string; onClose: () => void; returnFocus?: () => HTMLElement | null }) {
  const [exported, setExported] = useState<Exported | null>(null);
  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title="Export backup" size="md" returnFocus={returnFocus}>
      {exported ? <ExportResult exported={exported} onClose={onClose} /> : <ExportForm folderId={folderId} onExported={setExported} onClose={onClose} />}
    </Modal>
  );
}

function ExportForm({ folderId, onExported, onClose }: { folderId: string | undefined; onExported: (exported: Exported) => void; onClose: () => void }) {
  const scopeLabel = useId();
  const selectedId = useFoldersStore((s) => s.selectedId);
  const firstFolderId = useFoldersStore((s) => s.folders[0]?.id ?? '');
  const [scope, setScope] = useState<ScopeKind>(folderId ? 'folder' : 'all');
  const [chosenFolderId, setChosenFolderId] = useState(folderId ?? selectedId ?? firstFolderId);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; confirmation?: string }>({});
  const { busy, failure, run } = useFileExport({ save: saveBackup, onExported });

  const lengthError = () => {
    const length = [...passphrase].length;
    return length < MIN_PASSPHRASE_LENGTH ? `Use at least ${MIN_PASSPHRASE_LENGTH} characters (this one has ${length})` : undefined;
  };
  const mismatchError = () => {
    if (!confirmation) return 'Type the passphrase again';
    return confirmation !== passphrase ? 'The two passphrases do not match' : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const next = { passphrase: lengthError(), confirmation: mismatchError() };
    setErrors(next);
    if (next.passphrase || next.confirmation) return;
    await run(() => invoke('backup:export', { scope: scope === 'all' ? { kind: 'all' } : { kind: 'folder', folderId: chosenFolderId }, passphrase }));
  };

  return (
    <form className="form-stack" onSubmit={submit} noValidate>
      {failure ? <ErrorBanner error={failure} /> : null}
      <p className="section-text">
        Saves connections, folders and credential assets — with their secrets — in one file encrypted with a passphrase (age format). Import it here or on another
        computer.
      </p>
      <div className="field">
        <span className="field-label" id={scopeLabel}>
          What to export
        </span>
        <ChoiceList
          labelledBy={scopeLabel}
          value={scope}
          onChange={setScope}
          options={[
            { value: 'all', label: 'Everything', description: 'All folders, connections and credential assets.' },
            { value: 'folder', label: 'One folder', description: 'The folder with its subfolders, their connections and credential assets.' },
          ]}
        />
      </div>
      {scope === 'folder' ? <FolderSelect label="Folder" value={chosenFolderId} onChange={setChosenFolderId} /> : null}
      <Field
        label="Passphrase"
        error={errors.passphrase}
        hint={`At least ${MIN_PASSPHRASE_LENGTH} characters. Anyone who gets the file can try to guess it, so use several unrelated words.`}
      >
        {(props) => (
          <SecretInput
            field={props}
            value={passphrase}
            onChange={(next) => {
              setPassphrase(next);
              setErrors((e) => ({ ...e, passphrase: undefined }));
            }}
          />
        )}
      </Field>
      <Field label="Confirm passphrase" error={errors.confirmation}>
        {(props) => (
          <SecretInput
            field={props}
            value={confirmation}
            onChange={(next) => {
              setConfirmation(next);
              setErrors((e) => ({ ...e, confirmation: undefined }));
            }}
          />
        )}
      </Field>
      <div className="modal-footer modal-footer-inline">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy}>
          {busy ? 'Encrypting…' : 'Export'}
        </Button>
      </div>
    </form>
  );
}

function ExportResult({ exported, onClose }: { exported: Exported; onClose: () => void }) {
  return (
    <SavedFileResult
      fileName={exported.fileName}
      contents={describeCounts(exported.counts)}
      note="Keep the passphrase: without it the backup cannot be opened."
      onSaveAgain={() => saveBackup(exported)}
      onClose={onClose}
    >
      <p className="section-text">The file holds secrets, encrypted. Store it where you keep other sensitive files.</p>
    </SavedFileResult>
  );
}
