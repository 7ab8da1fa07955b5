/**
 * The journey model: one setup as main knows it, in one value. Main builds it
 * (main/journey/) from setup.json, the step checks, the operations, the vault
 * and the AWS resources as last reconciled; every fact a page shows comes from
 * here, and facts worked out from the choices (the names the site answers to,
 * the server to reach, the form defaults) are worked out once, in main, and
 * sent in `derived`. The renderer keeps one store of it (renderer/journey/).
 *
 * `journey.snapshot` returns `{ epoch, revision, model }`; every change is the
 * event `journey.changed` with the same shape and the next revision. A page
 * subscribes first, then fetches the snapshot, and keeps the higher revision
 * of the same epoch (a new epoch is a new main process: take it).
 */
import { z } from 'zod';
import { contractErrorSchema } from '../result';
import { taggedResourcesResponse } from './ec2';
import { messageRef, opSnapshot, stepStatus } from './operations';
import { setupState } from './setup';
import { setupsView } from './setups';

/** The two ways to a site: a server launched in AWS, or a server the user already has. */
export const journeyPath = z.enum(['aws', 'own-server']);
export type JourneyPath = z.infer<typeof journeyPath>;

/** A server the steps can reach over SSH. `ref` is how ssh.open names it; no key material, only the vault item id. */
export const serverTarget = z.object({
  ref: z.enum(['setup', 'ownServer']),
  host: z.string().max(255),
  port: z.number().int(),
  user: z.string().max(64),
  keyId: z.string().max(64),
  /** `user@host` or `user@host:port`, as every page shows the server. */
  label: z.string().max(330),
  /** The EC2 instance behind it, for the setup's server. */
  instanceId: z.string().max(64).optional(),
});
export type ServerTarget = z.infer<typeof serverTarget>;

/** The site as the Web server step serves it: the domain and the names nginx and the certificate answer to. */
export const siteFacts = z.object({
  domain: z.string().max(253),
  www: z.boolean(),
  /** The domain, and www.<domain> when chosen (one rule: main/journey/derive.ts#serverNames). */
  names: z.array(z.string().max(253)).max(2),
});

export const derivedFacts = z.object({
  path: journeyPath,
  region: z.string().max(32).optional(),
  /** The Domain step's saved name and the names it must point at the server. */
  domain: siteFacts.optional(),
  /** The domain the Web server and HTTPS steps serve (the Web server form's, else the Domain step's). */
  site: siteFacts.optional(),
  /** The IPv4 address the domain must point at, and where it comes from (common/dns/target.ts). */
  dnsTarget: z.object({ ip: z.string().max(15), source: z.enum(['elasticIp', 'ownServer', 'typed']) }).optional(),
  /** The names the certificate covers. */
  certificateNames: z.array(z.string().max(253)).max(2),
  /** Every server the setup knows of; `server` is the one the steps work on. */
  servers: z.array(serverTarget).max(2),
  server: serverTarget.optional(),
  /** The Web server form as last applied, with the defaults filled in. */
  webServerForm: z.object({
    domain: z.string().max(253),
    includeWww: z.boolean(),
    appPort: z.number().int(),
    staticDir: z.string().max(255),
    clientMaxBodySize: z.string().max(16),
    /** A static app's release folder nginx serves as the site (set by the App step). */
    siteRoot: z.string().max(255).optional(),
  }),
  /** The HTTPS form as last run, with the defaults filled in (the www choice follows the site's). */
  httpsForm: z.object({
    email: z.string().max(254),
    includeWww: z.boolean(),
    hstsIncludeSubDomains: z.boolean(),
    mode: z.enum(['production', 'staging', 'dry-run']),
    acme: z.object({ directoryUrl: z.string().max(512), caPem: z.string().max(64 * 1024) }).optional(),
  }),
});
export type DerivedFacts = z.infer<typeof derivedFacts>;

/** What AWS holds for this setup (found by its tag), as last read. */
export const awsResourcesView = z.object({
  state: z.enum(['unknown', 'reading', 'read', 'error']),
  found: taggedResourcesResponse.optional(),
  error: contractErrorSchema.optional(),
  readAt: z.number().optional(),
});
export type AwsResourcesView = z.infer<typeof awsResourcesView>;

/**
 * The setup's EC2 server as the pages show it: from AWS as last read (by tag),
 * or from the ids the setup recorded while AWS has not been read yet.
 */
export const serverResources = z.object({
  from: z.enum(['aws', 'recorded']),
  instanceId: z.string().max(64).optional(),
  instanceState: z.string().max(32).optional(),
  instanceType: z.string().max(32).optional(),
  elasticIp: z.string().max(64).optional(),
  allocationId: z.string().max(64).optional(),
  /** The Elastic IP is associated with the instance. */
  attached: z.boolean(),
});
export type ServerResources = z.infer<typeof serverResources>;

/** A vault item the setup made or uses, and what it belongs to; `gone` when that thing no longer exists. */
export const setupVaultItem = z.object({
  itemId: z.string().max(64),
  /** The item's label in the vault (empty when it is not there or the vault is locked). */
  label: z.string().max(200),
  role: z.enum(['server-key', 'own-server-key', 'console-login', 'iam-access-key', 'aws-source', 'app-settings']),
  /** What it belongs to: a key pair name, an IAM user name, a server. */
  belongsTo: z.string().max(255),
  /** The item is not (or no longer) in the vault. */
  missing: z.boolean(),
  /** What it belongs to is gone: offered for deletion. */
  gone: z.boolean(),
});
export type SetupVaultItem = z.infer<typeof setupVaultItem>;

/** Something the setup should tell the user plainly (a dead key it pointed at, a source that must change). */
export const journeyNotice = z.object({ code: z.string().max(96), message: messageRef });

export const journeyModel = z.object({
  setupId: z.string(),
  /** The setup as saved (choices, recorded resource ids, the current page); nothing secret. */
  setup: setupState,
  derived: derivedFacts,
  resources: z.object({ aws: awsResourcesView, server: serverResources.optional() }),
  vaultItems: z.array(setupVaultItem).max(32),
  /** Every built step's status (the same as setup.steps). */
  steps: z.array(stepStatus),
  /** Running operations, the last finished one per kind, those a restart interrupted (the same as op.list). */
  operations: z.array(opSnapshot),
  /**
   * Finished operations whose result no longer describes the world: a later
   * operation changed the same steps (a teardown after a launch, a user
   * deletion after its creation). Pages stop showing those results.
   */
  staleOperations: z.array(z.string().max(64)).max(64),
  notices: z.array(journeyNotice).max(16),
  /** Every setup of this data dir and the active one (the one this model is of). */
  setups: setupsView,
});
export type JourneyModel = z.infer<typeof journeyModel>;

export const journeySnapshot = z.object({
  /** One per main process: a page seeing a new epoch takes the model whatever its revision. */
  epoch: z.string().max(64),
  revision: z.number().int().nonnegative(),
  model: journeyModel,
});
export type JourneySnapshot = z.infer<typeof journeySnapshot>;

export const journeyRefreshRequest = z.object({}).strict();
/** Deletes from the vault every item of the setup whose resource is gone (the model's vaultItems with gone: true). */
export const deleteGoneItemsResponse = z.object({ removed: z.number().int().nonnegative() });
