/**
 * A support bundle: one JSON document support staff can read to see why connections fail — app,
 * runtime and OS facts, how secrets are protected, settings without secrets, connection metadata,
 * event history, HTTP traces, last checks and recent log lines. Secrets appear only as keyed
 * fingerprints. Before it is returned, the text is scanned for every secret ConnectDesk knows and
 * for token-shaped values: any finding stops the export with SUPPORT_BUNDLE_LEAK (where, what kind —
 * never the value).
 */
import { release, type } from 'node:os';
import { fileNameSlug, localDate } from '../backup/backup-file-name.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { subtreeIds } from '../services/folder-management.js';
import { nowOf, type ServiceContext } from '../services/service-context.js';
import { connectionRecord, type ConnectionRecord, type StoreDocument } from '../store/store-schema.js';
import type { SecretVault } from '../vault/secret-vault.js';
import { readRecentLogLines } from './app-log.js';
import { assetEntry, connectionEntry, environmentEntries } from './bundle-entries.js';
import { bundleDiagnostics } from './bundle-journal.js';
import { Redactor } from './redaction.js';
import { describeFinding, findSecrets } from './secret-scanner.js';
import { rememberStoreSecrets } from './store-secrets.js';

export const SUPPORT_BUNDLE_FORMAT = 'connectdesk-support-bundle';
export const SUPPORT_BUNDLE_FORMAT_VERSION = 1;
/** How many of the newest log lines a bundle carries. */
export const BUNDLE_LOG_LINES = 1000;

export type BundleScope = { kind: 'all' } | { kind: 'folder'; folderId: string } | { kind: 'connection'; connectionId: string };

/** Facts about the process the composition root knows (Electron's versions only in the app). */
export interface BundleHost {
  appVersion: string;
  electron?: string;
  chrome?: string;
  node: string;
  /** "Linux 6.8.0", "Darwin 24.1.0", "Windows_NT 10.0.22631". */
  os: string;
  platform: string;
  arch: string;
  /** How secrets are protected here (safeStorage backend, development key, …), in words. */
  secretProtection: string;
  /** Where the store and the logs live. */
  dataDir: string;
}

export interface SupportBundle {
  fileName: string;
  /** Pretty-printed JSON. */
  text: string;
  summary: { connections: number; events: number; traces: number; logLines: number };
}

/**
 * Builds and checks a bundle. The redactor (ctx.redactor, or a fresh one) first learns every
 * secret of the store (unsealed in memory); every string of the bundle then passes it once more,
 * and the leak scan looks for those secrets, the ones it learned from traffic, and token shapes.
 * A locked vault still gives a bundle (no fingerprints then, and the scan covers what this process
 * learned and the token shapes): a locked store is when support needs one most.
 */
export async function buildSupportBundle(ctx: ServiceContext, scope: BundleScope, host: BundleHost): Promise<SupportBundle> {
  const now = nowOf(ctx);
  const redactor = ctx.redactor ?? new Redactor();
  const vault = openVaultOrNull(ctx);
  const storeSecrets = rememberStoreSecrets(ctx.store, vault, redactor);
  const doc = ctx.store.snapshot();
  const selection = select(doc, scope);

  const environments = await environmentEntries(ctx, environmentIds(ctx, scope, selection.connections), redactor);
  const connections = await Promise.all(selection.connections.map((stored) => connectionPart(ctx, stored, vault, redactor, now)));
  const logLines = readRecentLogLines(host.dataDir, BUNDLE_LOG_LINES);
  const notes = [
    ...(vault === null ? ['The secret store was locked: secrets are shown without fingerprints.'] : []),
    ...(ctx.journal ? [] : ['This process keeps no diagnostics journal: events, traces and checks are empty.']),
  ];

  const bundle = {
    format: SUPPORT_BUNDLE_FORMAT,
    formatVersion: SUPPORT_BUNDLE_FORMAT_VERSION,
    createdAt: now.toISOString(),
    scope: { ...scope, ...selection.scopeName },
    app: { name: 'ConnectDesk', version: host.appVersion },
    runtime: { electron: host.electron ?? null, chrome: host.chrome ?? null, node: host.node, os: host.os, platform: host.platform, arch: host.arch },
    secretProtection: { description: host.secretProtection, locked: vault === null },
    settings: { environmentId: ctx.settings.environmentId() },
    environments: environments.entries,
    folders: selection.folders.map(({ id, name, parentId }) => ({ id, name, parentId })),
    assets: selection.assets.map((asset) => assetEntry(asset, vault, redactor)),
    connections,
    logs: { file: 'logs/main.log', lines: logLines },
    notes,
  };
  const text = JSON.stringify(redactStrings(bundle, redactor), null, 2);
  assertNoSecrets(text, [...storeSecrets, ...environments.secrets, ...redactor.knownSecrets()]);
  const journal = connections.map((c) => c.diagnostics);
  return {
    fileName: `connectdesk-support-${selection.fileNamePart}-${localDate(now)}.json`,
    text,
    summary: {
      connections: connections.length,
      events: journal.reduce((n, d) => n + d.events.length, 0),
      traces: journal.reduce((n, d) => n + d.traces.length, 0),
      logLines: logLines.length,
    },
  };
}

/** The facts of this process: Node, OS and architecture, and Electron's and Chromium's versions when it runs in Electron. */
export function thisProcessHost(facts: Pick<BundleHost, 'appVersion' | 'secretProtection' | 'dataDir'>): BundleHost {
  const { electron, chrome, node } = process.versions;
  return { ...facts, ...(electron ? { electron } : {}), ...(chrome ? { chrome } : {}), node, os: `${type()} ${release()}`, platform: process.platform, arch: process.arch };
}

/** A support bundle of this process (the app's IPC handler, the CLI's `bundle` verb): buildSupportBundle with thisProcessHost. */
export function bundle(ctx: ServiceContext, scope: BundleScope, facts: Pick<BundleHost, 'appVersion' | 'secretProtection' | 'dataDir'>): Promise<SupportBundle> {
  return buildSupportBundle(ctx, scope, thisProcessHost(facts));
}

/** SUPPORT_BUNDLE_LEAK naming where each finding is and what kind (never its value). */
export function assertNoSecrets(text: string, known: Iterable<string>): void {
  const findings = findSecrets(text, known);
  if (findings.length === 0) return;
  const shown = findings.slice(0, 5).map(describeFinding);
  const more = findings.length > shown.length ? `; and ${findings.length - shown.length} more` : '';
  throw new AppError('SUPPORT_BUNDLE_LEAK', { detail: `Found ${shown.join('; ')}${more}.` });
}

function openVaultOrNull(ctx: ServiceContext): SecretVault | null {
  try {
    return ctx.vault;
  } catch (error) {
    if (isAppError(error) && error.code === 'VAULT_LOCKED') return null;
    throw error;
  }
}

interface Selection {
  folders: StoreDocument['folders'];
  assets: StoreDocument['assets'];
  connections: StoreDocument['connections'];
  scopeName: { folderName?: string; connectionName?: string };
  fileNamePart: string;
}

function select(doc: StoreDocument, scope: BundleScope): Selection {
  if (scope.kind === 'all') return { folders: doc.folders, assets: doc.assets, connections: doc.connections, scopeName: {}, fileNamePart: 'all' };
  if (scope.kind === 'connection') {
    const connection = doc.connections.find((c) => c.id === scope.connectionId);
    if (!connection) throw new AppError('NOT_FOUND', { message: 'That connection no longer exists.', remediation: 'Refresh the list and choose another connection.' });
    const asset = connection.clientSecretAssetId ? doc.assets.filter((a) => a.id === connection.clientSecretAssetId) : [];
    return {
      folders: doc.folders.filter((f) => f.id === connection.folderId),
      assets: asset,
      connections: [connection],
      scopeName: { connectionName: connection.name },
      fileNamePart: fileNameSlug(connection.name, 'connection'),
    };
  }
  const root = doc.folders.find((f) => f.id === scope.folderId);
  if (!root) throw new AppError('NOT_FOUND', { message: 'That folder no longer exists.', remediation: 'Refresh the list and choose another folder.' });
  const ids = subtreeIds(doc, scope.folderId);
  return {
    folders: doc.folders.filter((f) => ids.has(f.id)),
    assets: doc.assets.filter((a) => ids.has(a.folderId)),
    connections: doc.connections.filter((c) => ids.has(c.folderId)),
    scopeName: { folderName: root.name },
    fileNamePart: fileNameSlug(root.name),
  };
}

function environmentIds(ctx: ServiceContext, scope: BundleScope, connections: readonly ConnectionRecord[]): Array<ConnectionRecord['environmentId']> {
  const ids = connections.map((c) => c.environmentId);
  return scope.kind === 'all' ? [ctx.settings.environmentId(), ...ids] : ids;
}

/** One connection's metadata and diagnostics; a damaged record is reported as such, the rest still bundled. */
async function connectionPart(ctx: ServiceContext, stored: ConnectionRecord, vault: SecretVault | null, redactor: Redactor, now: Date) {
  const diagnostics = await bundleDiagnostics(ctx, stored.id);
  const valid = connectionRecord.safeParse(stored);
  if (!valid.success) {
    return { id: stored.id, name: stored.name, damaged: new AppError('STORE_DAMAGED', { detail: 'this connection record is incomplete' }).toInfo(), diagnostics };
  }
  return { ...connectionEntry(valid.data, ctx, vault, redactor, now), diagnostics };
}

/** Every string (keys too) through redactor.text(): what the journal and log recorded is redacted again with all the redactor knows now. */
function redactStrings(value: unknown, redactor: Redactor): unknown {
  if (typeof value === 'string') return redactor.text(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redactor));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [redactor.text(key), redactStrings(inner, redactor)]));
  }
  return value;
}
