import type { InvokeChannel, RequestOf, ResponseOf } from '../../preload/contract.js';
import { getAppInfo, getSettings, openSandboxHelp, setEnvironment } from './handlers/app-handlers.js';
import { createAsset, deleteAsset, listAssets, updateAsset } from './handlers/asset-handlers.js';
import { discardBackupPreview, exportBackupFile, importBackupFile, previewBackupFile } from './handlers/backup-handlers.js';
import { beginAuthorization, cancelAuthorization, chooseSite, getCreationContext, listConnections, listConnectors } from './handlers/connection-handlers.js';
import {
  checkConnection,
  checkFolder,
  deleteConnection,
  makeDefaultConnection,
  moveConnection,
  updateConnection,
} from './handlers/connection-maintenance-handlers.js';
import { exportSupportBundle, getDiagnostics } from './handlers/diagnostics-handlers.js';
import { createFolder, deleteFolder, listFolders, moveFolder, renameFolder } from './handlers/folder-handlers.js';
import { getSecurityStatus, removeRecoveryPassphrase, setRecoveryPassphrase, unlockVault } from './handlers/security-handlers.js';
import type { IpcContext } from './ipc-context.js';

export type Handler<C extends InvokeChannel> = (ctx: IpcContext, request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type HandlerRegistry = { [C in InvokeChannel]: Handler<C> };

/** One registration line per handler. Electron's ipcMain and the browser shell both serve this table. */
export const handlerRegistry: HandlerRegistry = {
  'app:get-info': getAppInfo,
  'settings:get': getSettings,
  'settings:set-environment': setEnvironment,
  'sandbox:open-help': openSandboxHelp,
  'folders:list': listFolders,
  'folders:create': createFolder,
  'connectors:list': listConnectors,
  'connections:creation-context': getCreationContext,
  'connections:list': listConnections,
  'connections:begin-authorization': beginAuthorization,
  'connections:cancel-authorization': cancelAuthorization,
  'connections:choose-site': chooseSite,
  'connections:check': checkConnection,
  'folders:rename': renameFolder,
  'folders:move': moveFolder,
  'folders:delete': deleteFolder,
  'connections:update': updateConnection,
  'connections:make-default': makeDefaultConnection,
  'connections:move': moveConnection,
  'connections:delete': deleteConnection,
  'connections:check-folder': checkFolder,
  'assets:list': listAssets,
  'assets:create': createAsset,
  'assets:update': updateAsset,
  'assets:delete': deleteAsset,
  'security:get-status': getSecurityStatus,
  'security:unlock': unlockVault,
  'security:set-recovery-passphrase': setRecoveryPassphrase,
  'security:remove-recovery-passphrase': removeRecoveryPassphrase,
  'backup:export': exportBackupFile,
  'backup:preview': previewBackupFile,
  'backup:import': importBackupFile,
  'backup:discard': discardBackupPreview,
  'diagnostics:get': getDiagnostics,
  'diagnostics:export-bundle': exportSupportBundle,
};
