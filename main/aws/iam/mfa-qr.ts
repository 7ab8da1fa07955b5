/**
 * The QR image for a virtual MFA device, made in main: the PNG AWS returns
 * (QRCodePNG) when it really is a PNG, otherwise one rendered with `qrcode`
 * from the otpauth:// URI built from the Base32 seed. The result is a
 * `data:image/png;base64,…` URL. It encodes the seed, so it is shown once and
 * never stored.
 */
import QRCode from 'qrcode';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const MFA_ISSUER = 'Amazon Web Services';

export function isPng(bytes: Uint8Array | undefined): bytes is Uint8Array {
  return bytes !== undefined && bytes.length > PNG_MAGIC.length && Buffer.from(bytes.subarray(0, PNG_MAGIC.length)).equals(PNG_MAGIC);
}

/** otpauth://totp/<issuer>:<label>?secret=<base32>&issuer=<issuer> (Key Uri Format, as the console's QR). */
export function otpauthUri(label: string, base32Seed: string): string {
  const issuer = encodeURIComponent(MFA_ISSUER);
  return `otpauth://totp/${issuer}:${encodeURIComponent(label)}?secret=${base32Seed}&issuer=${issuer}`;
}

export async function mfaQrDataUrl(png: Uint8Array | undefined, label: string, base32Seed: string): Promise<string> {
  if (isPng(png)) return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  return QRCode.toDataURL(otpauthUri(label, base32Seed), { errorCorrectionLevel: 'M', margin: 2, width: 240 });
}
