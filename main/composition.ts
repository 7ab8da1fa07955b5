/**
 * The one composition root. Electron's main (main/index.ts) and the test host
 * (main/host/cli.ts, e2e/fixtures.ts) both call createServices; nothing else
 * constructs services. Each capability contributes the handlers of its own
 * channels (`HandlersFor<'vault'>` …); TypeScript refuses a missing one.
 */
import { appHandlers } from './app-handlers';
import type { Handlers } from '../common/contract/types';
import type { SetupState } from '../common/contract/schemas/setup';
import { EventBus } from './ipc/event-bus';
import { createRouter, type Dispatch } from './ipc/router';
import type { Platform } from './platform';
import { settingsHandlers } from './settings/settings-handlers';
import { SettingsStore } from './settings/settings-store';
import { setupHandlers } from './setup/setup-handlers';
import { SetupStateStore } from './setup/state-store';
import type { RunnableOperation } from './setup/operation';
import type { StepDefinition } from './setup/step';
import { createStepEngine, operationHandlers, type StepEngine } from './setup/step-engine';
import { connectAwsStep, connectAwsVerifyOperation } from './aws/connect-aws-step';
import type { Keychain } from './vault/keychain';
import { AwsConnection, type AwsClientsFactory } from './aws/aws-connection';
import { createSecureAccount } from './setup/steps/secure-account';
import type { SecretStore } from './vault/secret-store';
import { awsHandlers } from './aws/aws-handlers';
import { VaultContext } from './vault/vault-context';
import { vaultHandlers } from './vault/vault-handlers';
import { VaultService, type AddArgs } from './vault/vault-service';
import { createEc2Capability } from './aws/ec2/ec2-capability';
import { createSshCapability } from './ssh/ssh-capability';

export interface ServiceOptions {
  platform: Platform;
  /** Logs unexpected failures (never request data or secrets). */
  log?: (message: string, error?: unknown) => void;
  /** Makes AWS clients; the real factory (createAwsClients) unless a test passes its own (e2e/aws-mock). */
  awsClientsFactory?: AwsClientsFactory;
  /** More steps and operations for the engine, besides those the capabilities contribute. */
  steps?: readonly StepDefinition[];
  operations?: readonly RunnableOperation[];
  /** The HTTPS "what is my IP" service for "SSH from my IP" (default: checkip.amazonaws.com). */
  myIpUrl?: string;
  /** Check every built step in the background once the services exist (default true). */
  reconcileOnStart?: boolean;
}

/** The narrow SecretStore over the vault, announcing each change (until the vault exports its own). */
function secretStoreOver(vaultContext: VaultContext): SecretStore {
  const { vault } = vaultContext;
  return {
    secretOf: (id, kind) => vault.getSecretOf(id, kind),
    add: async (kind, secret, meta) => {
      const added = await vault.addMany([{ kind, secret, meta } as Parameters<VaultService['addMany']>[0][number]]);
      await vaultContext.notify();
      const [first] = added;
      if (!first) throw new Error('the vault added nothing');
      return first;
    },
    remove: async (id) => {
      if (!vault.list().some((item) => item.id === id)) return;
      await vault.remove(id);
      await vaultContext.notify();
    },
    find: (id) => vault.list().find((item) => item.id === id),
  };
}

export interface Services {
  dispatch: Dispatch;
  events: EventBus;
  engine: StepEngine;
  /** The renderer reloaded or went away: drop what only it could use (its terminals). */
  rendererGone(): void;
  dispose(): Promise<void>;
}

export function createServices({ dataDir, keychain, options }: { dataDir: string; keychain: Keychain; options: ServiceOptions }): Services {
  const { platform } = options;
  const log = options.log ?? ((message, error) => console.error(`[onramp] ${message}`, error instanceof Error ? error.message : ''));
  const events = new EventBus();
  const setupWatchers: ((state: SetupState) => void)[] = [];
  const setup = new SetupStateStore(dataDir, (state) => {
    events.emit('setup.changed', state);
    for (const watcher of setupWatchers) watcher(state);
  });
  const settings = new SettingsStore(dataDir, (s) => events.emit('settings.changed', s));
  const disposers: (() => Promise<void> | void)[] = [];

  // --- vault + aws (issue 3): one VaultService for every capability ---
  const vault = new VaultService({ dataDir, keychain });
  const vaultContext = new VaultContext({ vault, platform, events, setup, log });
  const aws = new AwsConnection({ getAccessKey: (itemId) => vault.getSecretOf(itemId, 'aws-access-key') }, platform.version, options.awsClientsFactory);
  disposers.push(() => vaultContext.dispose(), () => aws.dispose());

  // --- secure the account (issue 11): IAM user, MFA, the user's own key ---
  const secureAccount = createSecureAccount({ connection: aws, setup, secrets: secretStoreOver(vaultContext) });
  disposers.push(() => secureAccount.dispose());

  // --- ssh (issue 4): terminals with vault keys, known_hosts in the data dir, EC2 console host keys ---
  const ssh = createSshCapability({ dataDir, events, setup, vault: vaultContext, aws });
  disposers.push(() => ssh.dispose());

  // --- ec2: launch server, static IP, teardown ---
  const ec2 = createEc2Capability({
    connection: aws,
    setup,
    vault: {
      add: async (kind, secret, meta) => {
        const item = await vault.add(...([kind, secret, meta] as AddArgs));
        await vaultContext.notify();
        return item;
      },
      remove: async (id) => {
        await vault.remove(id);
        await vaultContext.notify();
      },
      findKeyPair: (name, region) =>
        vault.list().find((m) => m.kind === 'ssh-key' && m.awsKeyPairName === name && m.region === region)?.id,
    },
    ...(options.myIpUrl ? { myIpUrl: options.myIpUrl } : {}),
  });

  // --- the step engine: every built step's check() and every long operation ---
  const engine = createStepEngine({
    setup,
    events,
    steps: [connectAwsStep(aws), secureAccount.step, ...ec2.steps, ...ssh.steps, ...(options.steps ?? [])],
    operations: [connectAwsVerifyOperation(aws, setup), ...secureAccount.operations, ...ec2.operations, ...(options.operations ?? [])],
    log,
  });
  setupWatchers.push((state) => engine.setupChanged(state));
  disposers.push(() => engine.dispose());

  const handlers: Handlers = {
    ...appHandlers(platform),
    ...settingsHandlers(settings),
    ...setupHandlers(setup, engine.statuses),
    ...operationHandlers(engine.operations),
    ...vaultHandlers(vaultContext), // (issue 3)
    ...awsHandlers({ connection: aws, setup, vault: vaultContext }), // (issue 3)
    ...ssh.handlers, // (issue 4)
    ...ec2.handlers,
    ...secureAccount.handlers, // (issue 11)
  };

  if (options.reconcileOnStart !== false) engine.statuses.reconcileInBackground();

  return {
    engine,
    dispatch: createRouter(handlers, { onInternalError: (channel, error) => log(`handler ${channel} failed`, error) }),
    events,
    rendererGone: () => ssh.manager.closeAllShells(),
    async dispose() {
      for (const dispose of disposers.reverse()) await dispose();
    },
  };
}
