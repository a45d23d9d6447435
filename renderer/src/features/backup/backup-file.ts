/**
 * The renderer reads and saves backup files itself, the same way in Electron and in the browser
 * shell: main only ever sees and returns the bytes, as base64 (the contract's backupData).
 */

/** The contract accepts up to 70,000,000 base64 characters: about 52 MB of file. */
export const MAX_BACKUP_FILE_BYTES = Math.floor(70_000_000 / 4) * 3;

// String.fromCharCode(...bytes) overflows the stack on large arrays: convert in slices.
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function readFileAsBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/**
 * Hands the file to the browser as a download: Electron shows its Save dialog, a browser saves
 * it to Downloads (or asks). The object URL lives a minute, long enough for the save to start.
 */
export function saveFile(fileName: string, base64: string): void {
  saveBlob(fileName, new Blob([base64ToBytes(base64)], { type: 'application/octet-stream' }));
}

/** saveFile for content the renderer already has as a Blob (a support bundle's JSON text). */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "12 KB", "3.4 MB": the size next to the chosen file's name. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
