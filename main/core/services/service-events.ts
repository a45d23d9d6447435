import type { ErrorInfo } from '../errors/app-error.js';
import type { Site } from '../atlassian/accessible-resources.js';
import type { ConnectionSummary } from './connection-summary.js';

export type AuthPhase =
  | 'starting'
  | 'waiting-for-sign-in'
  | 'exchanging-code'
  | 'finding-sites'
  | 'choosing-site'
  | 'saving'
  | 'connected'
  | 'failed'
  | 'cancelled';

export interface AuthProgress {
  attemptId: string;
  draftId: string;
  phase: AuthPhase;
  sites?: Site[];
  previousSite?: Site;
  connection?: ConnectionSummary;
  error?: ErrorInfo;
}

/** Events the use cases push to whoever shows them (the renderer, the CLI). */
export type ServiceEvent =
  | { type: 'auth:progress'; payload: AuthProgress }
  | { type: 'connections:changed'; payload: { folderId: string | null } };
