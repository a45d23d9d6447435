/**
 * Another process appending to the same diagnostics journal (the CLI next to the app).
 * Usage: node --import tsx test/support/journal-writer.ts <dataDir> <writer> <count> <compactAboveBytes>
 * Appends <count> events to connection "shared" with detail "<writer>-<n>", and a trace per event.
 */
import { FileDiagnosticsJournal } from '../../main/core/diagnostics/diagnostics-journal.js';
import { journalEvent, journalTrace } from './journal-fixtures.js';

const [dataDir, writer, count, compactAboveBytes] = process.argv.slice(2) as [string, string, string, string];
const journal = new FileDiagnosticsJournal(dataDir, {
  compactAboveBytes: Number(compactAboveBytes),
  limits: { eventsPerConnection: 100_000, tracesPerConnection: 40, attempts: 20, tracesPerAttempt: 50, unscopedTraces: 50 },
});
for (let n = 0; n < Number(count); n++) {
  journal.recordEvent(journalEvent('shared', `${writer}-${n}`));
  journal.recordTrace(journalTrace('shared', `${writer}-${n}`));
}
