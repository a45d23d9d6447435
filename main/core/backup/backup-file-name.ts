import type { BackupScope } from './backup-format.js';

const MAX_SLUG_LENGTH = 40;

/**
 * The name suggested for a backup file: connectdesk-backup-2026-12-03.age for everything,
 * connectdesk-<folder-slug>-2026-12-03.age for one folder. The date is the local one, as the
 * person saving the file reads it.
 */
export function backupFileName(scope: BackupScope, createdAt: Date): string {
  const what = scope.kind === 'folder' ? fileNameSlug(scope.folderName) : 'backup';
  return `connectdesk-${what}-${localDate(createdAt)}.age`;
}

/** "Team Docs / Ops" → "team-docs-ops"; letters of any script stay, everything else becomes one dash. */
export function fileNameSlug(name: string, fallback = 'folder'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
