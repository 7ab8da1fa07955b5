/**
 * A stateful stand-in for IAM and STS, for the e2e only: users, groups,
 * login profiles, virtual MFA devices (with real Base32 seeds whose TOTP codes
 * it checks) and access keys, with AWS's own error codes for duplicates,
 * missing entities, wrong codes and the two-keys limit. Who is calling is
 * decided by the access key the request is signed with.
 */
import { randomBytes } from 'node:crypto';
import {
  EntityAlreadyExistsException,
  InvalidAuthenticationCodeException,
  LimitExceededException,
  NoSuchEntityException,
} from '@aws-sdk/client-iam';
import { base32Encode, currentStep, totpAt } from './totp';

export interface MockUser {
  name: string;
  tags: { Key: string; Value: string }[];
  groups: Set<string>;
  loginProfile?: { passwordResetRequired: boolean; password: string };
  mfaSerial?: string;
  /** Managed policy ARNs attached to the user itself, and its inline policy names. */
  attached?: Set<string>;
  inline?: Set<string>;
}
export interface MockGroup {
  name: string;
  attached: Set<string>;
  inline: Map<string, string>;
  createDate: Date;
}
export interface MockKey {
  accessKeyId: string;
  secretAccessKey: string;
  /** undefined = the root user. */
  userName: string | undefined;
}

const noSuch = (what: string) => new NoSuchEntityException({ message: `${what} cannot be found.`, $metadata: { httpStatusCode: 404 } });
const exists = (what: string) => new EntityAlreadyExistsException({ message: `${what} already exists.`, $metadata: { httpStatusCode: 409 } });
const keyId = () => `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;

export class SimulatedIamCrash extends Error {
  constructor(readonly afterCall: number) {
    super(`simulated crash after call ${afterCall}`);
    this.name = 'SimulatedIamCrash';
  }
}

export class IamState {
  readonly users = new Map<string, MockUser>();
  readonly groups = new Map<string, MockGroup>();
  readonly keys = new Map<string, MockKey>();
  readonly devices = new Map<string, { seed: string; user?: string }>();
  rootMfa = false;
  /** Every call that reached this account (IAM and STS), by action name. */
  readonly calls: string[] = [];
  private crashAt: number | undefined;
  private crashedAt: number | undefined;

  /**
   * The app dies right after call `n` (counted from now): that call is applied,
   * its answer never arrives, and nothing the dead process would send later
   * reaches AWS. `undefined` brings the process back.
   */
  crashAfter(n: number | undefined): void {
    this.crashAt = n === undefined ? undefined : this.calls.length + n;
    this.crashedAt = undefined;
  }

  get crashed(): boolean {
    return this.crashedAt !== undefined;
  }

  /** Wraps one call: refused after a crash, counted, and the crash raised after it when this is the chosen call. */
  async call<T>(name: string, apply: () => Promise<T>): Promise<T> {
    if (this.crashedAt !== undefined) throw new SimulatedIamCrash(this.crashedAt);
    this.calls.push(name);
    const crashHere = this.crashAt === this.calls.length;
    try {
      return await apply();
    } finally {
      if (crashHere) {
        this.crashedAt = this.calls.length;
        // eslint-disable-next-line no-unsafe-finally -- the crash replaces the answer, as a dead process never sees it
        throw new SimulatedIamCrash(this.calls.length);
      }
    }
  }
  /** IAM actions the mock refuses with AccessDenied, as an enforced policy would (e.g. 'GetUser'). */
  readonly refused = new Set<string>();

  constructor(readonly accountId: string, rootKey: { accessKeyId: string; secretAccessKey: string }) {
    this.keys.set(rootKey.accessKeyId, { ...rootKey, userName: undefined });
  }

  principalOf(accessKeyId: string | undefined): MockKey {
    const key = accessKeyId ? this.keys.get(accessKeyId) : undefined;
    if (!key) throw Object.assign(new Error('The security token included in the request is invalid.'), { name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
    return key;
  }

  arnOf(key: MockKey): string {
    return key.userName ? `arn:aws:iam::${this.accountId}:user/${key.userName}` : `arn:aws:iam::${this.accountId}:root`;
  }

  user(name: string): MockUser {
    const user = this.users.get(name);
    if (!user) throw noSuch(`The user with name ${name}`);
    return user;
  }

  group(name: string): MockGroup {
    const group = this.groups.get(name);
    if (!group) throw noSuch(`The group with name ${name}`);
    return group;
  }

  createGroup(name: string): void {
    if (this.groups.has(name)) throw exists(`Group with name ${name}`);
    this.groups.set(name, { name, attached: new Set(), inline: new Map(), createDate: new Date() });
  }

  createUser(name: string, tags: { Key: string; Value: string }[]): MockUser {
    if (this.users.has(name)) throw exists(`User with name ${name}`);
    const user: MockUser = { name, tags, groups: new Set() };
    this.users.set(name, user);
    return user;
  }

  createLoginProfile(name: string, password: string, passwordResetRequired: boolean): void {
    const user = this.user(name);
    if (user.loginProfile) throw exists(`Login Profile for user ${name}`);
    user.loginProfile = { password, passwordResetRequired };
  }

  createVirtualMfaDevice(name: string): { serial: string; seed: string } {
    const serial = `arn:aws:iam::${this.accountId}:mfa/${name}`;
    if (this.devices.has(serial)) throw exists(`MFADevice entity at the same path and name`);
    const seed = base32Encode(randomBytes(40));
    this.devices.set(serial, { seed });
    return { serial, seed };
  }

  enableMfa(userName: string, serial: string, code1: string, code2: string): void {
    const user = this.user(userName);
    const device = this.devices.get(serial);
    if (!device) throw noSuch(`VirtualMFADevice ${serial}`);
    if (device.user) throw exists('MFA device already in use');
    const now = currentStep();
    const ok = [-2, -1, 0, 1, 2].some((delta) => totpAt(device.seed, now + delta) === code1 && totpAt(device.seed, now + delta + 1) === code2);
    if (!ok) throw new InvalidAuthenticationCodeException({ message: 'Authentication code for device is not valid.', $metadata: { httpStatusCode: 403 } });
    device.user = userName;
    user.mfaSerial = serial;
  }

  createAccessKey(userName: string | undefined): MockKey {
    if (userName) this.user(userName);
    const owned = [...this.keys.values()].filter((key) => key.userName === userName);
    if (owned.length >= 2) throw new LimitExceededException({ message: 'Cannot exceed quota for AccessKeysPerUser: 2', $metadata: { httpStatusCode: 409 } });
    const key: MockKey = { accessKeyId: keyId(), secretAccessKey: randomBytes(30).toString('base64').replace(/[^A-Za-z0-9]/g, 'x'), userName };
    this.keys.set(key.accessKeyId, key);
    return key;
  }

  keysOf(userName: string | undefined): MockKey[] {
    return [...this.keys.values()].filter((key) => key.userName === userName);
  }
}
