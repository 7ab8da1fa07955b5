/**
 * EC2 error codes the launch and teardown explain with a fix. Each becomes an
 * AppError `ec2.<key>` (translated in locales/<lang>/ec2.json) that keeps the
 * AWS code; anything else goes through the shared AWS mapping (../errors.ts).
 */
import { AppError } from '../../../common/errors';
import { toAppError } from '../errors';
import { readErrorFacts } from '../error-facts';
import { redactSecrets } from '../redact-secrets';
import { FREE_PLAN_TYPES } from '../../../common/cost/free-plan';

const EXPLAINED: Record<string, string> = {
  InsufficientInstanceCapacity: 'insufficientCapacity',
  InstanceLimitExceeded: 'instanceLimit',
  VcpuLimitExceeded: 'vcpuLimit',
  Unsupported: 'unsupported',
  AddressLimitExceeded: 'addressLimit',
  'InvalidKeyPair.Duplicate': 'keyPairDuplicate',
  VPCIdNotSpecified: 'noDefaultVpc',
  MissingInput: 'noDefaultVpc',
};

export const EC2_ERROR_KEYS = [
  ...new Set(Object.values(EXPLAINED)),
  'unauthorized',
  'noUbuntuImage',
  'keyPairNotInVault',
  'groupNameTaken',
  'waitTimedOut',
  'sgInUse',
  'notFreeTierEligible',
  'budgetDenied',
  'budgetNotOurs',
] as const;

/** The Free plan refuses other types with InvalidParameterCombination and this phrase. */
const NOT_FREE_TIER_ELIGIBLE = /not eligible for free tier/i;

/** Maps an EC2 failure to a translated AppError; `decoded` is STS DecodeAuthorizationMessage output, when allowed. */
export function toEc2AppError(error: unknown, context: { decoded?: string | undefined } = {}): AppError {
  if (error instanceof AppError) return error;
  const facts = readErrorFacts(error);
  if (facts.name === 'InvalidParameterCombination' && NOT_FREE_TIER_ELIGIBLE.test(facts.message)) {
    return new AppError('ec2.notFreeTierEligible', `${facts.name}: ${redactSecrets(facts.message)}`, { awsCode: facts.name, types: FREE_PLAN_TYPES.join(', ') });
  }
  const key = EXPLAINED[facts.name];
  if (key) return new AppError(`ec2.${key}`, `${facts.name}: ${redactSecrets(facts.message)}`, { awsCode: facts.name });
  if (facts.name === 'UnauthorizedOperation') {
    const action = context.decoded ? deniedAction(context.decoded) : undefined;
    return new AppError('ec2.unauthorized', 'Not authorized for this EC2 operation', { awsCode: facts.name, action: action ?? 'ec2:*' });
  }
  return toAppError(error);
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
