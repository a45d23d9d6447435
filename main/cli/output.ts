import type { ErrorInfo } from '../core/errors/app-error.js';
import { toConnectionSummary, type ConnectionSummary } from '../core/services/connection-summary.js';
import type { ConnectionRecord, StoreDocument } from '../core/store/store-schema.js';
import { folderPath } from './resolve-names.js';

/**
 * Where the tool writes: results on stdout (a table, text, or JSON with --json), progress, notes and
 * errors on stderr, so `--json | jq` always gets exactly one JSON document.
 */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** A connection as the tool shows it: the app's summary (metadata only, never a secret) and its folder path. */
export type ConnectionView = ConnectionSummary & { folderPath: string };

export function connectionView(doc: StoreDocument, record: ConnectionRecord, now: Date): ConnectionView {
  return { ...toConnectionSummary(record, now), folderPath: folderPath(doc, record.folderId) };
}

/** Plain columns padded to their widest cell; the last column is not padded. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** An error as a person reads it: what happened, the fix, and the detail (never a stack). */
export function errorLines(info: ErrorInfo): string[] {
  return [`${info.message} [${info.code}]`, `Fix: ${info.remediation}`, ...(info.detail ? [`Detail: ${info.detail}`] : [])];
}

export function printError(info: ErrorInfo, options: { json: boolean }): void {
  process.stderr.write(`Error: ${errorLines(info).join('\n  ')}\n`);
  if (options.json) printJson({ ok: false, error: info });
}
