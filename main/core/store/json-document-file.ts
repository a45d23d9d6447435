import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writevSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import { fileSignature, type DocumentFile } from './document-file.js';

export const STORE_FILE_NAME = 'connectdesk-store.json';

export function storeFilePath(directory: string): string {
  return join(directory, STORE_FILE_NAME);
}

/** writev takes at most IOV_MAX (1024 on Linux) buffers per call. */
const IOV_MAX = 1024;

/**
 * Atomic replace of a file from a list of chunks: temp file in the same folder (owner-only),
 * fsync, rename over the old one. A crash leaves the old or the new file, never a mix. Written
 * here rather than with atomically (which electron-store uses) because that takes one buffer, and
 * joining 40 MB of cached record bytes into one costs as much again as the write (npm run bench).
 */
export function writeFileAtomically(path: string, chunks: readonly Uint8Array[]): void {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    for (let i = 0; i < chunks.length; i += IOV_MAX) {
      const batch = chunks.slice(i, i + IOV_MAX);
      let expected = batch.reduce((n, c) => n + c.byteLength, 0);
      let written = writevSync(fd, batch);
      // A short write is rare but legal: finish the batch from where it stopped.
      if (written < expected) {
        const rest = Buffer.concat(batch).subarray(written);
        expected = rest.byteLength;
        written = 0;
        while (written < expected) written += writevSync(fd, [rest.subarray(written)]);
      }
    }
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * The connection store's file. Small settings live in electron-store (settings-store.ts); this
 * document can hold 10,000 connections, and electron-store deep-copies the whole store on every
 * read and re-reads the file on every write — measured at 3× and 10× the cost of the parse and the
 * write themselves (npm run bench). So it is read with one JSON.parse and written atomically from
 * cached per-record bytes.
 */
export function openJsonDocumentFile(directory: string): DocumentFile {
  const path = storeFilePath(directory);
  return {
    path,
    read: () => {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      try {
        return JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch (cause) {
        // Never the parser's message: it quotes the file, which holds sealed secrets.
        throw new AppError('STORE_DAMAGED', { detail: `${path} is not valid JSON`, cause });
      }
    },
    write: (chunks) => writeFileAtomically(path, chunks),
    signature: () => fileSignature(path),
  };
}
