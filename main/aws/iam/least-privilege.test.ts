/**
 * The default preset's policy against every AWS action the app calls after
 * the switch to the IAM user's key. The actions are not listed by hand:
 * EC2/SSM/STS ones come from the `@aws-sdk/client-*` Command classes (and the
 * commands behind the waiters) imported by main/aws/ec2/, the SSH host-key
 * reader and the identity check; the IAM ones are recorded from the stateful
 * mock while Secure account's check and the key operation's rerun run with the
 * user's key. Each action must have probes below: the resources it touches
 * (allowed), and the same action on an untagged resource, another setup's
 * resource or another user (denied).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsConnection } from '../aws-connection';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../../testing/aws/aws-env-sandbox';
import { IamState } from '../../testing/aws/iam-state';
import { mockAwsClientsFactory } from '../../testing/aws/mock-clients';
import { allows, type PolicyRequest } from '../../testing/aws/policy-evaluator';
import { currentStep, totpAt } from '../../testing/aws/totp';
import { MemorySecretStore } from '../../testing/vault/memory-secret-store';
import { SetupStateStore } from '../../setup/state-store';
import { secureAccountStep } from '../secure-account/check';
import { createAccessKeyOperation } from '../secure-account/create-access-key';
import { budgetNameOf, TAGGED_CREATES } from './least-privilege';
import { presetOf } from './policy-presets';
import { MfaEnrollments } from './virtual-mfa';

const REPO = path.join(__dirname, '..', '..', '..');
const SETUP = '0f8fad5b-d9cb-469f-a165-70867728950e';
const ACCOUNT = '123456789012';
const POLICY = presetOf('ec2', 'aws', SETUP).inline[0]?.document ?? '';

// ---- the actions, from the code ----

const SCANNED = [
  ...readdirSync(path.join(REPO, 'main/aws/ec2'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `main/aws/ec2/${f}`),
  'main/ssh/console-host-keys.ts',
  'main/aws/identity.ts',
];

/** `ec2:RunInstances`, … for each Command class a file imports; a waiter counts as the command it polls. */
function sdkActions(file: string): string[] {
  const text = readFileSync(path.join(REPO, file), 'utf8');
  const actions: string[] = [];
  for (const [, names = '', service = ''] of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-([a-z0-9-]+)'/g)) {
    for (const raw of names.split(',')) {
      const name = raw.replace(/^\s*type\s+/, '').replace(/\s+as\s+.*$/s, '').trim();
      if (name.endsWith('Command')) actions.push(`${service}:${name.slice(0, -'Command'.length)}`);
      if (name.startsWith('waitUntil')) {
        const waiter = readFileSync(path.join(REPO, `node_modules/@aws-sdk/client-${service}/dist-es/waiters/waitFor${name.slice('waitUntil'.length)}.js`), 'utf8');
        for (const [, command] of waiter.matchAll(/new (\w+)Command\(/g)) actions.push(`${service}:${command}`);
      }
    }
  }
  return actions;
}

let sandbox: AwsEnvSandbox;
let iamActions: string[] = [];

/** Secure account's check and the key operation's rerun, as the IAM user, recorded by the stateful mock. */
async function recordIamActionsAfterSwitch(): Promise<{ checkDone: boolean; actions: string[] }> {
  const root = { accessKeyId: 'AKIAROOTROOTROOT0001', secretAccessKey: 'rootsecretrootsecretroot' };
  const state = new IamState(ACCOUNT, root);
  const secrets = new MemorySecretStore();
  const setup = new SetupStateStore(mkdtempSync(path.join(os.tmpdir(), 'onramp-least-')));
  const { setupId } = await setup.get();
  state.createGroup('onramp');
  const user = state.createUser('dev', [{ Key: 'onramp:setup', Value: setupId }]);
  user.groups.add('onramp');
  state.createLoginProfile('dev', 'pw', false);
  const { serial, seed } = state.createVirtualMfaDevice(`${ACCOUNT}-dev`);
  state.enableMfa('dev', serial, totpAt(seed, currentStep()), totpAt(seed, currentStep() + 1));
  const key = state.createAccessKey('dev');
  const itemId = (await secrets.seed('aws-access-key', { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey }, 'dev')).id;
  await setup.update((s) => ({
    ...s,
    choices: { ...s.choices, awsSource: { kind: 'vault', itemId }, region: 'ap-northeast-2', iam: { userName: 'dev', groupName: 'onramp', preset: 'ec2', consoleAccess: true } },
    resources: { ...s.resources, iamAccessKeyItemId: itemId },
  }));
  const connection = new AwsConnection({ getAccessKey: (id) => secrets.secretOf(id, 'aws-access-key') }, undefined, mockAwsClientsFactory(state));
  try {
    const check = await secureAccountStep({ connection, setup }).check({ setup: await setup.get(), signal: new AbortController().signal });
    const rerun = await createAccessKeyOperation({ connection, setup, secrets, mfa: new MfaEnrollments() }, []).run(
      { deleteRootKey: false },
      { signal: new AbortController().signal, progress: () => undefined },
    );
    expect(rerun.reused).toBe(true);
    return { checkDone: check.done, actions: state.calls.map((name) => (name === 'GetCallerIdentity' ? `sts:${name}` : `iam:${name}`)) };
  } finally {
    connection.dispose();
  }
}

beforeAll(async () => {
  sandbox = createAwsEnvSandbox();
  const recorded = await recordIamActionsAfterSwitch();
  expect(recorded.checkDone).toBe(true);
  iamActions = recorded.actions;
});
afterAll(() => sandbox.restore());

// ---- the probes: how each action touches resources ----

const OURS = { 'onramp:setup': SETUP };
const ANOTHER_SETUP = { 'onramp:setup': 'another-setup' };
const UNTAGGED = {};
type Tags = Record<string, string>;
const ec2Arn = (type: string, id: string) => (type === 'image' ? `arn:aws:ec2:ap-northeast-2::image/${id}` : `arn:aws:ec2:ap-northeast-2:${ACCOUNT}:${type}/${id}`);
const on = (action: string, type: string, resourceTags?: Tags, extra: Partial<PolicyRequest> = {}): PolicyRequest => ({
  action,
  resource: ec2Arn(type, `${type}-1`),
  userName: 'dev',
  ...(resourceTags ? { resourceTags } : {}),
  ...extra,
});
/** One call = the requests AWS authorizes for it (one per resource it touches). */
type Call = PolicyRequest[];
interface Probe {
  allowed: Call[];
  denied: Call[];
}

function runInstances(request: Tags, groupTags: Tags, keyTags: Tags): Call {
  const a = 'ec2:RunInstances';
  return [
    on(a, 'instance', undefined, { requestTags: request }),
    on(a, 'volume', undefined, { requestTags: request }),
    on(a, 'image', undefined, { requestTags: request }),
    on(a, 'subnet', undefined, { requestTags: request }),
    on(a, 'network-interface', undefined, { requestTags: request }),
    on(a, 'security-group', groupTags, { requestTags: request }),
    on(a, 'key-pair', keyTags, { requestTags: request }),
  ];
}

/** A change to one existing resource (or several): allowed only on the setup's own. */
const onTagged = (action: string, ...types: string[]): Probe => ({
  allowed: [types.map((type) => on(action, type, OURS))],
  denied: types.flatMap((type) => [UNTAGGED, ANOTHER_SETUP].map((tags) => types.map((t) => on(action, t, t === type ? tags : OURS)))),
});
const ruleChange = (action: string): Probe => ({
  allowed: [[on(action, 'security-group', OURS), on(action, 'security-group-rule', UNTAGGED)], [on(action, 'security-group', OURS)]],
  denied: [UNTAGGED, ANOTHER_SETUP].flatMap((tags) => [[on(action, 'security-group', tags), on(action, 'security-group-rule', UNTAGGED)], [on(action, 'security-group', tags)]]),
});
const createTagged = (action: string, extra: Call, type: string): Probe => ({
  allowed: [[on(action, type, undefined, { requestTags: OURS }), ...extra]],
  denied: [UNTAGGED, ANOTHER_SETUP].map((requestTags) => [on(action, type, undefined, { requestTags }), ...extra]),
});
const iamSelf = (action: string): Probe => ({
  allowed: [[{ action, resource: `arn:aws:iam::${ACCOUNT}:user/dev`, userName: 'dev' }]],
  denied: [[{ action, resource: `arn:aws:iam::${ACCOUNT}:user/alice-admin`, userName: 'dev' }]],
});

const PROBES: Record<string, Probe> = {
  'ec2:RunInstances': {
    allowed: [runInstances(OURS, OURS, OURS)],
    denied: [runInstances(UNTAGGED, OURS, OURS), runInstances(ANOTHER_SETUP, OURS, OURS), runInstances(OURS, UNTAGGED, OURS), runInstances(OURS, OURS, UNTAGGED)],
  },
  'ec2:CreateSecurityGroup': createTagged('ec2:CreateSecurityGroup', [on('ec2:CreateSecurityGroup', 'vpc')], 'security-group'),
  'ec2:CreateKeyPair': createTagged('ec2:CreateKeyPair', [], 'key-pair'),
  'ec2:AllocateAddress': createTagged('ec2:AllocateAddress', [], 'elastic-ip'),
  'ec2:CreateTags': {
    allowed: Object.entries(TAGGED_CREATES).flatMap(([create, types]) =>
      types.map((type) => [on('ec2:CreateTags', type, undefined, { requestTags: OURS, keys: { 'ec2:CreateAction': create } })]),
    ),
    // Tagging someone's existing instance as ours (to then stop it) is not a create.
    denied: [[on('ec2:CreateTags', 'instance', UNTAGGED, { requestTags: OURS })], [on('ec2:CreateTags', 'security-group', ANOTHER_SETUP, { requestTags: OURS })]],
  },
  'ec2:TerminateInstances': onTagged('ec2:TerminateInstances', 'instance'),
  'ec2:GetConsoleOutput': onTagged('ec2:GetConsoleOutput', 'instance'),
  'ec2:AssociateAddress': onTagged('ec2:AssociateAddress', 'elastic-ip', 'instance'),
  'ec2:DisassociateAddress': onTagged('ec2:DisassociateAddress', 'elastic-ip'),
  'ec2:ReleaseAddress': onTagged('ec2:ReleaseAddress', 'elastic-ip'),
  // The rule (untagged: Onramp tags the group) is authorized along with its group.
  'ec2:AuthorizeSecurityGroupIngress': ruleChange('ec2:AuthorizeSecurityGroupIngress'),
  'ec2:RevokeSecurityGroupIngress': ruleChange('ec2:RevokeSecurityGroupIngress'),
  'ec2:DeleteSecurityGroup': onTagged('ec2:DeleteSecurityGroup', 'security-group'),
  'ec2:DeleteKeyPair': onTagged('ec2:DeleteKeyPair', 'key-pair'),
  'ssm:GetParameter': {
    allowed: [[{ action: 'ssm:GetParameter', resource: 'arn:aws:ssm:ap-northeast-2::parameter/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id' }]],
    denied: [[{ action: 'ssm:GetParameter', resource: `arn:aws:ssm:ap-northeast-2:${ACCOUNT}:parameter/prod/db-password` }]],
  },
  ...Object.fromEntries(['iam:GetUser', 'iam:ListGroupsForUser', 'iam:GetLoginProfile', 'iam:ListMFADevices', 'iam:ListAccessKeys'].map((a) => [a, iamSelf(a)])),
};

/** Reads AWS grants only on `*` (no resource-level permission exists for them), so there is no untagged resource to refuse. */
const READ_ON_STAR = /^(ec2:Describe\w+|sts:GetCallerIdentity|sts:DecodeAuthorizationMessage)$/;

function probeOf(action: string): Probe {
  if (READ_ON_STAR.test(action)) return { allowed: [[{ action, resource: '*' }]], denied: [] };
  const probe = PROBES[action];
  if (!probe) throw new Error(`${action} is called after the switch: add how it touches resources to PROBES`);
  return probe;
}

describe('the default (least-privilege) policy', () => {
  const derived = () => [...new Set([...SCANNED.flatMap(sdkActions), ...iamActions])].sort();
  const withTags = (actions: string[]) =>
    actions.some((a) => Object.keys(TAGGED_CREATES).includes(a.replace('ec2:', ''))) ? [...actions, 'ec2:CreateTags'] : actions;

  it('is derived from the code: the launch, teardown, Elastic IP, SSH host keys and own checks are all there', () => {
    const actions = withTags(derived());
    for (const expected of ['ec2:RunInstances', 'ec2:TerminateInstances', 'ec2:ReleaseAddress', 'ec2:DescribeInstanceStatus', 'ec2:GetConsoleOutput', 'ssm:GetParameter', 'iam:GetUser', 'iam:ListGroupsForUser', 'iam:ListMFADevices', 'iam:GetLoginProfile', 'iam:ListAccessKeys', 'sts:GetCallerIdentity']) {
      expect(actions).toContain(expected);
    }
  });

  it('allows every action the app calls after the switch, on the resources it touches', () => {
    for (const action of withTags(derived())) {
      for (const call of probeOf(action).allowed) expect(allows(POLICY, call), `${action} on ${call.map((r) => r.resource).join(', ')}`).toBe(true);
    }
  });

  it('denies the same actions on untagged resources, another setup\'s, and another user', () => {
    for (const action of withTags(derived())) {
      const { denied } = probeOf(action);
      if (!READ_ON_STAR.test(action)) expect(denied.length, `${action} has no denied probe`).toBeGreaterThan(0);
      for (const call of denied) expect(allows(POLICY, call), `${action} on ${JSON.stringify(call)}`).toBe(false);
    }
  });

  it('grants no wildcard write and nothing on other services', () => {
    const statements = (JSON.parse(POLICY) as { Statement: { Action: string | string[]; Resource: string | string[]; Condition?: unknown }[] }).Statement;
    for (const statement of statements) {
      const actions = [statement.Action].flat();
      expect(actions.filter((a) => a.includes('*') && a !== 'ec2:Describe*')).toEqual([]);
      for (const action of actions) expect(action).toMatch(/^(ec2|iam|ssm|sts|budgets|freetier):/);
    }
    expect(allows(POLICY, [{ action: 'ec2:StopInstances', resource: ec2Arn('instance', 'i-others') }])).toBe(false);
    expect(allows(POLICY, [{ action: 'iam:CreateUser', resource: `arn:aws:iam::${ACCOUNT}:user/x`, userName: 'dev' }])).toBe(false);
  });

  it("leaves a slot for the cost guard (the setup's budget only) and the Free Tier plan", () => {
    const budget = (name: string) => ({ action: 'budgets:ModifyBudget', resource: `arn:aws:budgets::${ACCOUNT}:budget/${name}` });
    expect(allows(POLICY, [budget(budgetNameOf(SETUP))])).toBe(true);
    expect(allows(POLICY, [budget('team-budget')])).toBe(false);
    expect(allows(POLICY, [{ action: 'freetier:GetAccountPlanState', resource: '*' }])).toBe(true);
  });

  it("lets the key of every non-admin preset run Secure account's own check after the switch (the sidebar and the page agree)", () => {
    for (const preset of ['ec2', 'ec2-full', 'ec2-route53'] as const) {
      const inline = presetOf(preset, 'aws', SETUP).inline;
      // sts:GetCallerIdentity needs no permission: AWS answers it for every valid key.
      for (const action of iamActions.filter((a) => a !== 'sts:GetCallerIdentity')) {
        const call = probeOf(action).allowed[0] ?? [];
        expect(inline.some((policy) => allows(policy.document, call)), `${preset}: ${action}`).toBe(true);
      }
    }
  });
});
