/**
 * The app's log: every line passes the Redactor. TODO(issue 5, redaction helper): electron-log
 * (electron-log/node outside Electron) with a file transport and rotation under the data dir.
 */
export interface AppLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
