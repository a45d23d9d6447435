import { BackupService } from '../backup/backup-service.js';
import { AuthorizationCoordinator } from './authorization-coordinator.js';
import { ConnectionApi } from './connection-api.js';
import { ConnectionChecker } from './connection-check.js';
import { RefreshCoordinator } from './refresh-coordinator.js';
import type { ServiceContext } from './service-context.js';

/** The long-lived use-case objects of one process, built once by a composition root. */
export interface ConnectionServices {
  coordinator: AuthorizationCoordinator;
  refresher: RefreshCoordinator;
  api: ConnectionApi;
  checker: ConnectionChecker;
  backups: BackupService;
}

export function createConnectionServices(ctx: ServiceContext): ConnectionServices {
  const refresher = new RefreshCoordinator(ctx);
  const api = new ConnectionApi(ctx, refresher);
  return { coordinator: new AuthorizationCoordinator(ctx), refresher, api, checker: new ConnectionChecker(ctx, api, refresher), backups: new BackupService(ctx) };
}
