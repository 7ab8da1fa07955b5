/**
 * A small IAM policy evaluator for tests: one identity policy, one request
 * (action, resource ARN, the caller's user name, request and resource tags,
 * service condition keys). Explicit Deny wins, then any matching Allow, else
 * the implicit deny. Supports Action/NotAction, Resource/NotResource, the
 * `${aws:username}` variable, and the condition operators Onramp's policies
 * use; any other operator throws, so a policy cannot pass by being misread.
 */

export interface PolicyRequest {
  action: string;
  resource: string;
  userName?: string;
  requestTags?: Record<string, string>;
  resourceTags?: Record<string, string>;
  /** Other condition keys, e.g. `ec2:CreateAction`. */
  keys?: Record<string, string>;
}

type Strings = string | string[];
interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: Strings;
  NotAction?: Strings;
  Resource?: Strings;
  NotResource?: Strings;
  Condition?: Record<string, Record<string, Strings>>;
}

const list = (value: Strings | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function glob(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

function substitute(pattern: string, request: PolicyRequest): string {
  return pattern.replace(/\$\{aws:username\}/g, request.userName ?? '\u0000no-user');
}

function conditionValue(key: string, request: PolicyRequest): string | undefined {
  const [prefix, tag] = [key.slice(0, key.indexOf('/') + 1), key.slice(key.indexOf('/') + 1)];
  if (prefix === 'aws:RequestTag/') return request.requestTags?.[tag];
  if (prefix === 'aws:ResourceTag/') return request.resourceTags?.[tag];
  if (key === 'aws:username') return request.userName;
  return request.keys?.[key];
}

function conditionHolds(operator: string, key: string, expected: string[], request: PolicyRequest): boolean {
  const actual = conditionValue(key, request);
  switch (operator) {
    case 'StringEquals':
      return actual !== undefined && expected.includes(actual);
    case 'StringNotEquals':
      return actual === undefined || !expected.includes(actual);
    case 'StringLike':
      return actual !== undefined && expected.some((pattern) => glob(pattern, actual, false));
    case 'Null':
      return expected.includes(String(actual === undefined));
    default:
      throw new Error(`policy-evaluator: condition operator ${operator} is not supported`);
  }
}

function matches(statement: Statement, request: PolicyRequest): boolean {
  const actionHit = (patterns: string[]) => patterns.some((p) => glob(p, request.action, true));
  if (statement.Action !== undefined && !actionHit(list(statement.Action))) return false;
  if (statement.NotAction !== undefined && actionHit(list(statement.NotAction))) return false;
  const resourceHit = (patterns: string[]) => patterns.some((p) => glob(substitute(p, request), request.resource, false));
  if (statement.Resource !== undefined && !resourceHit(list(statement.Resource))) return false;
  if (statement.NotResource !== undefined && resourceHit(list(statement.NotResource))) return false;
  for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
    for (const [key, values] of Object.entries(block)) {
      if (!conditionHolds(operator, key, list(values), request)) return false;
    }
  }
  return true;
}

export function evaluate(policyJson: string, request: PolicyRequest): 'allowed' | 'explicit-deny' | 'implicit-deny' {
  const policy = JSON.parse(policyJson) as { Statement: Statement | Statement[] };
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  const hits = statements.filter((statement) => matches(statement, request));
  if (hits.some((s) => s.Effect === 'Deny')) return 'explicit-deny';
  return hits.some((s) => s.Effect === 'Allow') ? 'allowed' : 'implicit-deny';
}

/** True when every request of one call is allowed (AWS authorizes each resource a call touches). */
export function allows(policyJson: string, requests: PolicyRequest[]): boolean {
  return requests.length > 0 && requests.every((request) => evaluate(policyJson, request) === 'allowed');
}
