import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyring, type KeyringFixture } from '../testing/keyring-fixture';
import { classifyKeychainFailure, createKeytarKeychain } from './keychain';

describe('createKeytarKeychain against a real gnome-keyring', () => {
  let keyring: KeyringFixture;
  beforeAll(async () => {
    keyring = await startKeyring();
  });
  afterAll(async () => {
    await keyring?.stop();
  });

  it('keytar round-trips a value (set, get, delete)', async () => {
    const keychain = createKeytarKeychain();
    expect(await keychain.getPassword('Onramp-test', 'missing')).toBeNull();
    await keychain.setPassword('Onramp-test', 'acct', 'value-1');
    expect(await keychain.getPassword('Onramp-test', 'acct')).toBe('value-1');
    await keychain.setPassword('Onramp-test', 'acct', 'value-2');
    expect(await keychain.getPassword('Onramp-test', 'acct')).toBe('value-2');
    expect(await keychain.deletePassword('Onramp-test', 'acct')).toBe(true);
    expect(await keychain.deletePassword('Onramp-test', 'acct')).toBe(false);
    expect(await keychain.getPassword('Onramp-test', 'acct')).toBeNull();
  });

  it('keeps a 64 KB value intact', async () => {
    const keychain = createKeytarKeychain();
    const big = 'x'.repeat(65_536);
    await keychain.setPassword('Onramp-test', 'big', big);
    expect(await keychain.getPassword('Onramp-test', 'big')).toBe(big);
  });
});

describe('classifyKeychainFailure', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'noDbus'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'noSecretService'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'locked'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['libsecret-1.so.0: cannot open shared object file', 'moduleMissing'],
    ['something else', 'unknown'],
  ])('%s -> %s', (message, reason) => {
    expect(classifyKeychainFailure(message)).toBe(reason);
  });
});
