import type { ConnectionSummaryDto, FolderDto } from '../../preload/contract';

/** The in-memory state behind the fake bridge, as the folder and connection handlers see it. */
export interface FakeStore {
  folders: FolderDto[];
  connections: ConnectionSummaryDto[];
  nextId(prefix: string): string;
  /** Tells the renderer, as main does with connections:changed. */
  changed(folderId: string | null): void;
}
