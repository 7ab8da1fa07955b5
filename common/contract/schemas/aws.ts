/**
 * The Connect AWS contract shapes. A connection is described by where its
 * credentials come from (a vault item id, a profile name, or the SDK's default
 * chain) and by who STS says they belong to; never by a key.
 */
import { z } from 'zod';

export const awsSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vault'), itemId: z.string().min(1).max(64) }).strict(),
  z.object({ kind: z.literal('profile'), profile: z.string().min(1).max(128) }).strict(),
  z.object({ kind: z.literal('default') }).strict(),
]);
export type AwsSource = z.infer<typeof awsSource>;

export const awsRegion = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/).max(32);

export const awsProfile = z.object({
  name: z.string().max(128),
  /** IAM Identity Center: needs `aws sso login --profile <name>` first. */
  isSso: z.boolean(),
  region: z.string().max(32).optional(),
});
export type AwsProfile = z.infer<typeof awsProfile>;
export const listProfilesResponse = z.object({ profiles: z.array(awsProfile) });

export const suggestRegionRequest = z.object({ language: z.enum(['ko', 'en']), source: awsSource.optional() }).strict();
export const suggestRegionResponse = z.object({ region: z.string().max(32) });

export const awsIdentity = z.object({
  accountId: z.string().max(12),
  arn: z.string().max(2048),
  isRoot: z.boolean(),
  principalKind: z.enum(['root', 'iam-user', 'assumed-role', 'federated', 'other']),
});
export type AwsIdentity = z.infer<typeof awsIdentity>;

export const connectRequest = z.object({ source: awsSource, region: awsRegion }).strict();
export const connectResponse = z.object({ source: awsSource, region: z.string().max(32), identity: awsIdentity });
export type AwsConnectResult = z.infer<typeof connectResponse>;

export const awsStatusResponse = z.object({
  /** True when this session holds a verified connection. */
  connected: z.boolean(),
  source: awsSource.optional(),
  region: z.string().max(32).optional(),
  /** The last verified identity (remembered in the setup state). */
  identity: z.object({ accountId: z.string().max(12), arn: z.string().max(2048), isRoot: z.boolean() }).optional(),
});
export type AwsStatus = z.infer<typeof awsStatusResponse>;
