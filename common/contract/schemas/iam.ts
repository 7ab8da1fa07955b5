/**
 * The Secure the account contract shapes (issue 11): root MFA status, the IAM
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
export const policyPreset = z.enum(['ec2', 'ec2-route53', 'admin']);
export type PolicyPreset = z.infer<typeof policyPreset>;

/** What the user chose on the page, remembered in the setup (choices.iam). */
export const iamChoices = z.object({
  userName: iamUserName,
  groupName: iamGroupName,
  preset: policyPreset,
  consoleAccess: z.boolean(),
});
export type IamChoices = z.infer<typeof iamChoices>;

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
