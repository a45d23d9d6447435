import { randomBytes } from 'node:crypto';
import Conf from 'conf';

export type EnvironmentId = 'atlassian-cloud' | 'sandbox';

/** The part of conf / electron-store the settings need (electron-store extends conf). */
export interface KeyValueFile {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Options shared by conf (CLI, shell, tests) and electron-store (app): the same file, read the same way. */
export const SETTINGS_FILE_OPTIONS = {
  configName: 'connectdesk-settings',
  configFileMode: 0o600,
  // A damaged file is reported, never silently replaced by defaults.
  clearInvalidConfig: false,
} as const;

/** App settings the user changes in Settings (which environment); kept in electron-store. */
export class SettingsStore {
  constructor(
    private readonly file: KeyValueFile,
    private readonly defaultEnvironmentId: EnvironmentId,
  ) {}

  environmentId(): EnvironmentId {
    const value = this.file.get('environmentId');
    return value === 'sandbox' || value === 'atlassian-cloud' ? value : this.defaultEnvironmentId;
  }

  setEnvironmentId(environmentId: EnvironmentId): void {
    this.file.set('environmentId', environmentId);
  }

  /**
   * The app and the shell save the environment of their first run (CONNECTDESK_ENVIRONMENT), so
   * the CLI on the same data folder, which reads this file, works in the same one.
   */
  saveFirstRunEnvironment(): void {
    if (this.file.get('environmentId') === undefined) this.setEnvironmentId(this.defaultEnvironmentId);
  }

  /**
   * The key of the diagnostics fingerprints (Redactor): random, made on first use and kept in this
   * owner-only file, so the app, the shell and the CLI on one store fingerprint a secret alike
   * and two support bundles can be compared. It reveals no secret; bundles never include it.
   */
  diagnosticsFingerprintKey(): Buffer {
    const stored = this.file.get('diagnosticsFingerprintKey');
    if (typeof stored === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(stored)) return Buffer.from(stored, 'base64');
    const key = randomBytes(32);
    this.file.set('diagnosticsFingerprintKey', key.toString('base64'));
    return key;
  }
}

/** Settings through conf, for everything that runs without Electron. */
export function openConfSettings(directory: string, defaultEnvironmentId: EnvironmentId): SettingsStore {
  return new SettingsStore(new Conf({ cwd: directory, projectName: 'connectdesk', ...SETTINGS_FILE_OPTIONS }), defaultEnvironmentId);
}
