import { afterEach, beforeEach, vi } from 'vitest';

/** A download the renderer started: the file name and the Blob it handed to the browser. */
export interface CapturedDownload {
  fileName: string;
  blob: Blob;
}

/**
 * Catches the downloads the renderer starts (an object URL clicked as a link: backup-file.ts)
 * in each test of the file, instead of handing them to happy-dom. The list is emptied before each test.
 */
export function captureDownloads(): CapturedDownload[] {
  const downloads: CapturedDownload[] = [];
  const spies: Array<{ mockRestore(): void }> = [];
  beforeEach(() => {
    downloads.length = 0;
    const blobs = new Map<string, Blob>();
    spies.push(
      vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
        const url = `blob:fake/${blobs.size}`;
        blobs.set(url, blob as Blob);
        return url;
      }),
      vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined),
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        downloads.push({ fileName: this.download, blob: blobs.get(this.href)! });
      }),
    );
  });
  afterEach(() => {
    for (const spy of spies.splice(0)) spy.mockRestore();
  });
  return downloads;
}
