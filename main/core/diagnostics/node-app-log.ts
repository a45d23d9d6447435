import nodeLog from 'electron-log/node';
import { redactingAppLog, type AppLog, type AppLogOptions } from './app-log.js';

let instances = 0;

/**
 * The AppLog outside Electron (browser shell, CLI, tests): its own electron-log/node logger (not
 * the shared default one, so two data directories in one process each get their own file).
 */
export function createNodeAppLog(options: AppLogOptions): AppLog {
  instances += 1;
  const logger = nodeLog.create({ logId: `connectdesk-${process.pid}-${instances}` });
  return redactingAppLog(logger, options);
}
