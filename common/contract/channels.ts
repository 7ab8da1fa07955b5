/**
 * THE contract: every invoke channel and every event between the renderer and
 * main is declared here and nowhere else. Main's router, the preload bridge,
 * the test host and the renderer's types all derive from these two maps.
 *
 * Requests are parsed (strictly) at the boundary; responses and event payloads
 * are parsed too, which strips any field a schema does not name, so a secret
 * can't ride along by accident.
 */
import { z } from 'zod';
import { appInfo, empty, openExternalRequest, settings, settingsPatch, uiLanguageMessage } from './schemas/app';
import { choosePathRequest, goToPageRequest, markStepRequest, setupState } from './schemas/setup';
import * as op from './schemas/operations';
import { opStartRequest } from './operations';
import * as aws from './schemas/aws';
import * as vault from './schemas/vault';
import * as ssh from './schemas/ssh';
import * as ec2 from './schemas/ec2';
import { budgetStatusResponse } from './schemas/billing';
import * as dns from './schemas/dns';
import * as iam from './schemas/iam';
import * as server from './schemas/server';
import * as deploy from './schemas/deploy';
import * as journey from './schemas/journey';
import * as setups from './schemas/setups';

interface InvokeSpec {
  request: z.ZodType;
  response: z.ZodType;
}

function invoke<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response } satisfies InvokeSpec;
}

export const invokes = {
  'app.info': invoke(empty, appInfo),
  'app.openExternal': invoke(openExternalRequest, z.object({ opened: z.boolean() })),
  /** The window tells main the language it shows, so what main names (vault items) reads the same. */
  'app.uiLanguage': invoke(uiLanguageMessage, uiLanguageMessage),

  'settings.get': invoke(empty, settings),
  'settings.update': invoke(settingsPatch, settings),

  'setup.getState': invoke(empty, setupState),
  'setup.goTo': invoke(goToPageRequest, setupState),
  /** A new EC2 server or a server the user already has; the steps that do not apply become skipped. */
  'setup.choosePath': invoke(choosePathRequest, setupState),
  /** Only for steps not built yet (no check()); a built step is done when its check passes. */
  'setup.markStep': invoke(markStepRequest, setupState),
  'setup.steps': invoke(empty, op.stepsStatusResponse),
  'setup.reconcile': invoke(op.reconcileRequest, op.stepsStatusResponse),

  // --- the journey model (main/journey/): one versioned snapshot; every change is `journey.changed` ---
  'journey.snapshot': invoke(empty, journey.journeySnapshot),
  /** Reads the setup's AWS resources again (by tag) and answers with the model once that read ended. */
  'journey.refresh': invoke(journey.journeyRefreshRequest, journey.journeySnapshot),
  // --- more than one setup (main/setup/setup-list.ts): the journey model shows the list and the active one ---
  'setups.list': invoke(empty, setups.setupsView),
  'setups.create': invoke(setups.createSetupRequest, setups.setupsView),
  'setups.rename': invoke(setups.renameSetupRequest, setups.setupsView),
  'setups.switch': invoke(setups.setupIdRequest, setups.setupsView),
  /** Refused for the active setup and for one with AWS resources left (setups.hasResources: tear down first). */
  'setups.delete': invoke(setups.setupIdRequest, setups.setupsView),
  /** Deletes from the vault the setup's items whose resource is gone (one click on Done). */
  'journey.deleteGoneItems': invoke(empty, journey.deleteGoneItemsResponse),

  // --- operations (the step engine, main/setup/engine.ts): kinds in ./operations.ts ---
  'op.start': invoke(opStartRequest, op.opStartResponse),
  'op.cancel': invoke(op.opCancelRequest, op.opCancelResponse),
  'op.list': invoke(empty, op.opListResponse),

  // --- vault: schemas in ./schemas/vault.ts ---
  'vault.status': invoke(empty, vault.vaultStatus),
  'vault.initKeychain': invoke(empty, vault.vaultStatus),
  'vault.initPassphrase': invoke(vault.initPassphraseRequest, vault.vaultStatus),
  'vault.unlock': invoke(vault.unlockRequest, vault.vaultStatus),
  'vault.lock': invoke(empty, vault.vaultStatus),
  'vault.reset': invoke(empty, vault.resetResponse),
  'vault.list': invoke(empty, vault.vaultItems),
  'vault.import': invoke(vault.importRequest, vault.importResponse),
  'vault.addAccessKey': invoke(vault.addAccessKeyRequest, vault.vaultItemResponse),
  'vault.rename': invoke(vault.renameRequest, vault.vaultItemResponse),
  'vault.setServerHost': invoke(vault.setServerHostRequest, vault.vaultItemResponse),
  'vault.remove': invoke(vault.itemRequest, vault.removeResponse),
  'vault.export': invoke(vault.exportRequest, vault.exportResponse),
  'vault.exportRaw': invoke(vault.exportRawRequest, vault.exportResponse),
  'vault.copySecret': invoke(vault.itemRequest, vault.copySecretResponse),
  // --- aws: schemas in ./schemas/aws.ts ---
  'aws.listProfiles': invoke(empty, aws.listProfilesResponse),
  'aws.suggestRegion': invoke(aws.suggestRegionRequest, aws.suggestRegionResponse),
  'aws.connect': invoke(aws.connectRequest, aws.connectResponse),
  'aws.status': invoke(empty, aws.awsStatusResponse),
  // --- ssh: schemas in ./schemas/ssh.ts ---
  'ssh.open': invoke(ssh.openRequest, ssh.openResponse),
  'ssh.write': invoke(ssh.writeRequest, ssh.done),
  'ssh.resize': invoke(ssh.resizeRequest, ssh.done),
  'ssh.ack': invoke(ssh.ackRequest, ssh.done),
  'ssh.close': invoke(ssh.sessionRequest, ssh.done),
  'ssh.reconnect': invoke(ssh.sessionRequest, ssh.done),
  'ssh.answerHostKey': invoke(ssh.answerHostKeyRequest, ssh.done),
  'ssh.forgetHost': invoke(ssh.forgetHostRequest, ssh.forgetHostResponse),
  'ssh.runInTerminal': invoke(ssh.runInTerminalRequest, ssh.runInTerminalResponse),
  'ssh.copyCommand': invoke(ssh.copyCommandRequest, ssh.copyCommandResponse),
  'ssh.setOwnServer': invoke(ssh.setOwnServerRequest, setupState),
  // --- ec2: schemas in ./schemas/ec2.ts (launch, static IP and teardown run as operations) ---
  'ec2.regions': invoke(empty, ec2.regionsResponse),
  'ec2.instanceTypes': invoke(ec2.instanceTypesRequest, ec2.instanceTypesResponse),
  'ec2.myIp': invoke(empty, ec2.myIpResponse),
  'ec2.keyPairs': invoke(empty, ec2.keyPairsResponse),
  'ec2.resources': invoke(empty, ec2.taggedResourcesResponse),
  /** The setup's cost-guard budget (AWS Budgets), or null. */
  'ec2.budget': invoke(empty, budgetStatusResponse),
  'ec2.rules': invoke(empty, ec2.rulesResponse),
  'ec2.addRule': invoke(ec2.addRuleRequest, ec2.done),
  'ec2.removeRule': invoke(ec2.removeRuleRequest, ec2.done),
  'ec2.sshAccess': invoke(empty, ec2.sshAccessResponse),
  'ec2.setSshSource': invoke(ec2.setSshSourceRequest, ec2.setSshSourceResponse),
  // --- dns: schemas in ./schemas/dns.ts ---
  'dns.saveDomain': invoke(dns.saveDomainRequest, setupState),
  'dns.settings': invoke(empty, dns.dnsSettings),
  // --- iam: schemas in ./schemas/iam.ts ---
  'iam.rootMfaStatus': invoke(empty, iam.rootMfaStatusResponse),
  'iam.mfaBegin': invoke(empty, iam.mfaBeginResponse),
  'iam.mfaRevealKey': invoke(iam.mfaEnrollmentRequest, iam.mfaRevealKeyResponse),
  'iam.mfaEnable': invoke(iam.mfaEnableRequest, iam.mfaEnableResponse),
  'iam.mfaCancel': invoke(iam.mfaEnrollmentRequest, iam.mfaCancelResponse),
  'iam.cloudShellScript': invoke(iam.cloudShellScriptRequest, iam.cloudShellScriptResponse),
  // --- web server and HTTPS: schemas in ./schemas/server.ts; the long work is operations ---
  'server.previewSite': invoke(server.webServerForm, server.previewSiteResponse),
  /** The certificate and site watch: the last report, and a re-check that resolves with the new one. */
  'server.watch': invoke(empty, server.siteWatchState),
  'server.watchRecheck': invoke(empty, server.siteWatchState),
  /** Done on the own-server path: what Onramp put on the server and how to undo each part. */
  'server.onServer': invoke(empty, server.onServerResponse),
  // --- the App step: schemas in ./schemas/deploy.ts; the long work is operations (app.*) ---
  /** The app on the server now: the unit's state, the running release, the releases kept, the journal when it fails. */
  'deploy.status': invoke(empty, deploy.appStatus),
  'deploy.previewUnit': invoke(deploy.previewUnitRequest, deploy.previewUnitResponse),
  /** The app's settings: names, and values only for those that are not secret. */
  'deploy.settings': invoke(empty, deploy.appSettingsView),
  /** The deploy key for a private repository (made into the vault on first ask) and where its public half goes. */
  'deploy.deployKey': invoke(deploy.deployKeyRequest, deploy.deployKeyView),
  /** "Choose folder…": the native dialog (Electron) or the test host's queue. */
  'deploy.chooseFolder': invoke(empty, z.object({ path: deploy.localFolder.optional() })),
  /** The command the Logs action types into the terminal. */
  'deploy.logsCommand': invoke(empty, deploy.logsCommandResponse),
} as const;

export const events = {
  'setup.changed': setupState,
  'settings.changed': settings,
  'setup.stepStatus': op.stepStatus,
  /** The journey model's next revision (the whole model: a page keeps the highest revision of an epoch). */
  'journey.changed': journey.journeySnapshot,
  'op.progress': op.opProgress,
  'op.finished': op.opFinished,

  // --- vault events ---
  'vault.changed': vault.vaultChanged,
  // --- ssh events ---
  'ssh.data': ssh.dataEvent,
  'ssh.closed': ssh.closedEvent,
  'ssh.hostKeyPrompt': ssh.hostKeyPromptEvent,
  'ssh.hostKeyPromptCancelled': ssh.hostKeyPromptCancelledEvent,
  // --- server events ---
  /** The certificate and site watch started or finished a check (the sidebar and Done show its verdict). */
  'server.watchChanged': server.siteWatchState,
} as const;

export type Invokes = typeof invokes;
export type InvokeChannel = keyof Invokes;
export type EventName = keyof typeof events;

export const invokeChannels = Object.keys(invokes) as InvokeChannel[];
export const eventNames = Object.keys(events) as EventName[];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(invokes, value);
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value);
}
