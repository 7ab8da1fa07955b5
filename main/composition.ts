/**
 * The one composition root. Electron's main (main/index.ts) and the test host
 * (main/host/cli.ts) both call createServices; nothing else constructs services.
 */
import { AppError } from './errors';
import { EventBus } from './ipc/event-bus';
import { createRouter, type Dispatch } from './ipc/router';
import type { Handlers } from './contract/types';
import type { Platform } from './platform';
import { isAllowedExternalUrl } from './security/external-links';
import { SettingsStore } from './settings/settings-store';
import { SetupStateStore } from './setup/state-store';
import type { Keychain } from './vault/keychain';

export interface ServiceOptions {
  platform: Platform;
  /** Logs unexpected failures (never request data or secrets). */
  log?: (message: string, error?: unknown) => void;
}

export interface Services {
  dispatch: Dispatch;
  events: EventBus;
  dispose(): Promise<void>;
}

export function createServices({ dataDir, keychain, options }: { dataDir: string; keychain: Keychain; options: ServiceOptions }): Services {
  void keychain; // used by the vault (issue 3)
  const { platform } = options;
  const log = options.log ?? ((message, error) => console.error(`[onramp] ${message}`, error instanceof Error ? error.message : ''));
  const events = new EventBus();
  const setup = new SetupStateStore(dataDir, (state) => events.emit('setup.changed', state));
  const settings = new SettingsStore(dataDir, (s) => events.emit('settings.changed', s));

  const handlers: Handlers = {
    'app.info': () => ({ name: 'Onramp', version: platform.version, platform: process.platform, shell: platform.shell }),
    'app.openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new AppError('contract.urlNotAllowed', 'That address is not on the allowlist', { url: url.slice(0, 200) });
      await platform.openLink(url);
      return { opened: true };
    },
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    'setup.getState': () => setup.get(),
    'setup.goTo': ({ page }) => setup.goTo(page),
    'setup.markStep': ({ step, done }) => setup.markStep(step, done),
  };

  return {
    dispatch: createRouter(handlers, { onInternalError: (channel, error) => log(`handler ${channel} failed`, error) }),
    events,
    async dispose() {},
  };
}
