/**
 * apt inside a machine reaches the configured mirror (which also serves the
 * Ubuntu archive at /ubuntu) only through this forwarder: socat on the host's
 * end of the veth, named as apt's HTTP proxy by a bind-mounted
 * /etc/apt/apt.conf.d/01proxy. The mirror is read from the host's apt
 * sources at run time, never written into the project.
 */
import { readFileSync } from 'node:fs';
import { startDaemon, waitForPort, type Daemon } from '../child-process';

export const APT_FORWARDER_PORT = 3142;

/** host:port of the mirror named first in /etc/apt/sources.list.d/debian.sources. */
export function mirrorAddress(sources = '/etc/apt/sources.list.d/debian.sources'): { host: string; port: number } {
  const uri = /^URIs:\s*(\S+)/m.exec(readFileSync(sources, 'utf8'))?.[1];
  if (!uri) throw new Error(`no URIs: line in ${sources}`);
  const url = new URL(uri);
  if (url.protocol !== 'http:') throw new Error(`the apt forwarder needs an http:// mirror, ${sources} names ${url.protocol}`);
  return { host: url.hostname, port: Number(url.port || 80) };
}

/** apt's proxy, and no Translation-en indexes (a third of what `apt-get update` fetches, never read by a test). */
export function aptProxyConf(hostAddress: string): string {
  return `Acquire::http::Proxy "http://${hostAddress}:${APT_FORWARDER_PORT}/";\nAcquire::Languages "none";\n`;
}

export async function startAptForwarder(hostAddress: string): Promise<Daemon> {
  const mirror = mirrorAddress();
  const daemon = startDaemon('socat', [`TCP-LISTEN:${APT_FORWARDER_PORT},bind=${hostAddress},fork,reuseaddr`, `TCP:${mirror.host}:${mirror.port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await waitForPort(APT_FORWARDER_PORT, hostAddress, 5_000);
  } catch (error) {
    await daemon.stop();
    throw new Error(`the apt forwarder did not start: ${daemon.output()} ${String(error)}`);
  }
  return daemon;
}
