/**
 * The launch's security group, in the default VPC: SSH from the user's /32 (or
 * anywhere, only when asked), HTTP and HTTPS from anywhere over IPv4 and IPv6.
 * Found again by its tag; missing rules are added, and a rule that already
 * exists (InvalidPermission.Duplicate) counts as success. SSH narrows to the
 * chosen source: every other source of port 22 is revoked (`narrowSsh`).
 */
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  RevokeSecurityGroupIngressCommand,
  type EC2Client,
  type IpPermission,
  type SecurityGroupRule,
} from '@aws-sdk/client-ec2';
import { AppError } from '../../../common/errors';
import { readErrorFacts } from '../error-facts';
import { setupFilter, tagSpecifications } from './tags';

export interface IngressRule {
  port: number;
  cidr: string;
}

export interface SecurityGroupRequest {
  setupId: string;
  name: string;
  /** The user's IPv4 as a /32, or 0.0.0.0/0 when they chose "from anywhere". */
  sshCidr: string;
}

type Deps = { ec2: EC2Client; signal?: AbortSignal };

export function wantedRules(sshCidr: string): IngressRule[] {
  return [
    { port: 22, cidr: sshCidr },
    { port: 80, cidr: '0.0.0.0/0' },
    { port: 80, cidr: '::/0' },
    { port: 443, cidr: '0.0.0.0/0' },
    { port: 443, cidr: '::/0' },
  ];
}

export async function defaultVpcId({ ec2, signal }: Deps): Promise<string> {
  const out = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }), { abortSignal: signal });
  const id = out.Vpcs?.[0]?.VpcId;
  if (!id) throw new AppError('ec2.noDefaultVpc', 'This region has no default VPC', {});
  return id;
}

export async function findSetupGroup({ ec2, signal }: Deps, setupId: string): Promise<string | undefined> {
  const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [setupFilter(setupId)] }), { abortSignal: signal });
  return out.SecurityGroups?.[0]?.GroupId;
}

export async function ensureSecurityGroup(deps: Deps, request: SecurityGroupRequest): Promise<{ groupId: string; created: boolean; sshRevoked: string[] }> {
  let groupId = await findSetupGroup(deps, request.setupId);
  let created = false;
  if (!groupId) {
    groupId = await createGroup(deps, request);
    created = true;
  }
  const before = await ensureRules(deps, groupId, wantedRules(request.sshCidr));
  const sshRevoked = await narrowSsh(deps, groupId, request.sshCidr, before);
  return { groupId, created, sshRevoked };
}

/** True when the ingress rule lets SSH (tcp 22) in from a CIDR (IPv4 or IPv6), whether as port 22, a range or all traffic. */
function opensSsh(rule: SecurityGroupRule): boolean {
  if (!rule.CidrIpv4 && !rule.CidrIpv6) return false;
  if (rule.IpProtocol === '-1') return true;
  return rule.IpProtocol === 'tcp' && (rule.FromPort ?? -1) <= 22 && 22 <= (rule.ToPort ?? -1);
}

/**
 * Rules only grow unless something takes them away: when the SSH source changes (anywhere, my IP, another IP), every
 * rule of the setup's own group that opens port 22 to any other source, IPv4 or IPv6, is revoked. Returns the
 * sources revoked, for the page to say so.
 */
export async function narrowSsh(deps: Deps, groupId: string, sshCidr: string, rules?: SecurityGroupRule[]): Promise<string[]> {
  const stale = (rules ?? (await listRules(deps, groupId))).filter((r) => opensSsh(r) && (r.CidrIpv4 ?? r.CidrIpv6) !== sshCidr && r.SecurityGroupRuleId);
  if (stale.length === 0) return [];
  await deps.ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId, SecurityGroupRuleIds: stale.map((r) => r.SecurityGroupRuleId ?? '') }), {
    abortSignal: deps.signal,
  });
  return [...new Set(stale.map((r) => r.CidrIpv4 ?? r.CidrIpv6 ?? ''))];
}

/** Whether the group lets SSH in from `ip` (IPv4), and from which sources it does at all. */
export async function sshAccess(deps: Deps, groupId: string, ip: string): Promise<{ allowed: boolean; sources: string[] }> {
  const open = (await listRules(deps, groupId)).filter(opensSsh);
  const sources = [...new Set(open.map((r) => r.CidrIpv4 ?? r.CidrIpv6 ?? ''))];
  return { allowed: sources.some((cidr) => ipv4InCidr(ip, cidr)), sources };
}

function ipv4Number(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

export function ipv4InCidr(ip: string, cidr: string): boolean {
  const [base = '', bitsText = '32'] = cidr.split('/');
  const bits = Number(bitsText);
  const a = ipv4Number(ip);
  const b = ipv4Number(base);
  if (a === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(a / size) === Math.floor(b / size);
}

/**
 * CreateSecurityGroup takes no idempotency token. When its answer was lost and the SDK's retry meets
 * InvalidGroup.Duplicate (names are unique in a VPC), the group the first attempt made is found again by the setup
 * tag; a group of that name without the tag is someone else's, and is refused.
 */
async function createGroup(deps: Deps, request: SecurityGroupRequest): Promise<string> {
  const vpcId = await defaultVpcId(deps);
  const name = `${request.name}-sg`;
  try {
    const out = await deps.ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: name,
        Description: 'Onramp: SSH from your IP, HTTP and HTTPS from anywhere',
        VpcId: vpcId,
        TagSpecifications: tagSpecifications(request.setupId, name, 'security-group'),
      }),
      { abortSignal: deps.signal },
    );
    if (!out.GroupId) throw new AppError('aws.invalidResponse', 'CreateSecurityGroup returned no id', { awsCode: 'CreateSecurityGroup' });
    return out.GroupId;
  } catch (error) {
    if (readErrorFacts(error).name !== 'InvalidGroup.Duplicate') throw error;
    const made = await findSetupGroup(deps, request.setupId);
    if (made) return made;
    throw new AppError('ec2.groupNameTaken', `A security group named ${name} already exists and Onramp did not make it`, { name });
  }
}

export async function listRules({ ec2, signal }: Deps, groupId: string): Promise<SecurityGroupRule[]> {
  const out = await ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] }), { abortSignal: signal });
  return (out.SecurityGroupRules ?? []).filter((r) => !r.IsEgress);
}

const sameRule = (rule: SecurityGroupRule, wanted: IngressRule) =>
  rule.IpProtocol === 'tcp' && rule.FromPort === wanted.port && rule.ToPort === wanted.port && (rule.CidrIpv4 ?? rule.CidrIpv6) === wanted.cidr;

export function toPermission(rule: IngressRule): IpPermission {
  const v6 = rule.cidr.includes(':');
  return {
    IpProtocol: 'tcp',
    FromPort: rule.port,
    ToPort: rule.port,
    ...(v6 ? { Ipv6Ranges: [{ CidrIpv6: rule.cidr }] } : { IpRanges: [{ CidrIp: rule.cidr }] }),
  };
}

/** Adds the rules that are missing; an existing one (Duplicate) is success. Returns the rules as they were before. */
export async function ensureRules(deps: Deps, groupId: string, rules: IngressRule[]): Promise<SecurityGroupRule[]> {
  const existing = await listRules(deps, groupId);
  const missing = rules.filter((w) => !existing.some((r) => sameRule(r, w)));
  if (missing.length === 0) return existing;
  try {
    await deps.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: missing.map(toPermission) }), {
      abortSignal: deps.signal,
    });
  } catch (error) {
    if (readErrorFacts(error).name !== 'InvalidPermission.Duplicate') throw error;
    // Someone (or an earlier run) added some of them meanwhile: add one by one, skipping duplicates.
    for (const rule of missing) await addRule(deps, groupId, rule);
  }
  return existing;
}

export async function addRule(deps: Deps, groupId: string, rule: IngressRule): Promise<void> {
  try {
    await deps.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [toPermission(rule)] }), { abortSignal: deps.signal });
  } catch (error) {
    if (readErrorFacts(error).name !== 'InvalidPermission.Duplicate') throw error;
  }
}

export async function removeRule(deps: Deps, groupId: string, ruleId: string): Promise<void> {
  try {
    await deps.ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId, SecurityGroupRuleIds: [ruleId] }), { abortSignal: deps.signal });
  } catch (error) {
    if (readErrorFacts(error).name !== 'InvalidSecurityGroupRuleId.NotFound') throw error;
  }
}
