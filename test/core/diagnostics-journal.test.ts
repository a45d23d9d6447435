import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileDiagnosticsJournal, MemoryDiagnosticsJournal, type DiagnosticsJournal } from '../../main/core/diagnostics/diagnostics-journal.js';
import type { JournalLimits } from '../../main/core/diagnostics/journal-entries.js';
import { journalCheck, journalEvent, journalTrace } from '../support/journal-fixtures.js';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cd-journal-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const SMALL: JournalLimits = { eventsPerConnection: 5, tracesPerConnection: 4, attempts: 2, tracesPerAttempt: 3, unscopedTraces: 2 };
const details = (journal: DiagnosticsJournal, connectionId: string) => journal.events(connectionId).map((e) => e.detail);
const markers = (traces: Array<{ url: string }>) => traces.map((t) => new URL(t.url).searchParams.get('marker'));

describe.each([
  ['memory', () => new MemoryDiagnosticsJournal(SMALL)],
  ['file', () => new FileDiagnosticsJournal(dataDir(), { limits: SMALL })],
])('%s journal', (_kind, open) => {
  it('keeps the newest events and traces per connection, the traces of the newest attempts, and one check', () => {
    const journal = open();
    for (let n = 0; n < 8; n++) journal.recordEvent(journalEvent('c1', `e${n}`));
    journal.recordEvent(journalEvent('c2', 'other'));
    for (let n = 0; n < 6; n++) journal.recordTrace(journalTrace('c1', `t${n}`));
    for (const attempt of ['a1', 'a2', 'a3']) {
      for (let n = 0; n < 4; n++) journal.recordTrace(journalTrace(null, `${attempt}-${n}`, { attemptId: attempt }));
    }
    journal.recordCheck(journalCheck('c1', false));
    journal.recordCheck(journalCheck('c1', true));

    expect(details(journal, 'c1')).toEqual(['e3', 'e4', 'e5', 'e6', 'e7']);
    expect(journal.events('c1', 2).map((e) => e.detail)).toEqual(['e6', 'e7']);
    expect(details(journal, 'c2')).toEqual(['other']);
    expect(markers(journal.traces({ connectionId: 'c1' }))).toEqual(['t2', 't3', 't4', 't5']);
    expect(markers(journal.traces({ attemptId: 'a1' }))).toEqual([]);
    expect(markers(journal.traces({ attemptId: 'a3' }))).toEqual(['a3-1', 'a3-2', 'a3-3']);
    expect(journal.lastCheck('c1')?.ok).toBe(true);
    expect(journal.lastCheck('c2')).toBeNull();
  });

  it('finds a reconnect\'s traces both by connection and by attempt', () => {
    const journal = open();
    journal.recordTrace(journalTrace('c1', 'api'));
    journal.recordTrace(journalTrace('c1', 'reconnect', { attemptId: 'a9' }));
    expect(markers(journal.traces({ connectionId: 'c1' }))).toEqual(['api', 'reconnect']);
    expect(markers(journal.traces({ attemptId: 'a9' }))).toEqual(['reconnect']);
    expect(markers(journal.traces({ connectionId: 'c1' }, 1))).toEqual(['reconnect']);
  });
});

describe('file journal on disk', () => {
  it('is owner-only, and a journal opened after a restart reads what was recorded', () => {
    const dir = dataDir();
    const first = new FileDiagnosticsJournal(dir);
    first.recordEvent(journalEvent('c1', 'before restart'));
    first.recordTrace(journalTrace('c1', 'm1'));
    first.recordCheck(journalCheck('c1', true));
    expect(statSync(join(dir, 'diagnostics')).mode & 0o777).toBe(0o700);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);

    const reopened = new FileDiagnosticsJournal(dir);
    expect(details(reopened, 'c1')).toEqual(['before restart']);
    expect(markers(reopened.traces({ connectionId: 'c1' }))).toEqual(['m1']);
    expect(reopened.lastCheck('c1')?.ok).toBe(true);
    // What another process appends later is seen on the next read.
    first.recordEvent(journalEvent('c1', 'after'));
    expect(details(reopened, 'c1')).toEqual(['before restart', 'after']);
  });

  it('a torn last line (a crash mid-write) is skipped, and costs no other line', () => {
    const dir = dataDir();
    const journal = new FileDiagnosticsJournal(dir);
    journal.recordEvent(journalEvent('c1', 'one'));
    appendFileSync(journal.path, '{"id":"torn","kind":"event","entry":{"connectionId":"c1","det');
    expect(details(new FileDiagnosticsJournal(dir), 'c1')).toEqual(['one']);
    journal.recordEvent(journalEvent('c1', 'two'));
    appendFileSync(journal.path, 'not json at all\n');
    journal.recordEvent(journalEvent('c1', 'three'));
    expect(details(new FileDiagnosticsJournal(dir), 'c1')).toEqual(['one', 'two', 'three']);
    expect(details(journal, 'c1')).toEqual(['one', 'two', 'three']);
  });

  it('stays bounded: past its size it is rewritten with what the limits keep', () => {
    const dir = dataDir();
    const journal = new FileDiagnosticsJournal(dir, { compactAboveBytes: 20_000, limits: { ...SMALL, eventsPerConnection: 50, tracesPerConnection: 10 } });
    for (let n = 0; n < 400; n++) {
      journal.recordEvent(journalEvent('c1', `e${n}`));
      journal.recordTrace(journalTrace('c1', `t${n}`));
    }
    expect(statSync(journal.path).size).toBeLessThan(60_000);
    const reopened = new FileDiagnosticsJournal(dir, { limits: { ...SMALL, eventsPerConnection: 50, tracesPerConnection: 10 } });
    expect(details(reopened, 'c1')).toEqual(Array.from({ length: 50 }, (_, i) => `e${350 + i}`));
    expect(markers(reopened.traces({ connectionId: 'c1' }))).toEqual(Array.from({ length: 10 }, (_, i) => `t${390 + i}`));
  });

  it('two processes appending at once (and compacting) lose no line, write no broken line, and never count one twice', async () => {
    const dir = dataDir();
    const perWriter = 250;
    const compactAbove = '40000';
    const writers = ['app', 'cli'].map(
      (writer) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/journal-writer.ts', dir, writer, String(perWriter), compactAbove], { stdio: 'inherit' });
          child.on('exit', resolve);
        }),
    );
    expect(await Promise.all(writers)).toEqual([0, 0]);

    const reader = new FileDiagnosticsJournal(dir, { limits: { ...SMALL, eventsPerConnection: 100_000 } });
    const seen = details(reader, 'shared');
    for (const writer of ['app', 'cli']) {
      // Each writer's events, every one exactly once. (A line written in the instant a compaction
      // replaces the file is carried over after the lines written right after it: order is not asserted.)
      const numbers = seen.filter((d) => d!.startsWith(`${writer}-`)).map((d) => Number(d!.split('-')[1]));
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: perWriter }, (_, n) => n));
    }
    const lines = readFileSync(reader.path, 'utf8').split('\n').filter(Boolean);
    // Compactions ran while both wrote: not all 500 traces are still in the file.
    expect(lines.filter((line) => line.includes('"kind":"trace"')).length).toBeLessThan(2 * perWriter);
    expect(lines.filter((line) => !isJson(line))).toEqual([]);
  }, 60_000);
});

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}
