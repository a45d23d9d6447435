import Store from 'electron-store';
import { lazyConfDocumentFile } from '../core/store/conf-document-file.js';
import { STORE_FILE_OPTIONS, type DocumentFile } from '../core/store/document-file.js';

/** The store file through electron-store in the app: the same file and options as conf elsewhere. */
export function openElectronStoreDocumentFile(directory: string): DocumentFile {
  const { configName, ...options } = STORE_FILE_OPTIONS;
  return lazyConfDocumentFile(directory, () => new Store<Record<string, unknown>>({ name: configName, cwd: directory, ...options }));
}
