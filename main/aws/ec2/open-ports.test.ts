import { DescribeInstancesCommand, DescribeSecurityGroupRulesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { openPorts } from './open-ports';

const ec2 = new EC2Client({ region: 'ap-northeast-2', credentials: { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'x'.repeat(40) } });
const mock = mockClient(ec2);
beforeEach(() => {
  mock.reset();
  mock.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [{ InstanceId: 'i-1', SecurityGroups: [{ GroupId: 'sg-1' }] }] }] });
});

describe('openPorts', () => {
  it('reports the ports open to 0.0.0.0/0, not those open only to one IP', async () => {
    mock.on(DescribeSecurityGroupRulesCommand).resolves({
      SecurityGroupRules: [
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '198.51.100.7/32' },
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv4: '0.0.0.0/0' },
        { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIpv6: '::/0' },
      ],
    });
    await expect(openPorts(ec2, 'i-1', [22, 80, 443])).resolves.toEqual([443]);
  });

  it('counts a port range and an all-traffic rule', async () => {
    mock.on(DescribeSecurityGroupRulesCommand).resolves({ SecurityGroupRules: [{ IpProtocol: 'tcp', FromPort: 70, ToPort: 90, CidrIpv4: '0.0.0.0/0' }, { IpProtocol: '-1', CidrIpv4: '0.0.0.0/0', IsEgress: true }] });
    await expect(openPorts(ec2, 'i-1', [80, 443])).resolves.toEqual([80]);
  });
});
