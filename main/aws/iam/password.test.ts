import { GetAccountPasswordPolicyCommand, IAMClient, NoSuchEntityException } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';

import { AWS_DEFAULT_PASSWORD_RULES, generatePassword, readPasswordRules } from './password';

const iamMock = mockClient(IAMClient);
afterEach(() => iamMock.reset());

describe('generatePassword', () => {
  it('uses all four character classes and at least 20 characters', () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword(AWS_DEFAULT_PASSWORD_RULES);
      expect(password).toHaveLength(20);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/\d/);
      expect(password).toMatch(/[!@#$%^&*()_+\-=[\]{}|]/);
    }
  });

  it('meets a longer minimum, up to IAM maximum of 128', () => {
    expect(generatePassword({ minimumLength: 40 })).toHaveLength(40);
    expect(generatePassword({ minimumLength: 500 })).toHaveLength(128);
  });

  it('never repeats', () => {
    const seen = new Set(Array.from({ length: 100 }, () => generatePassword(AWS_DEFAULT_PASSWORD_RULES)));
    expect(seen.size).toBe(100);
  });
});

describe('readPasswordRules', () => {
  it("reads the account's minimum length", async () => {
    iamMock.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 32 } });
    await expect(readPasswordRules(new IAMClient({ region: 'us-east-1' }))).resolves.toEqual({ minimumLength: 32 });
  });

  it("uses AWS's default when the account has no policy (NoSuchEntity)", async () => {
    iamMock.on(GetAccountPasswordPolicyCommand).rejects(new NoSuchEntityException({ message: 'no policy', $metadata: {} }));
    await expect(readPasswordRules(new IAMClient({ region: 'us-east-1' }))).resolves.toEqual(AWS_DEFAULT_PASSWORD_RULES);
  });
});
