/**
 * `npm run bench:aws-calls`: how many AWS API calls the full flow makes
 * (Connect AWS, the IAM user with its access key, the launch, the Elastic IP)
 * against the stateful mocks (the e2e's IAM/STS state and the EC2 world), with
 * the waiters' polls counted apart. Runs the product's own functions in the
 * order the operations run them. Goal: 25 or fewer calls, polls excluded.
 * The last line is exactly `calls=<n> polls=<m>`.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { IAMClient } from '@aws-sdk/client-iam';
import { SSMClient } from '@aws-sdk/client-ssm';
import { IamState } from '../aws/iam-state';
import { mockIam, mockSts } from '../aws/mock-clients';
import { accessKeyIds, createAccessKey } from '../../aws/iam/access-key';
import { ensureGroup } from '../../aws/iam/group';
import { memoryLedger } from '../../aws/iam/ledger';
import { partitionOf, presetOf } from '../../aws/iam/policy-presets';
import { addUserToGroup, ensureUser } from '../../aws/iam/user';
import { memoryKeyVault } from '../aws/memory-key-vault';
import { launch, type LaunchPhase } from '../../aws/ec2/launch-flow';
import { Ec2World } from '../aws/ec2-world';

const REGION = 'ap-northeast-2';
const ROOT = { accessKeyId: 'AKIAROOTROOTEXAMPLE1', secretAccessKey: 'rootSecretKeyExample/abcdefghijklmnopqrst' };
const SETUP_ID = 'bench-setup';

async function main(): Promise<void> {
  const state = new IamState('210987654321', ROOT);
  const rootSts = new STSClient({ region: REGION, credentials: ROOT });
  const rootIam = new IAMClient({ region: REGION, credentials: ROOT });
  const stubs = [mockSts(rootSts, state), mockIam(rootIam, state)];

  // Connect AWS: one identity check with the temporary root key.
  const root = await rootSts.send(new GetCallerIdentityCommand({}));

  // Secure the account: group with the EC2 preset, user, membership, then the user's own key.
  const partition = partitionOf(root.Arn);
  await ensureGroup(rootIam, { groupName: 'onramp', preset: presetOf('ec2', partition, SETUP_ID), partition }, memoryLedger());
  await ensureUser(rootIam, { userName: 'onramp-admin', setupId: SETUP_ID }, memoryLedger());
  await addUserToGroup(rootIam, 'onramp-admin', 'onramp');
  await accessKeyIds(rootIam, 'onramp-admin');
  const key = await createAccessKey(rootIam, 'onramp-admin');
  const credentials = { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
  const userSts = new STSClient({ region: REGION, credentials });
  stubs.push(mockSts(userSts, state));
  await userSts.send(new GetCallerIdentityCommand({})); // the switch proves the new key

  const iamCalls = stubs.reduce((n, stub) => n + stub.calls().length, 0);

  // Launch and the Elastic IP, with the user's key.
  const world = new Ec2World();
  const ec2 = new EC2Client({ region: REGION, credentials });
  const ssm = new SSMClient({ region: REGION, credentials });
  const restore = world.attach(ec2, ssm);
  let polls = 0;
  let phase: LaunchPhase = 'keyPair';
  const byPhase = new Map<LaunchPhase, number>();
  let mark = 0;
  const closePhase = () => {
    const made = world.calls.length - mark;
    mark = world.calls.length;
    byPhase.set(phase, (byPhase.get(phase) ?? 0) + made);
    if (phase === 'running' || phase === 'statusOk') polls += made;
  };
  try {
    await launch(
      {
        ec2,
        ssm,
        vault: memoryKeyVault(),
        onPhase: (next) => {
          closePhase();
          phase = next;
        },
      },
      { setupId: SETUP_ID, region: REGION, name: 'onramp', ubuntu: '24.04', instanceType: 't3.micro', keyPair: { name: 'onramp-key', type: 'ed25519', format: 'pem' }, sshCidr: '198.51.100.7/32', volumeGiB: 16 },
    );
    closePhase();
  } finally {
    restore();
  }
  const ec2Calls = world.calls.length - polls;

  console.log(`Connect AWS + IAM user (STS, IAM): ${iamCalls} calls`);
  for (const [name, count] of byPhase) console.log(`  launch phase ${name}: ${count} calls${name === 'running' || name === 'statusOk' ? ' (waiter polls)' : ''}`);
  console.log(`Launch + Elastic IP (EC2, SSM): ${ec2Calls} calls, ${polls} waiter polls`);
  console.log(`EC2 calls in order: ${world.calls.join(', ')}`);
  console.log(`goal: 25 calls or fewer, polls excluded — ${iamCalls + ec2Calls <= 25 ? 'met' : 'NOT met'}`);
  console.log(`calls=${iamCalls + ec2Calls} polls=${polls}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
