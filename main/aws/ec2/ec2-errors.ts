/**
 * The one way an EC2 failure becomes an AppError: the codes the launch and
 * teardown explain with a fix (`ec2.<key>`, translated in
 * locales/<lang>/ec2.json, keeping the AWS code), the Free-plan refusal, an
 * UnauthorizedOperation naming the denied action (decoded with STS where the
 * credentials may), and anything else through the shared AWS mapping
 * (../errors.ts). The original error stays the AppError's cause, for the log.
 */
import { DecodeAuthorizationMessageCommand, type STSClient } from '@aws-sdk/client-sts';
import { AppError, isAppError } from '../../../common/errors';
import { toAppError } from '../errors';
import { readErrorFacts } from '../error-facts';
import { redactSecrets } from '../redact-secrets';
import { FREE_PLAN_TYPES } from '../../../common/cost/free-plan';

const EXPLAINED = {
  InsufficientInstanceCapacity: 'insufficientCapacity',
  InstanceLimitExceeded: 'instanceLimit',
  VcpuLimitExceeded: 'vcpuLimit',
  Unsupported: 'unsupported',
  AddressLimitExceeded: 'addressLimit',
  'InvalidKeyPair.Duplicate': 'keyPairDuplicate',
  VPCIdNotSpecified: 'noDefaultVpc',
  MissingInput: 'noDefaultVpc',
} as const;

/** The Free plan refuses other types with InvalidParameterCombination and this phrase. */
const NOT_FREE_TIER_ELIGIBLE = /not eligible for free tier/i;

export interface Ec2ErrorContext {
  /** Decodes an UnauthorizedOperation's message when given (and allowed), to name the denied action. */
  sts?: Pick<STSClient, 'send'> | undefined;
}

/** Maps what an EC2 call (or anything around it) threw to a translated AppError; an AppError passes unchanged. */
export async function toEc2Error(error: unknown, context: Ec2ErrorContext = {}): Promise<AppError> {
  if (isAppError(error)) return error;
  const facts = readErrorFacts(error);
  const message = `${facts.name}: ${redactSecrets(facts.message)}`;
  if (facts.name === 'InvalidParameterCombination' && NOT_FREE_TIER_ELIGIBLE.test(facts.message)) {
    return new AppError('ec2.notFreeTierEligible', message, { awsCode: facts.name, types: FREE_PLAN_TYPES.join(', ') }, { cause: error });
  }
  const key = Object.hasOwn(EXPLAINED, facts.name) ? EXPLAINED[facts.name as keyof typeof EXPLAINED] : undefined;
  if (key) return new AppError(`ec2.${key}`, message, { awsCode: facts.name }, { cause: error });
  if (facts.name === 'UnauthorizedOperation') {
    const decoded = await decodeAuthorization(error, context.sts);
    const action = decoded ? deniedAction(decoded) : undefined;
    return new AppError('ec2.unauthorized', 'Not authorized for this EC2 operation', { awsCode: facts.name, action: action ?? 'ec2:*' }, { cause: error });
  }
  return toAppError(error);
}

async function decodeAuthorization(error: unknown, sts: Ec2ErrorContext['sts']): Promise<string | undefined> {
  const encoded = encodedAuthorizationMessage(error);
  if (!encoded || !sts) return undefined;
  return sts
    .send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }))
    .then((out) => out.DecodedMessage)
    .catch(() => undefined);
}

/** The `action` field of a decoded authorization message (JSON), e.g. `ec2:RunInstances`. */
export function deniedAction(decoded: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(decoded);
    if (parsed && typeof parsed === 'object' && 'context' in parsed) {
      const ctx = (parsed as { context: unknown }).context;
      if (ctx && typeof ctx === 'object' && 'action' in ctx) {
        const action = (ctx as { action: unknown }).action;
        return typeof action === 'string' && /^[a-z0-9-]+:[A-Za-z0-9]+$/.test(action) ? action : undefined;
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The encoded message UnauthorizedOperation carries ("Encoded authorization failure message: …"). */
export function encodedAuthorizationMessage(error: unknown): string | undefined {
  const match = /Encoded authorization failure message:\s*([A-Za-z0-9_-]+)/.exec(readErrorFacts(error).message);
  return match?.[1];
}
