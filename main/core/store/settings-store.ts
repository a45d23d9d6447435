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
}

/** Settings through conf, for everything that runs without Electron. */
export function openConfSettings(directory: string, defaultEnvironmentId: EnvironmentId): SettingsStore {
  return new SettingsStore(new Conf({ cwd: directory, projectName: 'connectdesk', ...SETTINGS_FILE_OPTIONS }), defaultEnvironmentId);
}
