/** The group, the user and the console password: created, reused, or reported, never made twice. */
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  EntityAlreadyExistsException,
  GetAccountPasswordPolicyCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  IAMClient,
  IAMServiceException,
  ListAttachedUserPoliciesCommand,
  ListUserPoliciesCommand,
  ListGroupsForUserCommand,
  NoSuchEntityException,
  PasswordPolicyViolationException,
  UpdateLoginProfileCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';

import { ensureGroup } from './group';
import { memoryLedger } from './ledger';
import { consoleSignInUrl, ensureLoginProfile } from './login-profile';
import { presetOf } from './policy-presets';
import { addUserToGroup, ensureUser } from './user';

const iamMock = mockClient(IAMClient);
const iam = new IAMClient({ region: 'us-east-1' });
const exists = () => new EntityAlreadyExistsException({ message: 'exists', $metadata: {} });
const noSuch = () => new NoSuchEntityException({ message: 'none', $metadata: {} });
afterEach(() => iamMock.reset());

describe('ensureGroup', () => {
  it('names the refused action when the caller may not attach policies', async () => {
    iamMock.on(CreateGroupCommand).resolves({});
    iamMock.on(AttachGroupPolicyCommand).rejects(
      new IAMServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: {}, message: 'is not authorized to perform: iam:AttachGroupPolicy on resource: group onramp' }),
    );
    await expect(ensureGroup(iam, { groupName: 'onramp', preset: presetOf('ec2-full', 'aws', 'setup-1'), partition: 'aws' }, memoryLedger())).rejects.toMatchObject({
      code: 'iam.accessDenied',
      params: { action: 'iam:AttachGroupPolicy' },
    });
  });
});

describe('ensureUser', () => {
  it('creates the user tagged onramp:setup=<setupId>', async () => {
    iamMock.on(CreateUserCommand).resolves({ User: { UserName: 'dev', Arn: 'arn:aws:iam::123456789012:user/dev', UserId: 'U', Path: '/', CreateDate: new Date() } });
    await expect(ensureUser(iam, { userName: 'dev', setupId: 'setup-1' }, memoryLedger())).resolves.toEqual({ created: true, arn: 'arn:aws:iam::123456789012:user/dev' });
    expect(iamMock.commandCalls(CreateUserCommand)[0]?.args[0].input.Tags).toEqual([{ Key: 'onramp:setup', Value: 'setup-1' }]);
  });

  it('reuses a user of that name that carries this setup tag', async () => {
    iamMock.on(CreateUserCommand).rejects(exists());
    iamMock.on(GetUserCommand).resolves({
      User: { UserName: 'dev', Arn: 'arn:aws:iam::123456789012:user/dev', UserId: 'U', Path: '/', CreateDate: new Date(), Tags: [{ Key: 'onramp:setup', Value: 'setup-1' }] },
    });
    await expect(ensureUser(iam, { userName: 'dev', setupId: 'setup-1' }, memoryLedger())).resolves.toEqual({ created: false, arn: 'arn:aws:iam::123456789012:user/dev' });
  });

  it("refuses someone else's user of that name, so the user picks another name", async () => {
    iamMock.on(CreateUserCommand).rejects(exists());
    iamMock.on(GetUserCommand).resolves({ User: { UserName: 'dev', Arn: 'a', UserId: 'U', Path: '/', CreateDate: new Date(), Tags: [{ Key: 'onramp:setup', Value: 'other' }] } });
    iamMock.on(ListAttachedUserPoliciesCommand).resolves({ AttachedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] });
    iamMock.on(ListUserPoliciesCommand).resolves({ PolicyNames: [] });
    iamMock.on(GetUserCommand, { UserName: 'dev-2' }).rejects(noSuch());
    iamMock.on(ListGroupsForUserCommand).resolves({ Groups: [] });
    const ledger = memoryLedger();
    await expect(ensureUser(iam, { userName: 'dev', setupId: 'setup-1' }, ledger)).rejects.toMatchObject({
      code: 'iam.userTaken',
      params: { userName: 'dev', policies: 'AdministratorAccess', suggestion: 'dev-2' },
    });
    expect(ledger.value.userCreated).toBeUndefined();
  });

  it('adds the user to the group (AddUserToGroup is idempotent) and explains a missing group', async () => {
    iamMock.on(AddUserToGroupCommand).resolvesOnce({}).rejectsOnce(noSuch());
    await addUserToGroup(iam, 'dev', 'onramp');
    await expect(addUserToGroup(iam, 'dev', 'gone')).rejects.toMatchObject({ code: 'iam.groupNotFound', params: { groupName: 'gone' } });
  });
});

describe('ensureLoginProfile', () => {
  const options = { userName: 'dev', passwordResetRequired: true, onExisting: 'ask' as const };

  it('creates a console password that meets the policy, with PasswordResetRequired', async () => {
    iamMock.on(GetLoginProfileCommand).rejects(noSuch());
    iamMock.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 24 } });
    iamMock.on(CreateLoginProfileCommand).resolves({});

    const outcome = await ensureLoginProfile(iam, options);

    expect(outcome.status).toBe('created');
    const input = iamMock.commandCalls(CreateLoginProfileCommand)[0]?.args[0].input;
    expect(input?.PasswordResetRequired).toBe(true);
    expect(input?.Password).toHaveLength(24);
    expect(outcome).toEqual({ status: 'created', password: input?.Password });
  });

  it('reports an existing password instead of overwriting it (ask), keeps it (keep), or resets it (reset)', async () => {
    iamMock.on(GetLoginProfileCommand).resolves({ LoginProfile: { UserName: 'dev', CreateDate: new Date() } });
    iamMock.on(GetAccountPasswordPolicyCommand).rejects(noSuch());
    iamMock.on(UpdateLoginProfileCommand).resolves({});

    await expect(ensureLoginProfile(iam, options)).resolves.toEqual({ status: 'exists' });
    await expect(ensureLoginProfile(iam, { ...options, onExisting: 'keep' })).resolves.toEqual({ status: 'kept' });
    expect(iamMock.commandCalls(UpdateLoginProfileCommand)).toHaveLength(0);

    const reset = await ensureLoginProfile(iam, { ...options, onExisting: 'reset' });
    expect(reset.status).toBe('reset');
    expect(iamMock.commandCalls(UpdateLoginProfileCommand)[0]?.args[0].input).toMatchObject({ UserName: 'dev', PasswordResetRequired: true });
    expect(iamMock.commandCalls(CreateLoginProfileCommand)).toHaveLength(0);
  });

  it('translates PasswordPolicyViolation', async () => {
    iamMock.on(GetLoginProfileCommand).rejects(noSuch());
    iamMock.on(GetAccountPasswordPolicyCommand).rejects(noSuch());
    iamMock.on(CreateLoginProfileCommand).rejects(new PasswordPolicyViolationException({ message: 'reuse', $metadata: {} }));
    await expect(ensureLoginProfile(iam, options)).rejects.toMatchObject({ code: 'iam.passwordPolicyViolation' });
  });

  it('builds the console sign-in URL from the account id', () => {
    expect(consoleSignInUrl('123456789012')).toBe('https://123456789012.signin.aws.amazon.com/console');
  });
});
