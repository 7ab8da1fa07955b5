import type { HandlersFor } from '../../common/contract/types';
import type { SettingsStore } from './settings-store';

export function settingsHandlers(settings: SettingsStore): HandlersFor<'settings'> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  };
}
