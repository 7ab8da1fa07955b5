import { describe, expect, it } from 'vitest';

import { principalKindOf } from './principal-kind';

describe('principalKindOf', () => {
  it.each([
    ['arn:aws:iam::123456789012:root', 'root'],
    ['arn:aws-cn:iam::123456789012:root', 'root'],
    ['arn:aws-us-gov:iam::123456789012:root', 'root'],
    ['arn:aws:iam::123456789012:user/alice', 'iam-user'],
    ['arn:aws:iam::123456789012:user/division/alice', 'iam-user'],
    ['arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_0123/alice', 'assumed-role'],
    ['arn:aws:sts::123456789012:federated-user/bob', 'federated'],
    ['arn:aws:iam::123456789012:rootx', 'other'],
    ['arn:aws:iam::123456789012:user/root', 'iam-user'],
    ['arn:evil:iam::123456789012:root', 'other'],
    ['not-an-arn', 'other'],
  ])('%s → %s', (arn, kind) => {
    expect(principalKindOf(arn)).toBe(kind);
  });
});
