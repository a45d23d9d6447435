/**
 * The app's log: electron-log (electron-log/main in the app, main/electron/app-log-electron.ts;
 * electron-log/node in the shell, the CLI and tests, node-app-log.ts) writing
 * `<dataDir>/logs/main.log`, owner-only, rotated at about 1 MB with one old file kept. Every line
 * passes the Redactor in a hook on the logger itself, so even a careless call — an object, an
 * Error with a token in its message — is redacted before any transport sees it.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import type ElectronLog from 'electron-log';
import type { ServiceEvent } from '../services/service-events.js';
import type { Redactor } from './redaction.js';

export interface AppLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Rotate past this size: the current file becomes main.old.log (replacing the previous one). */
export const LOG_MAX_BYTES = 1024 * 1024;

export const logDirectory = (dataDir: string): string => join(dataDir, 'logs');
export const logFilePath = (dataDir: string): string => join(logDirectory(dataDir), 'main.log');
/** Where electron-log's default archiveLogFn moves the current file on rotation. */
export const oldLogFilePath = (dataDir: string): string => join(logDirectory(dataDir), 'main.old.log');

/** What this needs of an electron-log logger: the node and the main logger both fit. */
export type RedactableLogger = Pick<ElectronLog.NodeLogger, 'hooks' | 'transports' | 'info' | 'warn' | 'error'>;

export interface AppLogOptions {
  dataDir: string;
  redactor: Redactor;
  /** Also print to the console from this level (the shell, the app in development); off by default. */
  consoleLevel?: 'info' | 'warn' | 'error' | false;
}

/**
 * Points the logger's file transport at `<dataDir>/logs/main.log` with rotation and mode 0600,
 * and adds the redaction hook: every message becomes one string, formatted as console.log would
 * (util.format) and then passed through redactor.text().
 */
export function redactingAppLog(logger: RedactableLogger, options: AppLogOptions): AppLog {
  const { dataDir, redactor } = options;
  mkdirSync(logDirectory(dataDir), { recursive: true, mode: 0o700 });
  const file = logger.transports.file;
  file.resolvePathFn = () => logFilePath(dataDir);
  file.maxSize = LOG_MAX_BYTES;
  file.level = 'info';
  // The mode applies when the file is created; an older file is tightened below.
  file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  for (const path of [logFilePath(dataDir), oldLogFilePath(dataDir)]) tightenMode(path);
  logger.transports.console.level = options.consoleLevel ?? false;
  logger.hooks.push((message) => ({ ...message, data: [redactor.text(format(...(message.data as unknown[])))] }));
  return {
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message) => logger.error(message),
  };
}

/** Best effort: Windows has no such modes, and a file owned by someone else stays as it is. */
function tightenMode(path: string): void {
  try {
    if (existsSync(path)) chmodSync(path, 0o600);
  } catch {
    // The log is still written; only its mode could not be changed.
  }
}

/**
 * The last `max` lines of the log (the old file first, then the current one), for support
 * bundles. Lines are as written (already redacted); the bundle redacts them again with what the
 * redactor knows now.
 */
export function readRecentLogLines(dataDir: string, max: number): string[] {
  const lines: string[] = [];
  for (const path of [oldLogFilePath(dataDir), logFilePath(dataDir)]) {
    if (!existsSync(path)) continue;
    lines.push(...readFileSync(path, 'utf8').split(/\r?\n/).filter((line) => line.length > 0));
  }
  return max <= 0 ? [] : lines.slice(-max);
}

/** Sign-in progress as a log line: the attempt, its phase and the error code — never a URL or a body. */
export function logServiceEvent(log: AppLog, event: ServiceEvent): void {
  if (event.type !== 'auth:progress') return;
  const { attemptId, phase, error, connection } = event.payload;
  const outcome = error ? ` (${error.code})` : connection && phase === 'connected' ? ` (connection ${connection.id})` : '';
  const line = `sign-in ${attemptId}: ${phase}${outcome}`;
  if (error) log.warn(line);
  else log.info(line);
}
