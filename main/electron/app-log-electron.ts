import log from 'electron-log/main';
import { redactingAppLog, type AppLog } from '../core/diagnostics/app-log.js';
import type { Redactor } from '../core/diagnostics/redaction.js';

/**
 * The app's log: electron-log's main logger (which also receives what renderers log), its file in
 * `<userData>/logs/main.log` like everywhere else, every line through the redactor.
 */
export function createElectronAppLog(dataDir: string, redactor: Redactor): AppLog {
  log.initialize();
  return redactingAppLog(log, { dataDir, redactor, consoleLevel: 'info' });
}
