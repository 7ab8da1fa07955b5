/** Virtual MFA: QR from AWS's PNG or rendered in main, the reveal, two codes, cancel, leftovers. */
import {
  CreateVirtualMFADeviceCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  EntityAlreadyExistsException,
  IAMClient,
  InvalidAuthenticationCodeException,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { isPng, otpauthUri } from './mfa-qr';
import { MfaEnrollments, mfaDeviceName } from './virtual-mfa';

const iamMock = mockClient(IAMClient);
const iam = new IAMClient({ region: 'us-east-1' });
const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SERIAL = 'arn:aws:iam::123456789012:mfa/acme-dev';
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function device(qr?: Uint8Array) {
  return () => ({ VirtualMFADevice: { SerialNumber: SERIAL, Base32StringSeed: new Uint8Array(Buffer.from(SEED)), ...(qr ? { QRCodePNG: new Uint8Array(qr) } : {}) } });
}

let enrollments: MfaEnrollments;
beforeEach(() => {
  enrollments = new MfaEnrollments();
  iamMock.on(ListMFADevicesCommand).resolves({ MFADevices: [] });
});
afterEach(async () => {
  await enrollments.cancelAll();
  iamMock.reset();
});

describe('MfaEnrollments', () => {
  it('names the device <account>-<user> and shows the PNG AWS returned', async () => {
    iamMock.on(CreateVirtualMFADeviceCommand).callsFake(device(PNG_1PX));
    const begun = await enrollments.begin(iam, { userName: 'dev', accountLabel: 'acme' });

    expect(iamMock.commandCalls(CreateVirtualMFADeviceCommand)[0]?.args[0].input.VirtualMFADeviceName).toBe('acme-dev');
    expect(begun).toMatchObject({ status: 'pending', deviceName: 'acme-dev', serialNumber: SERIAL, qrDataUrl: `data:image/png;base64,${PNG_1PX.toString('base64')}` });
  });

  it('renders the otpauth:// URI as a PNG in main when AWS sent no image', async () => {
    iamMock.on(CreateVirtualMFADeviceCommand).callsFake(device(Buffer.from('not a png at all')));
    const begun = await enrollments.begin(iam, { userName: 'dev', accountLabel: 'acme' });
    if (begun.status !== 'pending') throw new Error('expected pending');
    const png = Buffer.from(begun.qrDataUrl.replace('data:image/png;base64,', ''), 'base64');
    expect(isPng(png)).toBe(true);
    expect(png.length).toBeGreaterThan(200);
    expect(begun.qrDataUrl).not.toContain(SEED);
  });

  it('reveals the key only on request and forgets it once MFA is enabled', async () => {
    iamMock.on(CreateVirtualMFADeviceCommand).callsFake(device());
    iamMock.on(EnableMFADeviceCommand).resolves({});
    const begun = await enrollments.begin(iam, { userName: 'dev', accountLabel: 'acme' });
    if (begun.status !== 'pending') throw new Error('expected pending');

    expect(enrollments.revealKey(begun.enrollmentId)).toBe(SEED);
    await expect(enrollments.enable(begun.enrollmentId, ['123456', '654321'])).resolves.toEqual({ serialNumber: SERIAL });
    expect(iamMock.commandCalls(EnableMFADeviceCommand)[0]?.args[0].input).toEqual({
      UserName: 'dev',
      SerialNumber: SERIAL,
      AuthenticationCode1: '123456',
      AuthenticationCode2: '654321',
    });
    expect(() => enrollments.revealKey(begun.enrollmentId)).toThrow(expect.objectContaining({ code: 'iam.mfaEnrollmentExpired' }));
    expect(enrollments.size).toBe(0);
  });

  it('explains wrong codes and lets the user try again with the same device', async () => {
    iamMock.on(CreateVirtualMFADeviceCommand).callsFake(device());
    iamMock.on(EnableMFADeviceCommand).rejectsOnce(new InvalidAuthenticationCodeException({ message: 'Authentication code for device is not valid.', $metadata: {} })).resolves({});
    const begun = await enrollments.begin(iam, { userName: 'dev', accountLabel: 'acme' });
    if (begun.status !== 'pending') throw new Error('expected pending');

    await expect(enrollments.enable(begun.enrollmentId, ['111111', '222222'])).rejects.toMatchObject({ code: 'iam.invalidAuthenticationCode' });
    await expect(enrollments.enable(begun.enrollmentId, ['333333', '444444'])).resolves.toEqual({ serialNumber: SERIAL });
  });

  it('deletes the unassigned device on cancel', async () => {
    iamMock.on(CreateVirtualMFADeviceCommand).callsFake(device());
    iamMock.on(DeleteVirtualMFADeviceCommand).resolves({});
    const begun = await enrollments.begin(iam, { userName: 'dev', accountLabel: 'acme' });
    if (begun.status !== 'pending') throw new Error('expected pending');

    await enrollments.cancel(begun.enrollmentId);

    expect(iamMock.commandCalls(DeleteVirtualMFADeviceCommand)[0]?.args[0].input).toEqual({ SerialNumber: SERIAL });
    expect(enrollments.size).toBe(0);
  });

  it('deletes the device when nobody finishes within the time limit', async () => {
    const short = new MfaEnrollments(50);
    iamMock.on(CreateVirtualMFADeviceCommand).callsFake(device());
    iamMock.on(DeleteVirtualMFADeviceCommand).resolves({});
    await short.begin(iam, { userName: 'dev', accountLabel: 'acme' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(short.size).toBe(0);
    expect(iamMock.commandCalls(DeleteVirtualMFADeviceCommand)).toHaveLength(1);
  });

  it('makes nothing when the user already has MFA', async () => {
    iamMock.on(ListMFADevicesCommand).resolves({ MFADevices: [{ UserName: 'dev', SerialNumber: SERIAL, EnableDate: new Date() }] });
    await expect(enrollments.begin(iam, { userName: 'dev', accountLabel: 'acme' })).resolves.toEqual({ status: 'already-enabled', serialNumber: SERIAL });
    expect(iamMock.commandCalls(CreateVirtualMFADeviceCommand)).toHaveLength(0);
  });

  it('replaces an unassigned device left by an earlier run (its seed is gone)', async () => {
    iamMock.on(CreateVirtualMFADeviceCommand).rejectsOnce(new EntityAlreadyExistsException({ message: 'exists', $metadata: {} })).callsFake(device());
    iamMock.on(ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [{ SerialNumber: SERIAL }] });
    iamMock.on(DeleteVirtualMFADeviceCommand).resolves({});

    await expect(enrollments.begin(iam, { userName: 'dev', accountLabel: 'acme' })).resolves.toMatchObject({ status: 'pending' });
    expect(iamMock.commandCalls(DeleteVirtualMFADeviceCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(CreateVirtualMFADeviceCommand)).toHaveLength(2);
  });
});

describe('names and URIs', () => {
  it('keeps device names within what IAM accepts', () => {
    expect(mfaDeviceName('123456789012', 'dev')).toBe('123456789012-dev');
    expect(mfaDeviceName('acme', 'a b/c')).toBe('acme-a-b-c');
  });

  it('builds the Key Uri Format the authenticator apps read', () => {
    expect(otpauthUri('acme-dev', 'ABCDEF')).toBe('otpauth://totp/Amazon%20Web%20Services:acme-dev?secret=ABCDEF&issuer=Amazon%20Web%20Services');
  });
});
