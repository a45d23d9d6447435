/** Settings → Backups: export everything, import a backup. TODO(issue 4, backup helper). */
export function BackupSection() {
  return null;
}
