import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { watchStoreChanges, type StoreChangeWatcher } from '../../main/core/store/store-change-watcher.js';
import { sampleRecord } from '../support/sample-record.js';

/** Longer than the watcher's debounce many times over: what did not fire by then never will. */
const SETTLE_MS = 600;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

const watchers: StoreChangeWatcher[] = [];
afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.stop();
});

/** This process's store with a watcher counting the changes it reports, and a second "process" on the same folder. */
async function twoProcesses(options: Parameters<typeof watchStoreChanges>[2] = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cd-watch-'));
  const ours = new ConnectionStore(openJsonDocumentFile(dir));
  await ours.saveConnection(sampleRecord());
  const other = new ConnectionStore(openJsonDocumentFile(dir));
  const seen = { changes: 0 };
  const watcher = watchStoreChanges(ours, () => seen.changes++, options);
  watchers.push(watcher);
  return { ours, other, seen, stop: () => watcher.stop() };
}

describe('store change watcher', () => {
  it('reports a connection another process renamed, once', async () => {
    const { ours, other, seen } = await twoProcesses();
    await other.updateConnection('c1', (c) => ({ ...c, name: 'Renamed elsewhere' }));
    await waitFor(() => seen.changes > 0);
    await sleep(SETTLE_MS);
    expect(seen.changes).toBe(1);
    expect(ours.getConnection('c1').name).toBe('Renamed elsewhere');
  });

  it('reports each later change by another process again', async () => {
    const { other, seen } = await twoProcesses();
    await other.saveConnection(sampleRecord({ id: 'c2', name: 'Added elsewhere' }));
    await waitFor(() => seen.changes === 1);
    await other.createFolder('Archive', null);
    await waitFor(() => seen.changes === 2);
  });

  it("does not report this process's own writes", async () => {
    const { ours, other, seen } = await twoProcesses();
    await ours.saveConnection(sampleRecord({ id: 'c2', name: 'Ours' }));
    await ours.createFolder('Team', null);
    await ours.updateConnection('c1', (c) => ({ ...c, name: 'Renamed here' }));
    await sleep(SETTLE_MS);
    expect(seen.changes).toBe(0);
    // Still watching: another process's change right after is reported, and only that one.
    await other.createFolder('Archive', null);
    await waitFor(() => seen.changes > 0);
    await sleep(SETTLE_MS);
    expect(seen.changes).toBe(1);
  });

  it("reports another process's change even when this process writes right after it", async () => {
    const { ours, other, seen } = await twoProcesses({ debounceMs: 300 });
    await other.saveConnection(sampleRecord({ id: 'c2', name: 'Added elsewhere' }));
    // Our write reads the other's change and replaces its file before the watcher looks.
    await ours.createFolder('Team', null);
    await waitFor(() => seen.changes > 0);
    await sleep(SETTLE_MS);
    expect(seen.changes).toBe(1);
  });

  it('reports nothing after stop()', async () => {
    const { other, seen, stop } = await twoProcesses();
    stop();
    await other.updateConnection('c1', (c) => ({ ...c, name: 'Renamed elsewhere' }));
    await sleep(SETTLE_MS);
    expect(seen.changes).toBe(0);
  });

  it('checks the file now and then when the folder cannot be watched', async () => {
    const logged: string[] = [];
    const refuse = (() => {
      throw Object.assign(new Error('no inotify watches left'), { code: 'ENOSPC' });
    }) as unknown as typeof import('node:fs').watch;
    const { ours, other, seen } = await twoProcesses({ watch: refuse, pollMs: 50, log: (m) => logged.push(m) });
    expect(logged.join('\n')).toMatch(/ENOSPC/);
    await ours.createFolder('Team', null);
    await sleep(300);
    expect(seen.changes).toBe(0);
    await other.updateConnection('c1', (c) => ({ ...c, name: 'Renamed elsewhere' }));
    await waitFor(() => seen.changes === 1);
  });
});

describe('connection store: changedOnlyByThisInstance', () => {
  it("follows this instance's writes from one signature to another, and no other process's", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-watch-'));
    const file = openJsonDocumentFile(dir);
    const ours = new ConnectionStore(file);
    const other = new ConnectionStore(openJsonDocumentFile(dir));
    const empty = file.signature();
    await ours.createFolder('One', null);
    const afterOne = file.signature();
    await ours.createFolder('Two', null);
    const afterTwo = file.signature();
    expect(ours.changedOnlyByThisInstance(empty, afterTwo)).toBe(true);
    expect(ours.changedOnlyByThisInstance(afterOne, afterTwo)).toBe(true);
    expect(ours.changedOnlyByThisInstance(afterTwo, afterTwo)).toBe(true);
    await other.createFolder('Three', null);
    const afterThree = file.signature();
    expect(ours.changedOnlyByThisInstance(afterTwo, afterThree)).toBe(false);
    await ours.createFolder('Four', null);
    expect(ours.changedOnlyByThisInstance(afterThree, file.signature())).toBe(true);
    expect(ours.changedOnlyByThisInstance(afterTwo, file.signature())).toBe(false);
  });
});
