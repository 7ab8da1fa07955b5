/**
 * The one composition root. Electron's main (main/index.ts) and the test host
 * (main/host/cli.ts, e2e/fixtures.ts) both call createServices; nothing else
 * constructs services. Each capability contributes the handlers of its own
 * channels (`HandlersFor<'vault'>` …); TypeScript refuses a missing one.
 */
import { appHandlers } from './app-handlers';
import { itemNamesIn, UiLanguageMirror } from './ui-language';
import type { Handlers } from '../common/contract/types';
import type { SetupState } from '../common/contract/schemas/setup';
import { EventBus } from './ipc/event-bus';
import { createRouter, type Dispatch } from './ipc/router';
import type { Platform } from './platform';
import { settingsHandlers } from './settings/settings-handlers';
import { SettingsStore } from './settings/settings-store';
import { setupHandlers } from './setup/setup-handlers';
import { SetupStateStore } from './setup/state-store';
import { SetupList } from './setup/setup-list';
import { setupsHandlers } from './setup/setups-handlers';
import type { RunnableOperation } from './setup/operation';
import { mergeHandlers, type Capability } from './setup/capability';
import { createAwsCapability } from './aws/aws-capability';
import { createDnsCapability } from './dns/dns-capability';
import { createVaultCapability } from './vault/vault-capability';
import type { StepDefinition } from './setup/step';
import { createStepEngine, operationHandlers, type StepEngine } from './setup/step-engine';
import type { Keychain } from './vault/keychain';
import { AwsConnection, type AwsClientsFactory } from './aws/aws-connection';
import { createSecureAccount } from './aws/secure-account';
import { redactSecrets } from './aws/redact-secrets';
import { VaultContext } from './vault/vault-context';
import { VaultService } from './vault/vault-service';
import { createEc2Capability } from './aws/ec2/ec2-capability';
import { createSshCapability } from './ssh/ssh-capability';
import type { DnsEnvironment } from './dns/check-domain';
import { DnsService } from './dns/dns-service';

import { UserFileGrants } from './files/user-file-grants';
import { createServerCapability } from './server/server-capability';
import { createAppCapability } from './app/app-capability';
import { appSettingsVault } from './app/app-settings-vault';
import { deployKeyVault } from './app/deploy-key-vault';
import { domainToServe } from './journey/derive';
import type { DomainCheck } from './server/domain-check';
import { reportDetail } from './dns/domain-step';
import { FailureLedger } from './server/failure-ledger';
import { JourneyService } from './journey/journey-service';
import { journeyHandlers } from './journey/journey-handlers';
import { forgetMissingItems } from './journey/vault-follower';

export interface ServiceOptions {
  platform: Platform;
  /** Logs unexpected failures (never request data or secrets). */
  log?: (message: string, error?: unknown) => void;
  /** DNS for the Domain step: tests point the public resolvers and the NS walk at a loopback server. */
  dns?: Partial<DnsEnvironment>;
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

/** The HTTPS preflight's DNS check, answered by the Domain step's checker (all problems, each with its fix). */
function dnsServiceDomainCheck(dns: DnsService): DomainCheck {
  return async ({ domain, expectedIpv4, signal }) => {
    const report = await dns.check({ domain, www: false, expectedIpv4 }, { signal });
    return { pass: report.pass, reasons: report.pass ? [] : report.problems.map((problem) => reportDetail({ ...report, pass: false, problems: [problem] })) };
  };
}

export interface Services {
  dispatch: Dispatch;
  events: EventBus;
  engine: StepEngine;
  /** Files the user chose (dialog, drop, the host's picker) as one-time tokens; the transports mint them. */
  files: UserFileGrants;
  /** The renderer reloaded or went away: drop what only it could use (its terminals). */
  rendererGone(): void;
  dispose(): Promise<void>;
}

export function createServices({ dataDir, keychain, options }: { dataDir: string; keychain: Keychain; options: ServiceOptions }): Services {
  const { platform } = options;
  const log = options.log ?? ((message, error) => console.error(`[onramp] ${message}`, error instanceof Error ? redactSecrets(error.message) : ''));
  const events = new EventBus();
  const setupWatchers: ((state: SetupState) => void)[] = [];
  const setup = new SetupStateStore(dataDir, (state) => {
    events.emit('setup.changed', state);
    for (const watcher of setupWatchers) watcher(state);
  });
  const settings = new SettingsStore(dataDir, (s) => events.emit('settings.changed', s));
  const disposers: (() => Promise<void> | void)[] = [];
  // Another process on the same data dir writes setup.json: this one follows (setup.changed, the journey model).
  void setup.watch().catch((error: unknown) => log('setup.json cannot be watched', error));
  disposers.push(() => setup.dispose());

  // The language the window shows: names of vault items made from now on follow it.
  const ui = new UiLanguageMirror();
  const files = new UserFileGrants();
  disposers.push(() => files.dispose());

  // --- vault + aws: one VaultService for every capability ---
  // The vault announces its own changes (vault.changed) and follows vault.json, which another
  // Onramp process on the same data dir may change. Capabilities get only the narrow SecretStore.
  const vault = new VaultService({ dataDir, keychain });
  const vaultContext = new VaultContext({ vault, platform, events, files, log, itemLanguage: () => ui.get() });
  const secrets = vaultContext.secrets;
  void vault.watch().catch((error: unknown) => log('the vault file cannot be watched', error));
  const vaultCapability = createVaultCapability(vaultContext);
  const aws = new AwsConnection({ getAccessKey: (itemId) => secrets.secretOf(itemId, 'aws-access-key') }, platform.version, options.awsClientsFactory);
  const awsCapability = createAwsCapability({ connection: aws, setup, secrets });

  // --- secure the account: IAM user, MFA, the user's own key ---
  const secureAccount = createSecureAccount({ connection: aws, setup, secrets, itemLanguage: () => ui.get() });

  // --- ssh: terminals with vault keys, known_hosts in the data dir, EC2 console host keys ---
  const ssh = createSshCapability({ dataDir, events, setup, keys: { secrets, platform, clipboard: vaultContext.clipboard }, aws });

  // --- ec2: launch server, static IP, teardown ---
  const ec2 = createEc2Capability({
    connection: aws,
    setup,
    vault: {
      add: (kind, secret, meta) => secrets.add(kind, secret, meta),
      remove: (id) => secrets.remove(id),
      find: (id) => secrets.find(id),
      keyPairItems: async (name, region) => {
        await vault.refresh(); // another Onramp process may have added (or retired) one
        return vault
          .list()
          .filter((m) => m.kind === 'ssh-key' && m.awsKeyPairName === name && m.region === region && !m.awsKeyPairGone)
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
          .map((m) => m.id);
      },
      markKeyPairGone: async (id) => void (await secrets.updateMeta(id, { awsKeyPairGone: new Date().toISOString() })),
    },
    ...(options.myIpUrl ? { myIpUrl: options.myIpUrl } : {}),
  });

  // --- dns: the Domain step's live check; also the HTTPS preflight ---
  const dns = new DnsService({
    ...(options.dns ? { environment: options.dns } : {}),
    userResolvers: async () => (await settings.get()).dnsResolvers,
    updateSetup: (change) => setup.update(change),
  });
  const dnsCapability = createDnsCapability(dns);

  // --- web server and HTTPS: remote steps over the same SSH manager; the preflight's DNS check is the Domain step's ---
  const server = createServerCapability({
    setup,
    ssh: ssh.manager,
    knownHosts: ssh.knownHosts,
    domainCheck: dnsServiceDomainCheck(dns),
    ledger: new FailureLedger(dataDir),
    securityGroups: ec2.securityGroups,
    events,
    log,
  });
  disposers.push(() => server.watch.dispose());

  // --- the App step: the user's code as a service behind nginx; settings and deploy key in the vault ---
  const appCapability = createAppCapability({
    setup,
    ssh: ssh.manager,
    knownHosts: ssh.knownHosts,
    settings: appSettingsVault(secrets, async () => (await setup.get()).setupId, async () => itemNamesIn(ui.get()).appSettings(domainToServe(await setup.get()) ?? '')),
    deployKeys: deployKeyVault(secrets, (repository) => itemNamesIn(ui.get()).deployKey(repository)),
    chooseFolder: () => platform.chooseFolder({ title: 'Onramp' }),
    log,
  });

  // --- every capability in one shape ({ steps, operations, handlers, dispose }), in the guided setup's order ---
  const capabilities = [vaultCapability, awsCapability, secureAccount, ec2, dnsCapability, ssh, server, appCapability] as const satisfies readonly Capability[];
  // Stopped in reverse: the last built first (the vault and the AWS connection last).
  for (const capability of capabilities) disposers.push(() => capability.dispose());

  // --- the step engine: every built step's check() and every long operation ---
  const operations: RunnableOperation[] = [...capabilities.flatMap((c) => c.operations), ...(options.operations ?? [])];
  const engine = createStepEngine({
    setup,
    events,
    steps: [...capabilities.flatMap((c) => c.steps), ...(options.steps ?? [])],
    operations,
    log,
  });
  const undoes = new Map(operations.map((operation) => [operation.kind, operation.affects?.undoes ?? []]));

  // --- more than one setup: setups.json lists them; the store holds the active one ---
  const setupList = new SetupList(dataDir, setup, {
    busy: async () => engine.operations.isBusy(),
    hasResources: async (file) => {
      const { resources } = await new SetupStateStore(dataDir, () => undefined, file).get();
      return [resources.instanceId, resources.allocationId, resources.elasticIp, resources.securityGroupId, resources.mfaSerial].some((id) => id !== undefined);
    },
    // Another setup: every step is checked again, and its AWS resources read.
    switched: () => {
      engine.operations.forgetFinished();
      engine.statuses.reconcileInBackground();
    },
    changed: () => journey.changed(),
  });
  const setupsReady = setupList
    .load()
    .then(() => setupList.watch())
    .catch((error: unknown) => log('the list of setups could not be read', error));
  disposers.push(() => setupList.dispose());
  setupWatchers.push((state) => engine.setupChanged(state));

  // --- the journey model: one versioned value of the whole setup, for every page ---
  const journey = new JourneyService({
    sources: {
      setup: () => setup.get(),
      steps: () => engine.statuses.all(),
      operations: () => engine.operations.list(),
      vaultItems: () => {
        try {
          return vault.list();
        } catch {
          return undefined; // locked or not set up: no item can be called missing
        }
      },
      awsResources: () => ec2.taggedResources(),
      undoesOf: (kind) => undoes.get(kind) ?? [],
      setups: () => setupList.list(),
      busy: () => engine.operations.isBusy(),
    },
    emit: (snapshot) => events.emit('journey.changed', snapshot),
    log,
  });
  setupWatchers.push((state) => journey.setupChanged(state));
  const modelEvents = new Set<string>(['setup.stepStatus', 'op.progress', 'op.finished', 'vault.changed', 'settings.changed']);
  disposers.push(events.subscribe((event) => modelEvents.has(event) && journey.changed()));
  // An operation that changes AWS resources has finished (not started): read them again.
  disposers.push(engine.onOperationFinished((_finished, affects) => affects.awsResources && void journey.readAwsResources()));
  disposers.push(() => journey.dispose());
  // Vault items follow their resources: an item gone from the vault is no longer pointed at by the setup.
  disposers.push(
    vault.onChange(() => {
      let present: Set<string>;
      try {
        present = new Set(vault.list().map((item) => item.id));
      } catch {
        return; // locked: nothing can be called missing
      }
      void forgetMissingItems(setup, present).catch((error: unknown) => log('could not update setup.json', error));
    }),
  );
  // A host key trusted in any terminal: the steps that need a pinned key (recheckOn) check again.
  disposers.push(ssh.knownHosts.onPinned(() => engine.statuses.signal('hostKeyPinned')));
  disposers.push(() => engine.dispose());

  const handlers: Handlers = {
    ...appHandlers(platform, ui),
    ...settingsHandlers(settings),
    ...setupHandlers(setup, engine.statuses),
    ...journeyHandlers({ journey, removeVaultItem: (id) => secrets.remove(id) }),
    ...setupsHandlers(setupList),
    ...operationHandlers(engine.operations),
    ...mergeHandlers(capabilities),
  };

  // A keychain-mode vault opens by itself (its key is in the OS keychain), so after a restart the
  // steps' checks can read the credentials they need; then every built step is checked once.
  const opened = vault.open().catch((error: unknown) => log('the vault did not open at start', error));
  if (options.reconcileOnStart !== false) {
    void Promise.all([opened, setupsReady]).then(() => {
      engine.statuses.reconcileInBackground();
      void journey.readAwsResources();
      // The certificate and site watch: in the background at every start (bounded; never holds start-up).
      void server.watch.recheck();
    });
  }

  return {
    engine,
    dispatch: createRouter(handlers, { onInternalError: (channel, error) => log(`handler ${channel} failed`, error), onCause: (channel, code, cause) => log(`handler ${channel} failed: ${code}`, cause) }),
    events,
    files,
    rendererGone: () => ssh.manager.closeAllShells(),
    async dispose() {
      for (const dispose of disposers.reverse()) await dispose();
    },
  };
}
