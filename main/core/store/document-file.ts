import { statSync } from 'node:fs';

/** The one JSON document the connection store lives in. */
export interface DocumentFile {
  readonly path: string;
  /** The parsed document, or undefined when there is no file yet. */
  read(): unknown;
  /** Replaces the file atomically (temp file, fsync, rename): a crash leaves the old or the new file. */
  write(chunks: readonly Uint8Array[]): void;
  /**
   * Changes whenever the file changes (inode, size, modification time): lets the store reuse what
   * it parsed last time instead of parsing 10,000 connections again. null when there is no file.
   */
  signature(): string | null;
}

/** Signature of a file from its stat: an atomic write replaces the inode, so this never misses one. */
export function fileSignature(path: string): string | null {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}` : null;
}
