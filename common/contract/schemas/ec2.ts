/** The launch-server, static-IP and teardown shapes (main/aws/ec2). Nothing here is secret. */
import { z } from 'zod';
import { contractErrorSchema } from '../result';
import { awsSource } from './aws';
import { accountPlan } from './billing';
import { UBUNTU_CHOICES } from '../constants';

export const awsRegion = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/).max(32);
export const instanceTypeName = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/).max(32);
/** AWS key pair names: up to 255 ASCII characters; Onramp keeps to a safe subset. */
export const keyPairName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/);
const ipv4 = z.string().regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/);

export const launchChoices = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/),
    ubuntu: z.enum(UBUNTU_CHOICES),
    instanceType: instanceTypeName,
    keyPair: z.object({ name: keyPairName, type: z.enum(['rsa', 'ed25519']), format: z.enum(['pem', 'ppk']) }).strict(),
    /** SSH (22) from the user's IPv4 only (the default), or from anywhere (with a warning). */
    ssh: z.discriminatedUnion('from', [z.object({ from: z.literal('myIp'), ip: ipv4 }).strict(), z.object({ from: z.literal('anywhere') }).strict()]),
    volumeGiB: z.number().int().min(8).max(1024),
  })
  .strict();
export type LaunchChoices = z.infer<typeof launchChoices>;

/** Whether the security group lets SSH in from the user's current IPv4, and from which sources it does. */
export const sshAccessResponse = z.object({ ip: z.string().max(15), allowed: z.boolean(), sources: z.array(z.string().max(64)).max(64) });
/** Changes the SSH source: the chosen one is allowed, every other source of port 22 revoked (both listed back). */
export const setSshSourceRequest = z.object({ ssh: launchChoices.shape.ssh }).strict();
export const setSshSourceResponse = z.object({ allowed: z.string().max(64), revoked: z.array(z.string().max(64)).max(64) });

export const launchResult = z.object({
  instanceId: z.string().max(64),
  imageId: z.string().max(64),
  keyPairName: z.string().max(255),
  securityGroupId: z.string().max(64),
  allocationId: z.string().max(64),
  elasticIp: z.string().max(64),
  /** SSH sources revoked because they were not the chosen one (the page says so). */
  sshRevoked: z.array(z.string().max(64)).max(64).optional(),
});
export const staticIpResult = z.object({ allocationId: z.string().max(64), publicIp: z.string().max(64) });

const usd = z.number().nonnegative();
/** A type's prices in a region from the dated table; absent = "no estimate" for that pair. */
export const typePrice = z.object({ hourlyUsd: usd, gp3UsdPerGiBMonth: usd, priceDate: z.string().max(16) });
/** A month (730 h) of the setup: instances, gp3 volumes, public IPv4 addresses; `complete` is false when a part had no price. */
export const monthlyTotal = z.object({ instanceUsd: usd, volumeUsd: usd, publicIpv4Usd: usd, totalUsd: usd, complete: z.boolean(), priceDate: z.string().max(16) });

export const regionsResponse = z.object({
  regions: z.array(z.object({ region: z.string().max(32), optIn: z.string().max(32), usable: z.boolean() })),
  /** True when AWS listed them (DescribeRegions); false for main's catalog, before there are credentials. */
  live: z.boolean(),
});
export const instanceTypesRequest = z.object({ region: awsRegion }).strict();
export const instanceTypesResponse = z.object({
  types: z.array(
    z.object({
      instanceType: z.string().max(32),
      vcpus: z.number(),
      memoryMiB: z.number(),
      architecture: z.enum(['x86_64', 'arm64']),
      freeTierEligible: z.boolean(),
      price: typePrice.optional(),
    }),
  ),
  /** The account's plan: on the Free plan only its eligible types are listed. */
  plan: accountPlan,
});
/** Key pairs in the region whose private key is in the vault (reusable); nothing secret. */
export const keyPairsResponse = z.object({ keyPairs: z.array(z.object({ keyName: z.string().max(255), keyType: z.string().max(16) })) });
export const myIpResponse = z.object({ ip: z.string().max(15) });

export const taggedResourcesResponse = z.object({
  region: z.string().max(32),
  instances: z.array(z.object({ instanceId: z.string(), state: z.string(), instanceType: z.string().optional(), monthlyUsd: usd.optional() })),
  volumes: z.array(z.object({ volumeId: z.string(), sizeGiB: z.number(), volumeType: z.string().optional(), monthlyUsd: usd.optional() })),
  addresses: z.array(z.object({ allocationId: z.string(), publicIp: z.string(), associated: z.boolean() })),
  securityGroups: z.array(z.object({ groupId: z.string(), name: z.string().optional() })),
  keyPairs: z.array(z.object({ keyName: z.string(), inVault: z.boolean() })),
  /** Instances + gp3 volumes + $0.005 × 730 per public IPv4 address. */
  monthly: monthlyTotal,
  plan: accountPlan,
  /** On the Free plan: how many months the credits last at `monthly.totalUsd`. */
  creditMonths: z.number().nonnegative().optional(),
});
export type TaggedResources = z.infer<typeof taggedResourcesResponse>;

export const ingressRule = z.object({
  ruleId: z.string().max(64),
  port: z.number().int(),
  cidr: z.string().max(64),
});
export const rulesResponse = z.object({ groupId: z.string().max(64), rules: z.array(ingressRule) });
export const addRuleRequest = z
  .object({
    port: z.number().int().min(1).max(65535),
    cidr: z.union([
      z.string().regex(/^(\d{1,3}\.){3}\d{1,3}\/(3[0-2]|[12]?\d)$/),
      z.string().regex(/^[0-9a-fA-F:]+\/(12[0-8]|1[01]\d|[1-9]?\d)$/),
    ]),
  })
  .strict();
export const removeRuleRequest = z.object({ ruleId: z.string().regex(/^sgr-[0-9a-f]{8,17}$/) }).strict();

export const teardownInput = z
  .object({
    deleteVaultKey: z.boolean(),
    /** Also delete the setup's cost-guard budget (kept unless asked). */
    deleteBudget: z.boolean().default(false),
  })
  .strict();
export const teardownResult = z.object({
  removed: z.object({ addresses: z.number(), instances: z.number(), securityGroups: z.number(), keyPairs: z.number(), vaultKeys: z.number(), budgets: z.number().default(0) }),
  failures: z.array(z.object({ part: z.enum(['elasticIp', 'instance', 'securityGroup', 'keyPair', 'budget']), id: z.string().max(256), code: z.string().max(128), error: contractErrorSchema.optional() })),
});

/**
 * Deleting the setup's IAM user needs the credentials that created it (the
 * user's own least-privilege key cannot): a vault access key or a profile.
 */
export const deleteIamUserInput = z.object({ source: awsSource }).strict();
export const deleteIamUserResult = z.object({
  userName: z.string().max(64),
  userDeleted: z.boolean(),
  groupDeleted: z.boolean(),
  /** The group was kept because this many other users are in it. */
  groupKeptFor: z.number().int().optional(),
  /** The app ran as the deleted user: its AWS source is now the credentials that deleted it (that made it). */
  sourceRestored: z.boolean().optional(),
  /** The group was kept because this setup did not create it; the user was only removed from it. */
  groupNotOurs: z.boolean().optional(),
  failures: z.array(z.object({ part: z.enum(['loginProfile', 'mfa', 'accessKeys', 'groups', 'user', 'group']), id: z.string().max(256), code: z.string().max(128), error: contractErrorSchema.optional() })),
});

export const done = z.object({ done: z.literal(true) });
