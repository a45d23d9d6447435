import { randomUUID } from 'node:crypto';
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { writeFileAtomically } from '../store/json-document-file.js';
import type { DiagnosticsJournal } from './diagnostics-journal.js';
import type { ConnectionEvent, HttpTraceEntry, LastCheckRecord } from './diagnostics-model.js';
import { JournalEntries, NO_LIMIT, type JournalLimits, type JournalLine } from './journal-entries.js';

export const DIAGNOSTICS_DIR_NAME = 'diagnostics';
export const JOURNAL_FILE_NAME = 'journal.jsonl';
/** The file is rewritten with only what the limits keep once it grows past this (or twice its last compacted size). */
const COMPACT_ABOVE_BYTES = 2 * 1024 * 1024;

interface ReadPosition {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  /** Just after the last complete line read: a torn or half-written last line is read again next time. */
  offset: number;
}

/**
 * The journal on disk: one JSON line per record in `<dataDir>/diagnostics/journal.jsonl`
 * (owner-only). The app and the CLI append to it at the same time: each record is one O_APPEND
 * write, so lines never interleave; readers skip a torn line and read again only when the file
 * changed (inode, size, mtime), and then only what was appended. When the file grows too big, one
 * process (holding a lock) rewrites it with what the limits keep; a line another process appends
 * meanwhile is carried over by the compactor or written again by its writer, and readers drop the
 * twin by its id.
 */
export class FileDiagnosticsJournal implements DiagnosticsJournal {
  readonly path: string;
  private readonly dir: string;
  private entries: JournalEntries;
  private position: ReadPosition | null = null;
  private compactedSize = 0;

  constructor(
    dataDir: string,
    private readonly options: { compactAboveBytes?: number; limits?: JournalLimits } = {},
  ) {
    this.dir = join(dataDir, DIAGNOSTICS_DIR_NAME);
    this.path = join(this.dir, JOURNAL_FILE_NAME);
    this.entries = new JournalEntries(options.limits);
  }

  recordEvent(event: ConnectionEvent): void {
    this.append({ id: randomUUID(), kind: 'event', entry: event });
  }

  recordTrace(entry: HttpTraceEntry): void {
    this.append({ id: randomUUID(), kind: 'trace', entry });
  }

  recordCheck(check: LastCheckRecord): void {
    this.append({ id: randomUUID(), kind: 'check', entry: check });
  }

  events(connectionId: string, limit = NO_LIMIT): ConnectionEvent[] {
    return this.current().eventsOf(connectionId, limit);
  }

  traces(filter: { connectionId?: string; attemptId?: string }, limit = NO_LIMIT): HttpTraceEntry[] {
    return this.current().tracesOf(filter, limit);
  }

  lastCheck(connectionId: string): LastCheckRecord | null {
    return this.current().lastCheckOf(connectionId);
  }

  private append(line: JournalLine): void {
    const text = `${JSON.stringify(line)}\n`;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // A compaction may replace the file while the line goes to the old one: then it is written
    // again to the new one (readers drop the twin), until it lands in the file that stays.
    for (let tries = 0; tries < 3; tries++) {
      const writtenTo = this.appendTo(text);
      const now = statSync(this.path, { bigint: true, throwIfNoEntry: false });
      if (!now || now.ino === writtenTo) {
        if (now && Number(now.size) > Math.max(this.options.compactAboveBytes ?? COMPACT_ABOVE_BYTES, 2 * this.compactedSize)) this.compact();
        return;
      }
    }
  }

  /** One O_APPEND write of the line; returns the inode it went to. */
  private appendTo(text: string): bigint {
    const fd = openSync(this.path, 'a+', 0o600);
    try {
      // A line torn by a crash is closed first, so it costs only itself, not this line as well.
      const size = fstatSync(fd).size;
      writeSync(fd, size > 0 && !endsWithNewline(fd, size) ? `\n${text}` : text);
      return fstatSync(fd, { bigint: true }).ino;
    } finally {
      closeSync(fd);
    }
  }

  /** The entries, brought up to date with the file: unchanged → as they are; grown → the new lines; replaced → read again. */
  private current(): JournalEntries {
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch {
      this.entries = new JournalEntries(this.options.limits);
      this.position = null;
      return this.entries;
    }
    try {
      this.readFrom(fd);
    } finally {
      closeSync(fd);
    }
    return this.entries;
  }

  private readFrom(fd: number): void {
    const stat = fstatSync(fd, { bigint: true });
    const at = this.position;
    if (at && at.ino === stat.ino && at.size === stat.size && at.mtimeNs === stat.mtimeNs) return;
    const grown = at !== null && at.ino === stat.ino && stat.size >= BigInt(at.offset);
    if (!grown) this.entries = new JournalEntries(this.options.limits);
    const { lines, end } = readLines(fd, grown ? at.offset : 0);
    for (const line of lines) this.entries.add(line);
    this.position = { ino: stat.ino, size: stat.size, mtimeNs: stat.mtimeNs, offset: end };
  }

  /** Rewrites the file with what the limits keep. Skipped when another process is compacting it right now. */
  private compact(): void {
    let release: () => void;
    try {
      release = lockfile.lockSync(this.path, { realpath: false, stale: 30_000 });
    } catch {
      return;
    }
    try {
      const old = openSync(this.path, 'r');
      try {
        this.readFrom(old);
        const { offset } = this.position!;
        writeFileAtomically(this.path, [Buffer.from(serialize(this.entries.lines()))]);
        // Lines appended to the old file while it was rewritten.
        const late = readLines(old, offset).lines;
        if (late.length > 0) appendFileSync(this.path, serialize(late), { mode: 0o600 });
      } finally {
        closeSync(old);
      }
      this.compactedSize = statSync(this.path).size;
      this.position = null;
    } catch {
      // Compaction is housekeeping: the next append above the limit tries again.
    } finally {
      release();
    }
  }
}

function serialize(lines: readonly JournalLine[]): string {
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

function endsWithNewline(fd: number, size: number): boolean {
  const last = Buffer.alloc(1);
  return readSync(fd, last, 0, 1, size - 1) === 1 && last[0] === 0x0a;
}

/** The complete lines from `from` to the end; `end` is just after the last newline. Lines that do not parse are skipped. */
function readLines(fd: number, from: number): { lines: JournalLine[]; end: number } {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(256 * 1024);
  for (let position = from; ; ) {
    const read = readSync(fd, buffer, 0, buffer.length, position);
    if (read === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, read)));
    position += read;
  }
  const data = Buffer.concat(chunks);
  const complete = data.lastIndexOf(0x0a) + 1;
  const lines = data
    .subarray(0, complete)
    .toString('utf8')
    .split('\n')
    .map(parseLine)
    .filter((line): line is JournalLine => line !== null);
  return { lines, end: from + complete };
}

function parseLine(text: string): JournalLine | null {
  if (!text.trim()) return null;
  try {
    const line = JSON.parse(text) as Partial<JournalLine> | null;
    const entry = line?.entry as { connectionId?: unknown } | undefined;
    const valid =
      typeof line?.id === 'string' &&
      (line.kind === 'event' || line.kind === 'trace' || line.kind === 'check') &&
      typeof entry === 'object' &&
      entry !== null &&
      (line.kind === 'trace' || typeof entry.connectionId === 'string');
    return valid ? (line as JournalLine) : null;
  } catch {
    return null;
  }
}
