/**
 * Virtual MFA for the IAM user, in three main-side steps the page drives:
 * begin (CreateVirtualMFADevice, the QR), enable (two codes, EnableMFADevice)
 * or cancel (DeleteVirtualMFADevice). The Base32 seed lives only in this
 * process's memory between begin and enable/cancel (at most ENROLLMENT_TTL_MS),
 * and is wiped after; it is never written anywhere. The renderer gets the QR
 * image for display and, only on an explicit "Can't scan it?", the key text.
 */
import {
  CreateVirtualMFADeviceCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { randomUUID } from 'node:crypto';

import { hasAwsCode, iamError, toIamError } from './iam-errors';
import { mfaQrDataUrl } from './mfa-qr';

export const ENROLLMENT_TTL_MS = 10 * 60 * 1000;

interface Enrollment {
  iam: IAMClient;
  userName: string;
  serialNumber: string;
  seed: Buffer;
  timer: NodeJS.Timeout;
}

export type BeginMfaResult =
  | { status: 'already-enabled'; serialNumber: string }
  | { status: 'pending'; enrollmentId: string; serialNumber: string; deviceName: string; qrDataUrl: string };

/** `<account alias or id>-<user>`, cut to what IAM accepts ([\w+=,.@-], 226 characters). */
export function mfaDeviceName(accountLabel: string, userName: string): string {
  return `${accountLabel}-${userName}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 226);
}

export async function mfaSerialOf(iam: IAMClient, userName: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    const out = await iam.send(new ListMFADevicesCommand({ UserName: userName }), { abortSignal: signal });
    return out.MFADevices?.[0]?.SerialNumber;
  } catch (error) {
    throw toIamError(error, 'iam:ListMFADevices');
  }
}

async function unassignedDeviceNamed(iam: IAMClient, deviceName: string, signal?: AbortSignal): Promise<string | undefined> {
  let marker: string | undefined;
  try {
    do {
      const page = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned', Marker: marker }), { abortSignal: signal });
      const found = (page.VirtualMFADevices ?? []).find((device) => device.SerialNumber?.endsWith(`:mfa/${deviceName}`));
      if (found?.SerialNumber) return found.SerialNumber;
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
  } catch (error) {
    throw toIamError(error, 'iam:ListVirtualMFADevices');
  }
  return undefined;
}

async function deleteDevice(iam: IAMClient, serialNumber: string, signal?: AbortSignal): Promise<void> {
  try {
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serialNumber }), { abortSignal: signal });
  } catch (error) {
    if (!hasAwsCode(error, 'NoSuchEntity')) throw toIamError(error, 'iam:DeleteVirtualMFADevice');
  }
}

async function createDevice(iam: IAMClient, deviceName: string, signal?: AbortSignal) {
  const create = () => iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: deviceName }), { abortSignal: signal });
  try {
    return await create();
  } catch (error) {
    if (!hasAwsCode(error, 'EntityAlreadyExists')) throw toIamError(error, 'iam:CreateVirtualMFADevice');
  }
  // Left by a run that never finished: its seed is gone, so replace it.
  const leftover = await unassignedDeviceNamed(iam, deviceName, signal);
  if (!leftover) throw iamError('mfaAlreadyEnabled', `An MFA device named ${deviceName} is already in use`, { deviceName });
  await deleteDevice(iam, leftover, signal);
  try {
    return await create();
  } catch (error) {
    throw toIamError(error, 'iam:CreateVirtualMFADevice');
  }
}

export class MfaEnrollments {
  private readonly pending = new Map<string, Enrollment>();

  constructor(private readonly ttlMs = ENROLLMENT_TTL_MS) {}

  async begin(iam: IAMClient, { userName, accountLabel }: { userName: string; accountLabel: string }, signal?: AbortSignal): Promise<BeginMfaResult> {
    const assigned = await mfaSerialOf(iam, userName, signal);
    if (assigned) return { status: 'already-enabled', serialNumber: assigned };
    const deviceName = mfaDeviceName(accountLabel, userName);
    const out = await createDevice(iam, deviceName, signal);
    const device = out.VirtualMFADevice;
    const seedBytes = device?.Base32StringSeed;
    if (!device?.SerialNumber || !seedBytes) throw toIamError(new Error('CreateVirtualMFADevice returned no device'), 'iam:CreateVirtualMFADevice');
    const seed = Buffer.from(seedBytes);
    seedBytes.fill(0);
    const qrDataUrl = await mfaQrDataUrl(device.QRCodePNG, deviceName, seed.toString('ascii'));
    device.QRCodePNG?.fill(0);
    const enrollmentId = randomUUID();
    const timer = setTimeout(() => void this.cancel(enrollmentId).catch(() => undefined), this.ttlMs);
    timer.unref();
    this.pending.set(enrollmentId, { iam, userName, serialNumber: device.SerialNumber, seed, timer });
    return { status: 'pending', enrollmentId, serialNumber: device.SerialNumber, deviceName, qrDataUrl };
  }

  /** The Base32 key for typing by hand; only on the user's explicit "Can't scan it?". */
  revealKey(enrollmentId: string): string {
    return this.get(enrollmentId).seed.toString('ascii');
  }

  async enable(enrollmentId: string, codes: [string, string], signal?: AbortSignal): Promise<{ serialNumber: string }> {
    const enrollment = this.get(enrollmentId);
    try {
      await enrollment.iam.send(
        new EnableMFADeviceCommand({
          UserName: enrollment.userName,
          SerialNumber: enrollment.serialNumber,
          AuthenticationCode1: codes[0],
          AuthenticationCode2: codes[1],
        }),
        { abortSignal: signal },
      );
    } catch (error) {
      throw toIamError(error, 'iam:EnableMFADevice'); // the enrollment stays: the user may try two new codes
    }
    this.forget(enrollmentId);
    return { serialNumber: enrollment.serialNumber };
  }

  /** Deletes the unassigned device and wipes its seed. Unknown ids are a no-op. */
  async cancel(enrollmentId: string): Promise<void> {
    const enrollment = this.pending.get(enrollmentId);
    if (!enrollment) return;
    this.forget(enrollmentId);
    await deleteDevice(enrollment.iam, enrollment.serialNumber);
  }

  /** Cancels every pending enrollment (app quit). */
  async cancelAll(): Promise<void> {
    await Promise.allSettled([...this.pending.keys()].map((id) => this.cancel(id)));
  }

  get size(): number {
    return this.pending.size;
  }

  private get(enrollmentId: string): Enrollment {
    const enrollment = this.pending.get(enrollmentId);
    if (!enrollment) throw iamError('mfaEnrollmentExpired', 'This MFA setup has expired or was cancelled; start again');
    return enrollment;
  }

  private forget(enrollmentId: string): void {
    const enrollment = this.pending.get(enrollmentId);
    if (!enrollment) return;
    clearTimeout(enrollment.timer);
    enrollment.seed.fill(0);
    this.pending.delete(enrollmentId);
  }
}
