import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { isPublicIpv4, lookUpMyIp, toCidr32 } from './my-ip';

let server: Server | undefined;
afterEach(() => server?.close());

describe('my IP', () => {
  it('accepts public IPv4 addresses only', () => {
    expect(isPublicIpv4('198.51.100.7')).toBe(true);
    for (const bad of ['10.0.0.1', '192.168.1.1', '172.20.0.1', '127.0.0.1', '256.1.1.1', '1.2.3', '1.2.3.4\n', '::1', '']) {
      expect(isPublicIpv4(bad), bad).toBe(false);
    }
    expect(toCidr32('203.0.113.9')).toBe('203.0.113.9/32');
    expect(() => toCidr32('10.1.2.3')).toThrow(expect.objectContaining({ code: 'ec2.invalidIp' }));
  });

  it('refuses a service that is not https', async () => {
    server = createServer((_req, res) => res.end('198.51.100.7\n'));
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await expect(lookUpMyIp(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ code: 'ec2.myIpNotHttps' });
  });

  it('explains when the service cannot be reached', async () => {
    await expect(lookUpMyIp('https://127.0.0.1:1/', 1000)).rejects.toMatchObject({ code: 'ec2.myIpUnavailable' });
  });
});
