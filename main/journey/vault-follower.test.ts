import { describe, expect, it } from 'vitest';
import type { JourneyModel } from '../../common/contract/schemas/journey';
import type { SetupState } from '../../common/contract/schemas/setup';
import { goneItemIds, withoutMissingItems } from './vault-follower';

const base: SetupState = {
  version: 1,
  setupId: 's-1',
  currentPage: 'done',
  completed: [],
  choices: {},
  resources: { sshKeyItemId: 'k-1', keyPairName: 'onramp-key', consoleLoginItemId: 'login-1', iamAccessKeyItemId: 'key-1' },
};

describe('vault items follow their resources', () => {
  it('the setup stops pointing at items no longer in the vault', () => {
    expect(withoutMissingItems(base, new Set(['k-1', 'login-1', 'key-1']))).toBe(base);
    expect(withoutMissingItems(base, new Set(['k-1'])).resources).toEqual({ sshKeyItemId: 'k-1', keyPairName: 'onramp-key' });
    expect(withoutMissingItems(base, new Set()).resources).toEqual({});
  });

  it('keeps the server key recorded while its instance is (the model says the key is missing instead)', () => {
    const running = { ...base, resources: { ...base.resources, instanceId: 'i-1' } };
    expect(withoutMissingItems(running, new Set()).resources).toEqual({ instanceId: 'i-1', sshKeyItemId: 'k-1', keyPairName: 'onramp-key' });
  });

  it('offers for deletion each item whose resource is gone and that is still in the vault, once', () => {
    const model = {
      vaultItems: [
        { itemId: 'k-1', label: 'key', role: 'server-key', belongsTo: 'onramp-key', missing: false, gone: true },
        { itemId: 'key-1', label: 'ak', role: 'iam-access-key', belongsTo: 'onramp', missing: false, gone: true },
        { itemId: 'key-1', label: 'ak', role: 'aws-source', belongsTo: 'onramp', missing: false, gone: true },
        { itemId: 'login-1', label: 'login', role: 'console-login', belongsTo: 'onramp', missing: true, gone: true },
        { itemId: 'own', label: 'mine', role: 'own-server-key', belongsTo: 'srv', missing: false, gone: true },
        { itemId: 'k-2', label: 'live', role: 'server-key', belongsTo: 'other', missing: false, gone: false },
      ],
    } as Pick<JourneyModel, 'vaultItems'> as JourneyModel;
    expect(goneItemIds(model)).toEqual(['k-1', 'key-1']);
  });
});
