/**
 * The one composition root. Electron's main (main/index.ts) and the test host
 * (main/host/cli.ts, e2e/fixtures.ts) both call createServices; nothing else
 * constructs services. Each capability contributes the handlers of its own
 * channels (`HandlersFor<'vault'>` …); TypeScript refuses a missing one.
 */
import { appHandlers } from './app-handlers';
import { UiLanguageMirror } from './ui-language';
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
import { createSecureAccount } from './aws/secure-account';
import { awsHandlers } from './aws/aws-handlers';
import { VaultContext } from './vault/vault-context';
import { vaultHandlers } from './vault/vault-handlers';
import { VaultService } from './vault/vault-service';
import { createEc2Capability } from './aws/ec2/ec2-capability';
import { createSshCapability } from './ssh/ssh-capability';
import type { DnsEnvironment } from './dns/check-domain';
import { dnsHandlers } from './dns/dns-handlers';
import { DnsService } from './dns/dns-service';
import { domainStep } from './dns/domain-step';
import { domainCheckOperation } from './dns/domain-operation';

import { UserFileGrants } from './files/user-file-grants';
import { createServerCapability } from './server/server-capability';
import type { DomainCheck } from './server/domain-check';
import { reportDetail } from './dns/domain-step';
import { FailureLedger } from './server/failure-ledger';

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
  const log = options.log ?? ((message, error) => console.error(`[onramp] ${message}`, error instanceof Error ? error.message : ''));
  const events = new EventBus();
  const setupWatchers: ((state: SetupState) => void)[] = [];
  const setup = new SetupStateStore(dataDir, (state) => {
    events.emit('setup.changed', state);
    for (const watcher of setupWatchers) watcher(state);
  });
  const settings = new SettingsStore(dataDir, (s) => events.emit('settings.changed', s));
  const disposers: (() => Promise<void> | void)[] = [];

  // The language the window shows: names of vault items made from now on follow it.
  const ui = new UiLanguageMirror();
  const files = new UserFileGrants();
  disposers.push(() => files.dispose());

  // --- vault + aws: one VaultService for every capability ---
  // The vault announces its own changes (vault.changed) and follows vault.json, which another
  // Onramp process on the same data dir may change. Capabilities get only the narrow SecretStore.
  const vault = new VaultService({ dataDir, keychain });
  const vaultContext = new VaultContext({ vault, platform, events, setup, files, log, itemLanguage: () => ui.get() });
  const secrets = vaultContext.secrets;
  void vault.watch().catch((error: unknown) => log('the vault file cannot be watched', error));
  const aws = new AwsConnection({ getAccessKey: (itemId) => secrets.secretOf(itemId, 'aws-access-key') }, platform.version, options.awsClientsFactory);
  disposers.push(() => vault.dispose(), () => vaultContext.dispose(), () => aws.dispose());

  // --- secure the account: IAM user, MFA, the user's own key ---
  const secureAccount = createSecureAccount({ connection: aws, setup, secrets, itemLanguage: () => ui.get() });
  disposers.push(() => secureAccount.dispose());

  // --- ssh: terminals with vault keys, known_hosts in the data dir, EC2 console host keys ---
  const ssh = createSshCapability({ dataDir, events, setup, keys: { secrets, platform, clipboard: vaultContext.clipboard }, aws });
  disposers.push(() => ssh.dispose());

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

  // --- the step engine: every built step's check() and every long operation ---
  const engine = createStepEngine({
    setup,
    events,
    steps: [connectAwsStep(aws), secureAccount.step, ...ec2.steps, ...ssh.steps, domainStep(dns), ...server.steps, ...(options.steps ?? [])],
    operations: [connectAwsVerifyOperation(aws, setup), ...secureAccount.operations, ...ec2.operations, domainCheckOperation(dns), ...server.operations, ...(options.operations ?? [])],
    log,
  });
  setupWatchers.push((state) => engine.setupChanged(state));
  // A host key trusted in any terminal: the steps that need a pinned key (recheckOn) check again.
  disposers.push(ssh.knownHosts.onPinned(() => engine.statuses.signal('hostKeyPinned')));
  disposers.push(() => engine.dispose());

  const handlers: Handlers = {
    ...appHandlers(platform, ui),
    ...settingsHandlers(settings),
    ...setupHandlers(setup, engine.statuses),
    ...operationHandlers(engine.operations),
    ...vaultHandlers(vaultContext),
    ...awsHandlers({ connection: aws, setup, secrets }),
    ...ssh.handlers,
    ...ec2.handlers,
    ...dnsHandlers(dns),
    ...secureAccount.handlers,
    ...server.handlers,
  };

  // A keychain-mode vault opens by itself (its key is in the OS keychain), so after a restart the
  // steps' checks can read the credentials they need; then every built step is checked once.
  const opened = vault.open().catch((error: unknown) => log('the vault did not open at start', error));
  if (options.reconcileOnStart !== false) void opened.then(() => engine.statuses.reconcileInBackground());
  // The certificate and site watch: in the background at every start (bounded; never holds start-up).
  if (options.reconcileOnStart !== false) void opened.then(() => server.watch.recheck());

  return {
    engine,
    dispatch: createRouter(handlers, { onInternalError: (channel, error) => log(`handler ${channel} failed`, error) }),
    events,
    files,
    rendererGone: () => ssh.manager.closeAllShells(),
    async dispose() {
      for (const dispose of disposers.reverse()) await dispose();
    },
  };
}
