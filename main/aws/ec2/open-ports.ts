/**
 * Which ports an instance's security groups open to the whole IPv4 internet
 * (0.0.0.0/0): what the HTTPS preflight needs to know before Let's Encrypt
 * tries http-01 on port 80.
 */
import { DescribeInstancesCommand, DescribeSecurityGroupRulesCommand, type EC2Client, type SecurityGroupRule } from '@aws-sdk/client-ec2';

function opensToWorld(rule: SecurityGroupRule, port: number): boolean {
  if (rule.IsEgress || rule.CidrIpv4 !== '0.0.0.0/0') return false;
  if (rule.IpProtocol === '-1') return true;
  return rule.IpProtocol === 'tcp' && (rule.FromPort ?? -1) <= port && port <= (rule.ToPort ?? -1);
}

export async function openPorts(ec2: EC2Client, instanceId: string, ports: number[], signal?: AbortSignal): Promise<number[]> {
  const described = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }), { abortSignal: signal });
  const instance = described.Reservations?.flatMap((r) => r.Instances ?? []).find((i) => i.InstanceId === instanceId);
  const groupIds = (instance?.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : []));
  if (groupIds.length === 0) return [];
  const rules = await ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: groupIds }] }), { abortSignal: signal });
  return ports.filter((port) => (rules.SecurityGroupRules ?? []).some((rule) => opensToWorld(rule, port)));
}
