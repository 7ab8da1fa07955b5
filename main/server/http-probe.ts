/**
 * Asks the server over the network, from this computer (so a closed firewall
 * or security group shows): what port 80 answers for a Host.
 */
import http from 'node:http';

export type HttpProbe =
  | { reached: true; status: number; location?: string }
  | { reached: false; code: string };

export function probeHttp(host: string, domain: string, signal: AbortSignal, timeoutMs = 8000, path = '/'): Promise<HttpProbe> {
  return new Promise((resolve) => {
    const request = http.request({ host, port: 80, path, method: 'GET', headers: { Host: domain }, timeout: timeoutMs, signal }, (response) => {
      response.resume();
      resolve({ reached: true, status: response.statusCode ?? 0, location: response.headers.location });
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ reached: false, code: error.code ?? 'ERROR' }));
    request.end();
  });
}
