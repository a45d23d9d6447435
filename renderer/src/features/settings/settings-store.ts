import { create } from 'zustand';
import type { AppInfoDto, ErrorInfoDto, SettingsDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';

type EnvironmentId = SettingsDto['environmentId'];

interface SettingsState {
  settings: SettingsDto | null;
  appInfo: AppInfoDto | null;
  error: ErrorInfoDto | null;
  load: () => Promise<void>;
  /** Switches the environment; throws a UiError the dialog shows. */
  setEnvironment: (environmentId: EnvironmentId) => Promise<void>;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  appInfo: null,
  error: null,
  async load() {
    try {
      const [settings, appInfo] = await Promise.all([
        invoke('settings:get', {}),
        invoke('app:get-info', {}).catch(() => null),
      ]);
      set({ settings, appInfo, error: null });
    } catch (error) {
      set({ error: toErrorInfo(error) });
    }
  },
  async setEnvironment(environmentId) {
    const settings = await invoke('settings:set-environment', { environmentId });
    set({ settings, error: null });
  },
}));

export function currentEnvironment(settings: SettingsDto | null) {
  return settings?.environments.find((e) => e.id === settings.environmentId) ?? null;
}
