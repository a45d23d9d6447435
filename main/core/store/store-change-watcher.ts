import { watch as fsWatch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { ConnectionStore } from './connection-store.js';
import { fileSignature } from './document-file.js';

export interface StoreChangeWatcher {
  stop(): void;
}

export interface StoreChangeWatcherOptions {
  /** How long a burst of file events is gathered before the file is looked at (ms). */
  debounceMs?: number;
  /** How often the file is looked at when the folder cannot be watched (ms). */
  pollMs?: number;
  /** node:fs watch; replaceable so tests can make it fail. */
  watch?: typeof fsWatch;
  log?: (message: string) => void;
}

/**
 * Calls `onChange` when another process (the connectdesk CLI, a second app or shell) changes the
 * store's file, so the window can show it without a reload; this process's own writes are not
 * reported (the store knows them: changedOnlyByThisInstance). The FOLDER is watched, because an
 * atomic write renames a new file over the old one and a watch on the file itself would stop at
 * the first write. Where the folder cannot be watched (no inotify watches left, a network drive),
 * the file's signature is polled instead, rarely.
 */
export function watchStoreChanges(store: ConnectionStore, onChange: () => void, options: StoreChangeWatcherOptions = {}): StoreChangeWatcher {
  const debounceMs = options.debounceMs ?? 150;
  const pollMs = options.pollMs ?? 2_000;
  const fileName = basename(store.path);
  const log = options.log ?? (() => undefined);
  let known = signatureOrUnknown(store.path) ?? null;
  let pending: NodeJS.Timeout | null = null;
  let poller: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  let stopped = false;

  const look = () => {
    pending = null;
    if (stopped) return;
    const current = signatureOrUnknown(store.path);
    // Unreadable for a moment (permissions, a network drive): the next event or poll looks again.
    if (current === undefined || current === known) return;
    const ownChange = store.changedOnlyByThisInstance(known, current);
    known = current;
    if (ownChange) return;
    try {
      onChange();
    } catch (error) {
      log(`Store change watcher: the change handler failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  // Events arriving while a look is scheduled join it (no reset): a steady stream of writes cannot postpone it forever.
  const schedule = () => {
    if (stopped || pending) return;
    pending = setTimeout(look, debounceMs);
    pending.unref?.();
  };

  const poll = (reason: unknown) => {
    watcher?.close();
    watcher = null;
    if (stopped || poller) return;
    log(`Store change watcher: cannot watch ${dirname(store.path)} (${(reason as NodeJS.ErrnoException)?.code ?? String(reason)}); checking the store every ${pollMs} ms instead.`);
    poller = setInterval(look, pollMs);
    poller.unref?.();
  };

  try {
    // Not persistent: watching never keeps a process (the CLI, a test) alive by itself.
    watcher = (options.watch ?? fsWatch)(dirname(store.path), { persistent: false }, (_event, name) => {
      // Some platforms give no name: any change in the folder may then be the store's.
      if (name === null || name === undefined || String(name) === fileName) schedule();
    });
    watcher.on('error', poll);
  } catch (error) {
    poll(error);
  }

  return {
    stop() {
      stopped = true;
      watcher?.close();
      watcher = null;
      if (pending) clearTimeout(pending);
      if (poller) clearInterval(poller);
      pending = null;
      poller = null;
    },
  };
}

/** The file's signature, null when there is no file, undefined when it cannot be read now. */
function signatureOrUnknown(path: string): string | null | undefined {
  try {
    return fileSignature(path);
  } catch {
    return undefined;
  }
}
