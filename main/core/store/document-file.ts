import { statSync } from 'node:fs';

/**
 * The one JSON document the store lives in. In the app this is electron-store; in the CLI, the
 * browser shell and tests it is `conf` (the library under electron-store: same file, same format).
 * Both write atomically (temp file + rename).
 */
export interface DocumentFile {
  readonly path: string;
  read(): unknown;
  write(document: unknown): void;
  /**
   * Changes whenever the file changes (inode, size, modification time): lets the store reuse what
   * it parsed last time instead of parsing 10,000 connections again. null when there is no file.
   */
  signature(): string | null;
}

/** The part of conf / electron-store this needs: `store` reads the file, assigning it writes it atomically. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

/** Signature of a file from its stat: an atomic write replaces the inode, so this never misses one. */
export function fileSignature(path: string): string | null {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}` : null;
}

export function documentFileFromConf(conf: ConfLike): DocumentFile {
  return {
    path: conf.path,
    read: () => conf.store,
    write: (document) => {
      conf.store = document as Record<string, unknown>;
    },
    signature: () => fileSignature(conf.path),
  };
}

/** Options shared by conf (CLI, shell, tests) and electron-store (app) so both read the same file the same way. */
export const STORE_FILE_OPTIONS = {
  configName: 'connectdesk-store',
  // Secrets inside are sealed, but the file still says which connections exist: owner only.
  configFileMode: 0o600,
  // Another process (the CLI) may write the file: always read what is on disk.
  cache: false,
  // A damaged file is an error to report, never a reason to start over with an empty store.
  clearInvalidConfig: false,
} as const;
