import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { BackupImportResultDto, BackupPreviewDto, ErrorInfoDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';
import { ErrorBanner, InfoNote } from '../../components/banner';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { Modal } from '../../components/modal';
import { SecretInput } from '../../components/secret-input';
import { BackupConflicts, type ConflictPolicy } from './backup-conflicts';
import { BackupContents } from './backup-contents';
import { MAX_BACKUP_FILE_BYTES, readFileAsBase64 } from './backup-file';
import { BackupFilePicker } from './backup-file-picker';
import { describeImport } from './backup-words';

type Step = { kind: 'choose' } | { kind: 'preview'; preview: BackupPreviewDto } | { kind: 'done'; result: BackupImportResultDto };

/**
 * Import backup in three steps: choose the file and type its passphrase → see what it holds (and
 * what already exists here) → import. Main keeps the decrypted backup between Preview and Import;
 * leaving the dialog any other way tells main to forget it (backup:discard).
 */
export function ImportBackupDialog({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  // Skip is the safe choice (nothing here changes), so Import always does something visible.
  const [policy, setPolicy] = useState<ConflictPolicy>('skip');
  const [errors, setErrors] = useState<{ file?: string; passphrase?: string }>({});
  const [failure, setFailure] = useState<ErrorInfoDto | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const formId = useId();

  // The preview main holds for this dialog, forgotten when the dialog goes away without importing it.
  const openPreviewId = useRef<string | null>(null);
  const discardPreview = () => {
    const previewId = openPreviewId.current;
    openPreviewId.current = null;
    if (previewId) void invoke('backup:discard', { previewId }).catch(() => undefined);
  };
  const closed = useRef(false);
  useEffect(() => {
    closed.current = false;
    return () => {
      closed.current = true;
      discardPreview();
    };
  }, []);

  useEffect(() => {
    if (step.kind === 'preview') heading.current?.focus();
  }, [step.kind]);

  // The error comes last, next to the buttons, and is brought into view (the body may be scrolled); role=alert announces it.
  const failureBanner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureBanner.current?.scrollIntoView?.({ block: 'nearest' });
  }, [failure]);

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setFailure(null);
    setBusy(true);
    try {
      await work();
    } catch (error) {
      setFailure(toErrorInfo(error));
    } finally {
      setBusy(false);
    }
  };

  const previewFile = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      file: !file ? 'Choose a backup file' : file.size === 0 ? 'This file is empty' : file.size > MAX_BACKUP_FILE_BYTES ? 'This file is too large to be a ConnectDesk backup' : undefined,
      passphrase: passphrase ? undefined : 'Enter the passphrase',
    };
    setErrors(next);
    if (!file || next.file || next.passphrase) return;
    void run(async () => {
      const preview = await invoke('backup:preview', { data: await readFileAsBase64(file), passphrase });
      openPreviewId.current = preview.previewId;
      // Closed while main was decrypting: nothing will import it.
      if (closed.current) return discardPreview();
      setPolicy('skip');
      setStep({ kind: 'preview', preview });
    });
  };

  const importPreview = (event: FormEvent) => {
    event.preventDefault();
    if (step.kind !== 'preview') return;
    const { preview } = step;
    void run(async () => {
      const result = await invoke('backup:import', { previewId: preview.previewId, conflicts: policy });
      openPreviewId.current = null;
      // Folders, connection lists and the assets tab reload on main's connections:changed (folderId null).
      setStep({ kind: 'done', result });
    });
  };

  const backToFile = () => {
    discardPreview();
    setFailure(null);
    setErrors({});
    setStep({ kind: 'choose' });
  };

  const expired = failure?.code === 'BACKUP_PREVIEW_EXPIRED' ? <Button onClick={backToFile}>Choose the file again</Button> : undefined;

  const footer =
    step.kind === 'done' ? (
      <Button variant="primary" autoFocus onClick={onClose}>
        Done
      </Button>
    ) : (
      <>
        {step.kind === 'preview' ? (
          <Button className="backup-back" onClick={backToFile}>
            Back
          </Button>
        ) : null}
        <Button onClick={onClose}>Cancel</Button>
        {/* In the footer, outside the form that scrolls: `form` ties it to the step's form. */}
        <Button type="submit" form={formId} variant="primary" busy={busy}>
          {step.kind === 'preview' ? 'Import' : busy ? 'Opening…' : 'Preview'}
        </Button>
      </>
    );

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title="Import backup" size="md" footer={footer}>
      {step.kind === 'choose' ? (
        <form id={formId} className="form-stack" onSubmit={previewFile} noValidate>
          <p className="section-text">
            Brings back connections, folders and credential assets from a ConnectDesk backup. You see what it holds before anything changes.
          </p>
          <BackupFilePicker
            file={file}
            error={errors.file}
            onChange={(chosen) => {
              setFile(chosen);
              setErrors((e) => ({ ...e, file: undefined }));
            }}
          />
          <Field label="Passphrase" error={errors.passphrase} hint="The passphrase chosen when the backup was made.">
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
          {failure ? (
            <div ref={failureBanner}>
              <ErrorBanner error={failure} />
            </div>
          ) : null}
        </form>
      ) : null}
      {step.kind === 'preview' ? (
        <form id={formId} className="form-stack" onSubmit={importPreview} noValidate>
          <h3 className="section-title backup-heading" tabIndex={-1} ref={heading}>
            What <span className="user-text">{file?.name ?? 'this backup'}</span> holds
          </h3>
          <BackupContents preview={step.preview} />
          {step.preview.conflicts.length > 0 ? (
            <BackupConflicts conflicts={step.preview.conflicts} policy={policy} onChange={setPolicy} />
          ) : (
            <p className="section-text">Nothing in it exists here yet: everything is added.</p>
          )}
          {failure ? (
            <div ref={failureBanner}>
              <ErrorBanner error={failure} action={expired} />
            </div>
          ) : null}
        </form>
      ) : null}
      {step.kind === 'done' ? (
        <InfoNote>
          <p className="banner-title">Backup imported</p>
          {describeImport(step.result).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </InfoNote>
      ) : null}
    </Modal>
  );
}
