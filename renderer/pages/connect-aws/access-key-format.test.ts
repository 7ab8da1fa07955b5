import { describe, expect, it } from 'vitest';
import { fieldOfVaultError, pastedKeyProblems } from './access-key-format';

describe('pastedKeyProblems', () => {
  it('accepts a long-term (AKIA) and a temporary (ASIA) key id of 20 characters, around spaces', () => {
    expect(pastedKeyProblems('AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toEqual({});
    expect(pastedKeyProblems('  ASIAIOSFODNN7EXAMPLE ', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toEqual({});
  });

  it('names the key id field for a wrong prefix, length or character', () => {
    for (const id of ['AKIAIOSFODNN7EXAMPL', 'AKIAIOSFODNN7EXAMPLE1', 'XKIAIOSFODNN7EXAMPLE', 'akiaiosfodnn7example', 'AKIA IOSFODNN7EXAMPL', 'wJalrXUtnFEMI/K7MDENG']) {
      expect(pastedKeyProblems(id, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toEqual({ accessKeyId: 'accessKeyIdFormat' });
    }
  });

  it('names the secret field when the secret is short or has other characters (e.g. the key id pasted twice)', () => {
    expect(pastedKeyProblems('AKIAIOSFODNN7EXAMPLE', 'short')).toEqual({ secretAccessKey: 'secretAccessKeyFormat' });
    expect(pastedKeyProblems('AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI K7MDENG bPxRfiCYEXAMPLEKEY')).toEqual({ secretAccessKey: 'secretAccessKeyFormat' });
  });
});

describe('fieldOfVaultError', () => {
  it('maps the field main refused, and nothing else', () => {
    expect(fieldOfVaultError({ field: 'accessKeyId' })).toBe('accessKeyId');
    expect(fieldOfVaultError({ field: 'secretAccessKey' })).toBe('secretAccessKey');
    expect(fieldOfVaultError({ field: 'label' })).toBeUndefined();
    expect(fieldOfVaultError(undefined)).toBeUndefined();
  });
});
