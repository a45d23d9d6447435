import type { ConnectionRecord, StoreDocument } from './store-schema.js';

/**
 * Writing one change to a store of 10,000 connections must cost about one write of the file, not
 * one JSON.stringify of 40 MB on top of it. Each connection's JSON is kept per record object, only
 * once the record is frozen (after the first write), so a change can only replace a record (which
 * drops its cached JSON), never edit one in place behind the cache's back.
 */
const recordJson = new WeakMap<ConnectionRecord, Buffer>();
const COMMA = Buffer.from(',');

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Freezes records so that changes must replace them; returns the same document. */
export function freezeRecords(doc: StoreDocument): StoreDocument {
  for (const record of doc.connections) deepFreeze(record);
  return doc;
}

export function freezeRecord(record: ConnectionRecord): ConnectionRecord {
  return deepFreeze(record);
}

/** The document's bytes (UTF-8 JSON) as a list of chunks, mostly cached per record: no 40 MB stringify, no copy. */
export function serializeStoreDocument(doc: StoreDocument): Buffer[] {
  const { connections, ...rest } = doc;
  const head = JSON.stringify(rest);
  // `rest` is never empty (schemaVersion is always there), so the head ends with "}".
  const parts: Buffer[] = [Buffer.from(`${head.slice(0, -1)},"connections":[`)];
  connections.forEach((record, index) => {
    let json = recordJson.get(record);
    if (json === undefined) {
      json = Buffer.from(JSON.stringify(record));
      if (Object.isFrozen(record)) recordJson.set(record, json);
    }
    if (index > 0) parts.push(COMMA);
    parts.push(json);
  });
  parts.push(Buffer.from(']}'));
  return parts;
}
