import type { AppLog } from '../core/diagnostics/app-log.js';
import { FileDiagnosticsJournal } from '../core/diagnostics/diagnostics-journal.js';
import { createNodeAppLog } from '../core/diagnostics/node-app-log.js';
import { Redactor } from '../core/diagnostics/redaction.js';
import type { SettingsStore } from '../core/store/settings-store.js';

/** Journal, redactor and log of a run: the app's own files in the data folder, so what the tool does shows in the app. */
export interface RunDiagnostics {
  journal: FileDiagnosticsJournal;
  redactor: Redactor;
  log: AppLog;
}

/** The fingerprint key comes from the app's settings file, so the tool's bundles compare with the app's. */
export function openRunDiagnostics(dataDir: string, settings: SettingsStore): RunDiagnostics {
  const redactor = new Redactor({ fingerprintKey: settings.diagnosticsFingerprintKey() });
  return { journal: new FileDiagnosticsJournal(dataDir), redactor, log: createNodeAppLog({ dataDir, redactor }) };
}

/** The journal alone, read-only (get): opening it creates nothing. */
export function openJournal(dataDir: string): FileDiagnosticsJournal {
  return new FileDiagnosticsJournal(dataDir);
}
