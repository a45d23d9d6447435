import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The app's name as Electron uses it for its userData folder (productName in package.json). */
const APP_FOLDER = 'ConnectDesk';

/**
 * Where the desktop app keeps its data, so the tool opens the same store by default: Electron's
 * userData path (appData + product name) on each OS, unless CONNECTDESK_DATA_DIR says otherwise.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.CONNECTDESK_DATA_DIR) return resolve(env.CONNECTDESK_DATA_DIR);
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_FOLDER);
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
    default:
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER);
  }
}
