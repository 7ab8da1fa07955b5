/**
 * The Secure the account contract shapes: root MFA status, the IAM
 * user with its group and console password, virtual MFA for that user, the
 * user's own access key, and the CloudShell command block. Never a secret,
 * with two deliberate, display-only exceptions documented in
 * main/aws/iam/README.md: the MFA QR image and the revealed Base32 key.
 */
import { z } from 'zod';
import { contractErrorSchema } from '../result';

/** IAM user names: [\w+=,.@-], 1..64. Group names: the same, 1..128. */
export const iamUserName = z.string().regex(/^[\w+=,.@-]{1,64}$/);
export const iamGroupName = z.string().regex(/^[\w+=,.@-]{1,128}$/);
export const policyPreset = z.enum(['ec2', 'ec2-full', 'ec2-route53', 'admin']);
export type PolicyPreset = z.infer<typeof policyPreset>;

/** What the user chose on the page, remembered in the setup (choices.iam). */
export const iamChoices = z.object({
  userName: iamUserName,
  groupName: iamGroupName,
  preset: policyPreset,
  consoleAccess: z.boolean(),
});
export type IamChoices = z.infer<typeof iamChoices>;

const awsId = z.string().max(2048);
/**
 * What the setup made in IAM, kept in setup.json (resources.iam). IAM groups
 * carry no tags, so "made by this setup" is known only from this record.
 * Intents (`pending*`) are written before a create call, so a rerun after a
 * crash finds and cleans what the call left. Ids only, never a secret.
 */
export const iamResources = z.object({
  /** The group this setup created (CreateGroup answered), or is about to create (`pendingGroup`, with the time). */
  groupCreated: iamGroupName.optional(),
  pendingGroup: z.object({ name: iamGroupName, at: z.number() }).optional(),
  /** The user this setup created (it also carries the onramp:setup tag). */
  userCreated: iamUserName.optional(),
  loginProfileCreated: z.boolean().optional(),
  /** Set before the console password is made, cleared once it is in the vault: a rerun resets a password a crash lost. */
  loginProfilePending: z.boolean().optional(),
  /** Virtual MFA devices this setup created for its user (serial ARNs). */
  mfaSerials: z.array(awsId).max(8).optional(),
  /** Access keys this setup created for its user; `pendingAccessKey` lists the keys that existed just before a CreateAccessKey. */
  accessKeyIds: z.array(z.string().max(128)).max(8).optional(),
  pendingAccessKey: z.object({ before: z.array(z.string().max(128)).max(8) }).optional(),
  /** Managed policies this setup attached to the group, and inline group policies it wrote. */
  attachedPolicyArns: z.array(awsId).max(16).optional(),
  inlinePolicyNames: z.array(z.string().max(128)).max(16).optional(),
  /** The vault item of the temporary root key still to delete after the switch (a rerun as the IAM user finishes it). */
  rootKeyToDelete: z.string().max(64).optional(),
  /** The cost guard's budgets (made by the cost-guard step; listed here so teardown finds them). */
  budgetNames: z.array(z.string().max(100)).max(8).optional(),
});
export type IamResources = z.infer<typeof iamResources>;

export const rootMfaStatusResponse = z.object({
  state: z.enum(['enabled', 'disabled', 'unknown']),
  /** Why the state is unknown (iam.accessDenied naming iam:GetAccountSummary). */
  error: contractErrorSchema.optional(),
});

export const mfaBeginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('already-enabled'), serialNumber: z.string().max(512) }),
  z.object({
    status: z.literal('pending'),
    enrollmentId: z.uuid(),
    serialNumber: z.string().max(512),
    deviceName: z.string().max(226),
    /** data:image/png;base64,… — encodes the seed: shown, never stored. */
    qrDataUrl: z.string().startsWith('data:image/png;base64,').max(200_000),
  }),
]);
export const mfaEnrollmentRequest = z.object({ enrollmentId: z.uuid() }).strict();
export const mfaRevealKeyResponse = z.object({ key: z.string().regex(/^[A-Z2-7=]{16,128}$/) });
const mfaCode = z.string().regex(/^\d{6}$/);
export const mfaEnableRequest = z
  .object({ enrollmentId: z.uuid(), code1: mfaCode, code2: mfaCode })
  .strict()
  .refine((value) => value.code1 !== value.code2, { message: 'two consecutive codes differ', path: ['code2'] });
export const mfaEnableResponse = z.object({ serialNumber: z.string().max(512) });
export const mfaCancelResponse = z.object({ cancelled: z.boolean() });

export const cloudShellScriptRequest = z.object({ userName: iamUserName, groupName: iamGroupName, preset: policyPreset }).strict();
export const cloudShellScriptResponse = z.object({ script: z.string().max(20_000) });

// --- operations (registered in ../operations.ts) ---
export const createUserInput = z
  .object({
    userName: iamUserName,
    groupName: iamGroupName,
    preset: policyPreset.default('ec2'),
    consoleAccess: z.boolean().default(true),
    passwordResetRequired: z.boolean().default(true),
    /** What to do with a console password the user already has: report it (ask), keep it, or reset it. */
    existingLoginProfile: z.enum(['ask', 'keep', 'reset']).default('ask'),
  })
  .strict();
export const createUserResult = z.object({
  userArn: z.string().max(2048),
  userCreated: z.boolean(),
  groupCreated: z.boolean(),
  loginProfile: z.enum(['created', 'reset', 'kept', 'exists', 'none']),
  consoleLoginItemId: z.string().max(64).optional(),
  signInUrl: z.string().max(2048).optional(),
  /** Policies of an earlier preset this run took off the group (managed ARNs, inline names): only ones the setup had put there. */
  policiesRemoved: z.array(z.string().max(2048)).max(32).optional(),
});

export const createAccessKeyInput = z
  .object({
    /** Item 0's temporary root key: delete it (DeleteAccessKey, then ListAccessKeys proves it gone) once the new key works. */
    deleteRootKey: z.boolean().default(false),
  })
  .strict();
export const createAccessKeyResult = z.object({
  /** GetCallerIdentity with the new key. */
  arn: z.string().max(2048),
  itemId: z.string().max(64),
  reused: z.boolean(),
  rootKey: z.enum(['deleted', 'none', 'kept']),
});
