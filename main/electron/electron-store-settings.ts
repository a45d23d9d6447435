import Store from 'electron-store';
import { SETTINGS_FILE_OPTIONS, SettingsStore, type EnvironmentId } from '../core/store/settings-store.js';

/** The app's settings through electron-store: the same file and options as conf elsewhere. */
export function openElectronStoreSettings(directory: string, defaultEnvironmentId: EnvironmentId): SettingsStore {
  const { configName, ...options } = SETTINGS_FILE_OPTIONS;
  return new SettingsStore(new Store({ name: configName, cwd: directory, ...options }), defaultEnvironmentId);
}
