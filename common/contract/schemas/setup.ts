import { z } from 'zod';
import { appName, appPlan, appSource } from './deploy';
import { iamChoices, iamResources } from './iam';
import { pageIds, setupPaths, stepIds } from '../constants';
import { sshServer } from './ssh';
import { launchChoices } from './ec2';

export { stepIds };
export const stepId = z.enum(stepIds);
export type StepId = z.infer<typeof stepId>;

/** The path through the setup (common/contract/constants.ts); main/setup/setup-path.ts owns its default. */
export const setupPath = z.enum(setupPaths);
export type SetupPath = z.infer<typeof setupPath>;

/** Pages besides the steps. */
export const pageId = z.enum(pageIds);
export type PageId = z.infer<typeof pageId>;

/**
 * What setup.json remembers of an operation while it runs (main/setup/engine.ts).
 * One still listed after a restart was interrupted: run it again to continue.
 */
export const runningOperationRecord = z.object({
  opId: z.string().min(1).max(64),
  kind: z.string().max(96),
  step: stepId.optional(),
  startedAt: z.number(),
  /** The phase it had reached (an i18n key), so an interrupted one can say where it stopped. */
  phase: z.string().max(160).optional(),
  /** The steps whose checks, all passing, mean its work is complete (default: its own step). */
  finishedWhen: z.array(stepId).max(16).optional(),
  /** The process running it (main/setup/operation-journal.ts): another process refuses the kind while it lives. */
  owner: z.object({ pid: z.number().int(), host: z.string().max(255), instance: z.string().max(64) }).optional(),
});
export type RunningOperationRecord = z.infer<typeof runningOperationRecord>;

/**
 * What the setup remembers between runs: choices and resource ids, never a secret.
 * Versioned on disk (main/setup/state-store.ts); this is the shape the renderer sees.
 */
export const setupState = z.object({
  version: z.literal(1),
  setupId: z.string(),
  currentPage: pageId,
  /** The engine's cache of the last check() of each built step (the sidebar's marks at startup); never set by a handler. */
  completed: z.array(stepId),
  /** Operations running when this was written (see runningOperationRecord). */
  operations: z.array(runningOperationRecord).max(64).optional(),
  choices: z.object({
    /**
     * A new EC2 server, or a server the user already has. Chosen on the first
     * step and changeable in Settings; a file written before the path existed
     * gets one when read (main/setup/setup-path.ts).
     */
    path: setupPath.optional(),
    region: z.string().max(32).optional(),
    /** The Domain step's name, as punycode (common/dns/domain-name.ts). */
    domain: z.string().max(253).optional(),
    /** Domain step: also point www.<domain> at the server. */
    www: z.boolean().optional(),
    /** Domain step: the address typed in when neither an Elastic IP nor an IPv4 own server gives one. */
    domainTargetIp: z.string().max(15).optional(),
    awsSource: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('vault'), itemId: z.string().max(64) }),
        z.object({ kind: z.literal('profile'), profile: z.string().max(128) }),
        z.object({ kind: z.literal('default') }),
      ])
      .optional(),
    /** Who STS said the chosen credentials belong to (Connect AWS); never a key. */
    awsIdentity: z.object({ accountId: z.string().max(12), arn: z.string().max(2048), isRoot: z.boolean() }).optional(),
    /** Bring your own server (Settings): host, port, user and the vault SSH key's id. */
    ownServer: sshServer.optional(),
    /** What the user chose on Launch server, kept so a resumed launch continues with the same choices. */
    launch: launchChoices.optional(),
    /** Secure the account: the IAM user, group, policy preset and console access chosen. */
    iam: iamChoices.optional(),
    /** The Web server step's form as last applied; re-validated by schemas/server.ts wherever it is used. */
    webServer: z
      .object({
        domain: z.string().max(253),
        includeWww: z.boolean(),
        appPort: z.number().int(),
        staticDir: z.string().max(255).optional(),
        clientMaxBodySize: z.string().max(16),
        /** The user applied an edited config: the HTTPS step does not rewrite it. */
        edited: z.boolean().optional(),
        /** A static app (the App step): nginx serves this folder as the site's root instead of proxying to the port. */
        siteRoot: z.string().max(255).optional(),
      })
      .optional(),
    /** The App step: where the code comes from and the plan as last deployed (main/app). */
    app: z.object({ name: appName, source: appSource, plan: appPlan, timeZone: z.string().max(64).optional() }).optional(),
    /** The HTTPS step's choices as last run. The custom ACME CA is public certificates, never a key. */
    https: z
      .object({
        email: z.string().max(254).optional(),
        includeWww: z.boolean(),
        mode: z.enum(['production', 'staging', 'dry-run']),
        hstsIncludeSubDomains: z.boolean().optional(),
        acme: z.object({ directoryUrl: z.string().max(512), caPem: z.string().max(64 * 1024) }).optional(),
      })
      .optional(),
  }),
  resources: z.object({
    instanceId: z.string().max(64).optional(),
    allocationId: z.string().max(64).optional(),
    elasticIp: z.string().max(64).optional(),
    keyPairName: z.string().max(255).optional(),
    sshKeyItemId: z.string().max(64).optional(),
    securityGroupId: z.string().max(64).optional(),
    /** Secure the account: vault items made for the IAM user, and its MFA device. */
    consoleLoginItemId: z.string().max(64).optional(),
    iamAccessKeyItemId: z.string().max(64).optional(),
    mfaSerial: z.string().max(512).optional(),
    /** Secure the account: what the setup made in IAM (main/aws/iam/ledger.ts); teardown deletes only these. */
    iam: iamResources.optional(),
    /** The App step: the vault items of the app's settings and its deploy key, and the unit made on the server. */
    appSettingsItemId: z.string().max(64).optional(),
    deployKeyItemId: z.string().max(64).optional(),
    app: z.object({ unit: z.string().max(64), baseDir: z.string().max(128) }).optional(),
  }),
});
export type SetupState = z.infer<typeof setupState>;

export const goToPageRequest = z.object({ page: pageId }).strict();
export const choosePathRequest = z.object({ path: setupPath }).strict();
export const markStepRequest = z.object({ step: stepId, done: z.boolean() }).strict();
