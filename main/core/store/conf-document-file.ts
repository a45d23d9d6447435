import Conf from 'conf';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.js';
import { documentFileFromConf, STORE_FILE_OPTIONS, type DocumentFile } from './document-file.js';

/**
 * The store file through `conf`, for everything that runs without Electron. conf reads the file
 * when it is constructed, so it is constructed on first use and a damaged file becomes a clear
 * STORE_DAMAGED error (conf never clears it: clearInvalidConfig is off).
 */
export function openConfDocumentFile(directory: string): DocumentFile {
  let file: DocumentFile | null = null;
  const open = (): DocumentFile => {
    file ??= documentFileFromConf(new Conf<Record<string, unknown>>({ cwd: directory, projectName: 'connectdesk', ...STORE_FILE_OPTIONS }));
    return file;
  };
  const guard = <T>(action: () => T): T => {
    try {
      return action();
    } catch (cause) {
      if (cause instanceof SyntaxError) throw new AppError('STORE_DAMAGED', { detail: join(directory, `${STORE_FILE_OPTIONS.configName}.json`), cause });
      throw cause;
    }
  };
  return {
    path: join(directory, `${STORE_FILE_OPTIONS.configName}.json`),
    read: () => guard(() => open().read()),
    write: (document) => guard(() => open().write(document)),
  };
}
