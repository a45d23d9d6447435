import { AppError } from '../core/errors/app-error.js';
import type { ConnectionRecord, FolderRecord, StoreDocument } from '../core/store/store-schema.js';

/** "Shared", "Engineering/Docs": the names from the top folder down. */
export function folderPath(doc: StoreDocument, folderId: string): string {
  const names: string[] = [];
  const seen = new Set<string>();
  let current = doc.folders.find((f) => f.id === folderId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId === null ? undefined : doc.folders.find((f) => f.id === current!.parentId);
  }
  return names.join('/') || folderId;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A folder by id, by its path of names ("Engineering/Docs"; names are unique among siblings,
 * case-insensitively), or by a bare name when only one folder anywhere has it.
 */
export function resolveFolder(doc: StoreDocument, reference: string): FolderRecord {
  const wanted = reference.trim().replace(/^\/+|\/+$/g, '');
  const byId = doc.folders.find((f) => f.id === wanted);
  if (byId) return byId;
  const byPath = doc.folders.find((f) => same(folderPath(doc, f.id), wanted));
  if (byPath) return byPath;
  const byName = doc.folders.filter((f) => same(f.name, wanted));
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new AppError('VALIDATION_FAILED', {
      message: `Several folders are named "${wanted}": ${byName.map((f) => `${folderPath(doc, f.id)} (${f.id})`).join(', ')}.`,
      remediation: 'Name the folder by its path from the top (for example Engineering/Docs) or by its id.',
    });
  }
  throw new AppError('NOT_FOUND', {
    message: `There is no folder "${wanted}".`,
    remediation: `Folders: ${doc.folders.map((f) => folderPath(doc, f.id)).join(', ')}.`,
  });
}

/**
 * A connection by id, or by name (case-insensitively) — in `folderReference` when given, which
 * settles a name used in several folders.
 */
export function resolveConnection(doc: StoreDocument, reference: string, folderReference?: string): ConnectionRecord {
  const wanted = reference.trim();
  const folder = folderReference ? resolveFolder(doc, folderReference) : null;
  const inScope = folder ? doc.connections.filter((c) => c.folderId === folder.id) : doc.connections;
  const byId = inScope.find((c) => c.id === wanted);
  if (byId) return byId;
  const exact = inScope.filter((c) => c.name === wanted);
  const byName = exact.length > 0 ? exact : inScope.filter((c) => same(c.name, wanted));
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new AppError('VALIDATION_FAILED', {
      message: `Several connections are named "${wanted}": ${byName.map((c) => `${folderPath(doc, c.folderId)} (${c.id})`).join(', ')}.`,
      remediation: 'Add --folder <folder> or name the connection by its id.',
    });
  }
  throw new AppError('NOT_FOUND', {
    message: `There is no connection "${wanted}"${folder ? ` in ${folderPath(doc, folder.id)}` : ''}.`,
    remediation: 'Run `connectdesk list` for the names and ids.',
  });
}
