import Conf from 'conf';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.js';
import { documentFileFromConf, fileSignature, STORE_FILE_OPTIONS, type ConfLike, type DocumentFile } from './document-file.js';

/** Where the store file lives in a data directory. */
export function storeFilePath(directory: string): string {
  return join(directory, `${STORE_FILE_OPTIONS.configName}.json`);
}

/**
 * A DocumentFile over conf or electron-store, constructed on first use: both read the file in
 * their constructor, so a damaged file becomes a clear STORE_DAMAGED error at the first read
 * (neither clears it: clearInvalidConfig is off).
 */
export function lazyConfDocumentFile(directory: string, create: () => ConfLike): DocumentFile {
  let file: DocumentFile | null = null;
  const guard = <T>(action: (f: DocumentFile) => T): T => {
    try {
      file ??= documentFileFromConf(create());
      return action(file);
    } catch (cause) {
      if (cause instanceof SyntaxError) throw new AppError('STORE_DAMAGED', { detail: storeFilePath(directory), cause });
      throw cause;
    }
  };
  return {
    path: storeFilePath(directory),
    read: () => guard((f) => f.read()),
    write: (document) => guard((f) => f.write(document)),
    signature: () => fileSignature(storeFilePath(directory)),
  };
}

/** The store file through `conf`, for everything that runs without Electron (CLI, browser shell, tests). */
export function openConfDocumentFile(directory: string): DocumentFile {
  return lazyConfDocumentFile(directory, () => new Conf<Record<string, unknown>>({ cwd: directory, projectName: 'connectdesk', ...STORE_FILE_OPTIONS }));
}
