import { useState } from 'react';
import { Button } from '../../components/button';
import { ExportBackupDialog } from './export-backup-dialog';
import { ImportBackupDialog } from './import-backup-dialog';

/** Settings → Backups: export everything (or a folder), import a backup. */
export function BackupSection() {
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const close = () => setOpen(null);
  return (
    <section className="settings-section" aria-labelledby="settings-backup-heading">
      <h3 id="settings-backup-heading" className="section-title">
        Backups
      </h3>
      <p className="section-text">
        Save connections, folders and credential assets, with their secrets, in one file encrypted with a passphrase; import it here or on another computer.
      </p>
      <div className="backup-actions">
        <Button onClick={() => setOpen('export')}>Export…</Button>
        <Button onClick={() => setOpen('import')}>Import…</Button>
      </div>
      {open === 'export' ? <ExportBackupDialog onClose={close} /> : null}
      {open === 'import' ? <ImportBackupDialog onClose={close} /> : null}
    </section>
  );
}
