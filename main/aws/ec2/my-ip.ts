/**
 * The user's public IPv4, for "SSH from my IP only": asked of a configurable
 * HTTPS "what is my IP" service that answers with the address as plain text.
 * The answer is validated strictly; the user can always type the IP instead.
 */
import { AppError } from '../../../common/errors';

export const DEFAULT_MY_IP_URL = 'https://checkip.amazonaws.com/';
const MAX_BODY = 256;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isPublicIpv4(ip: string): boolean {
  if (!IPV4.test(ip)) return false;
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return !(a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || a >= 224);
}

export async function lookUpMyIp(url: string = DEFAULT_MY_IP_URL, timeoutMs = 5000): Promise<string> {
  if (!url.startsWith('https://')) throw new AppError('ec2.myIpNotHttps', 'The what-is-my-IP service must use https', {});
  let text: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = (await response.text()).slice(0, MAX_BODY).trim();
  } catch {
    throw new AppError('ec2.myIpUnavailable', 'Could not look up your public IP', { url });
  }
  if (!isPublicIpv4(text)) throw new AppError('ec2.myIpUnavailable', 'The what-is-my-IP service gave no public IPv4', { url });
  return text;
}

export function toCidr32(ip: string): string {
  if (!isPublicIpv4(ip)) throw new AppError('ec2.invalidIp', 'Not a public IPv4 address', { ip });
  return `${ip}/32`;
}
