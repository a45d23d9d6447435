import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ErrorInfoDto, ResponseOf } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';
import { ErrorBanner, InfoNote } from '../../components/banner';
import { Button } from '../../components/button';
import { ChoiceList } from '../../components/choice-list';
import { Field } from '../../components/field';
import { Modal } from '../../components/modal';
import { SecretInput } from '../../components/secret-input';
import { FolderSelect } from '../folders/folder-select';
import { useFoldersStore } from '../folders/folders-store';
import { saveFile } from './backup-file';
import { describeCounts } from './backup-words';

/** As main checks it (BACKUP_PASSPHRASE_TOO_SHORT): anyone holding the file can guess offline. */
export const MIN_PASSPHRASE_LENGTH = 12;

type ScopeKind = 'all' | 'folder';
type Exported = ResponseOf<'backup:export'>;

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
  const [failure, setFailure] = useState<ErrorInfoDto | null>(null);
  const [busy, setBusy] = useState(false);
  // Closed while encrypting: the person changed their mind, so no file is saved.
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);

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
    setFailure(null);
    setBusy(true);
    try {
      const result = await invoke('backup:export', { scope: scope === 'all' ? { kind: 'all' } : { kind: 'folder', folderId: chosenFolderId }, passphrase });
      if (!open.current) return;
      saveFile(result.fileName, result.data);
      onExported(result);
    } catch (error) {
      if (!open.current) return;
      setFailure(toErrorInfo(error));
      setBusy(false);
    }
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
    <div className="form-stack">
      <InfoNote>
        <p className="banner-title">
          Saved <span className="user-text">{exported.fileName}</span> — {describeCounts(exported.counts)}.
        </p>
        <p>Keep the passphrase: without it the backup cannot be opened.</p>
      </InfoNote>
      <p className="section-text">The file holds secrets, encrypted. Store it where you keep other sensitive files.</p>
      <div className="modal-footer modal-footer-inline">
        <Button onClick={() => saveFile(exported.fileName, exported.data)}>Save again</Button>
        <Button variant="primary" autoFocus onClick={onClose}>
          Done
        </Button>
      </div>
    </div>
  );
}
