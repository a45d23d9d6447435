import type { ReactNode } from 'react';
import type { BackupPreviewDto } from '../../../../preload/contract';
import { formatDateTime } from '../connections/relative-time';
import { describeAssetKind, describeScope } from './backup-words';

/** What a backup holds, as the import dialog shows it before anything changes. Never a secret: main sends none. */
export function BackupContents({ preview }: { preview: BackupPreviewDto }) {
  const folderName = new Map(preview.folders.map((f) => [f.id, f.name]));
  return (
    <div className="backup-contents">
      <dl className="facts">
        <dt>Made</dt>
        <dd>{formatDateTime(preview.createdAt)}</dd>
        <dt>By</dt>
        <dd>
          {preview.createdBy.app} {preview.createdBy.version}
        </dd>
        <dt>Holds</dt>
        <dd>{describeScope(preview.scope)}</dd>
      </dl>
      <ContentList title="Folders" count={preview.folders.length} empty="No folders.">
        {preview.folders.map((f) => (
          <li key={f.id}>
            <span className="user-text">{f.name}</span>
            {f.parentId && folderName.has(f.parentId) ? <span className="backup-item-meta">in {folderName.get(f.parentId)}</span> : null}
          </li>
        ))}
      </ContentList>
      <ContentList title="Connections" count={preview.connections.length} empty="No connections.">
        {preview.connections.map((c) => (
          <li key={c.id}>
            <span className="user-text">{c.name}</span>
            <span className="backup-item-meta">
              {c.siteName} · {hostOf(c.siteUrl)} · in {folderName.get(c.folderId) ?? 'a folder not in the backup'}
            </span>
          </li>
        ))}
      </ContentList>
      <ContentList title="Credential assets" count={preview.assets.length} empty="No credential assets.">
        {preview.assets.map((a) => (
          <li key={a.id}>
            <span className="user-text">{a.name}</span>
            <span className="backup-item-meta">{describeAssetKind(a.kind)}</span>
          </li>
        ))}
      </ContentList>
    </div>
  );
}

function ContentList({ title, count, empty, children }: { title: string; count: number; empty: string; children: ReactNode }) {
  return (
    <section className="backup-list-section" aria-label={`${title} in the backup`}>
      <h4 className="section-title">
        {title} <span className="backup-count">{count.toLocaleString()}</span>
      </h4>
      {count === 0 ? <p className="section-text">{empty}</p> : <ul className="backup-list">{children}</ul>}
    </section>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
