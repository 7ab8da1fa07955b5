/**
 * The one composition root. Electron's main (main/index.ts) and the test host
 * (main/host/cli.ts, e2e/fixtures.ts) both call createServices; nothing else
 * constructs services. Each capability contributes the handlers of its own
 * channels (`HandlersFor<'vault'>` …); TypeScript refuses a missing one.
 */
import { appHandlers } from './app-handlers';
import type { Handlers } from './contract/types';
import { EventBus } from './ipc/event-bus';
import { createRouter, type Dispatch } from './ipc/router';
import type { Platform } from './platform';
import { settingsHandlers } from './settings/settings-handlers';
import { SettingsStore } from './settings/settings-store';
import { setupHandlers } from './setup/setup-handlers';
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
  void keychain; // the vault's (wired below once it lands)
  const { platform } = options;
  const log = options.log ?? ((message, error) => console.error(`[onramp] ${message}`, error instanceof Error ? error.message : ''));
  const events = new EventBus();
  const setup = new SetupStateStore(dataDir, (state) => events.emit('setup.changed', state));
  const settings = new SettingsStore(dataDir, (s) => events.emit('settings.changed', s));
  const disposers: (() => Promise<void> | void)[] = [];

  const handlers: Handlers = {
    ...appHandlers(platform),
    ...settingsHandlers(settings),
    ...setupHandlers(setup),
    // ...vaultHandlers(…)   (issue 3)
    // ...awsHandlers(…)     (issue 3)
    // ...sshHandlers(…)     (issue 4)
  };

  return {
    dispatch: createRouter(handlers, { onInternalError: (channel, error) => log(`handler ${channel} failed`, error) }),
    events,
    async dispose() {
      for (const dispose of disposers.reverse()) await dispose();
    },
  };
}
