import { useId, useState, type FormEvent } from 'react';
import type { ErrorInfoDto, ResponseOf } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { ChoiceList, type ChoiceOption } from '../../components/choice-list';
import { Modal } from '../../components/modal';
import { SavedFileResult } from '../../components/saved-file-result';
import { useFileExport } from '../../components/use-file-export';
import { saveBlob } from '../backup/backup-file';
import { rowFocus } from '../connections/connection-actions-store';
import { useFoldersStore } from '../folders/folders-store';
import { useSupportBundleStore, type SupportBundleTarget } from './support-bundle-store';

type ScopeKind = 'connection' | 'folder' | 'all';
type Exported = ResponseOf<'diagnostics:export-bundle'>;

const LEAK = 'SUPPORT_BUNDLE_LEAK';
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "1 connection, 12 events, 30 HTTP traces, 200 log lines" */
export function describeBundle(summary: Exported['summary']): string {
  return [
    plural(summary.connections, 'connection', 'connections'),
    plural(summary.events, 'event', 'events'),
    plural(summary.traces, 'HTTP trace', 'HTTP traces'),
    plural(summary.logLines, 'log line', 'log lines'),
  ].join(', ');
}

const saveBundle = (exported: Exported) => saveBlob(exported.fileName, new Blob([exported.data], { type: 'application/json' }));

/** The dialog opened from a connection's More actions (useSupportBundleStore). */
export function SupportBundleDialogHost() {
  const target = useSupportBundleStore((s) => s.target);
  const close = useSupportBundleStore((s) => s.close);
  if (!target) return null;
  const connectionId = target.connection?.id;
  return <SupportBundleDialog target={target} onClose={close} returnFocus={connectionId ? () => rowFocus(connectionId) : undefined} />;
}

/**
 * Export a support bundle: this connection, its folder, or everything. Main builds the JSON and
 * refuses it (SUPPORT_BUNDLE_LEAK) when its last scan finds a secret; the renderer saves it as a download.
 */
export function SupportBundleDialog({ target, onClose, returnFocus }: { target: SupportBundleTarget; onClose: () => void; returnFocus?: (() => HTMLElement | null) | undefined }) {
  const [exported, setExported] = useState<Exported | null>(null);
  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title="Export support bundle" size="md" returnFocus={returnFocus}>
      {exported ? <BundleResult exported={exported} onClose={onClose} /> : <BundleForm target={target} onExported={setExported} onClose={onClose} />}
    </Modal>
  );
}

function BundleForm({ target, onExported, onClose }: { target: SupportBundleTarget; onExported: (exported: Exported) => void; onClose: () => void }) {
  const scopeLabel = useId();
  const folders = useFoldersStore((s) => s.folders);
  const selectedFolderId = useFoldersStore((s) => s.selectedId);
  const connection = target.connection;
  const folderId = connection?.folderId ?? selectedFolderId;
  const folder = folders.find((f) => f.id === folderId) ?? null;
  const [scope, setScope] = useState<ScopeKind>(connection ? 'connection' : 'all');
  const { busy, failure, run } = useFileExport({ save: saveBundle, onExported });

  const options: ChoiceOption<ScopeKind>[] = [
    ...(connection ? [{ value: 'connection' as const, label: 'This connection', description: <span className="user-text">{connection.name}</span> }] : []),
    ...(folder
      ? [{ value: 'folder' as const, label: connection ? 'This folder' : 'The selected folder', description: <span>{folder.name}, with its subfolders</span> }]
      : []),
    { value: 'all', label: 'Everything', description: 'All folders and connections.' },
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request =
      scope === 'connection' && connection
        ? { kind: 'connection' as const, connectionId: connection.id }
        : scope === 'folder' && folder
          ? { kind: 'folder' as const, folderId: folder.id }
          : { kind: 'all' as const };
    await run(() => invoke('diagnostics:export-bundle', { scope: request }));
  };

  return (
    <form className="form-stack" onSubmit={submit} noValidate>
      {failure ? <BundleFailure failure={failure} /> : null}
      <p className="section-text">
        A JSON file for support staff: versions, settings, connection details, event history, HTTP traces and recent log lines. Secrets are never in it — only
        short fingerprints, so two bundles can be compared. ConnectDesk scans the file for secrets before saving it.
      </p>
      <div className="field">
        <span className="field-label" id={scopeLabel}>
          What to include
        </span>
        <ChoiceList labelledBy={scopeLabel} value={scope} onChange={setScope} options={options} />
      </div>
      <div className="modal-footer modal-footer-inline">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy}>
          {busy ? 'Checking and exporting…' : 'Export'}
        </Button>
      </div>
    </form>
  );
}

/** A leak is named plainly, with where it was found (never the value): the person reports it. */
function BundleFailure({ failure }: { failure: ErrorInfoDto }) {
  if (failure.code !== LEAK) return <ErrorBanner error={failure} />;
  return (
    <ErrorBanner
      error={{ ...failure, detail: undefined }}
      title="The support bundle was not saved: it would have contained a secret"
      action={failure.detail ? <p>Where: {failure.detail}</p> : undefined}
    />
  );
}

function BundleResult({ exported, onClose }: { exported: Exported; onClose: () => void }) {
  return (
    <SavedFileResult
      fileName={exported.fileName}
      contents={describeBundle(exported.summary)}
      note="Checked before saving: it holds no secret. Attach it to your support request."
      onSaveAgain={() => saveBundle(exported)}
      onClose={onClose}
    />
  );
}
