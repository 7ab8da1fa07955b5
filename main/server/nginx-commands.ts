/**
 * The remote commands of the Web server step, built from validated values and
 * quoted (shell-quote.ts). Kept as data so tests and the UI can show exactly
 * what will be typed.
 */
import type { RemoteStep } from './remote-steps';
import { shellCommand, shellQuote } from './shell-quote';

export const installNginxStep: RemoteStep = {
  id: 'installNginx',
  phase: 'server:phases.installNginx',
  skipIf: 'sudo -n nginx -v',
  command: 'sudo DEBIAN_FRONTEND=noninteractive apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx',
  failure: 'server.nginxInstallFailed',
  timeoutMs: 10 * 60_000,
};

export const nginxCommands = {
  readFile: (path: string) => `sudo -n cat ${shellQuote(path)}`,
  fileExists: (path: string) => `sudo -n test -s ${shellQuote(path)}`,
  /** nginx's version line goes to stderr ("nginx version: nginx/1.22.1"). */
  version: 'sudo -n nginx -v 2>&1',
  /** The host has IPv6 when the kernel lists at least one IPv6 address (::1 included; procfs files report size 0, so not `test -s`). */
  hasIpv6: 'grep -q . /proc/net/if_inet6 2>/dev/null',
  isSymlink: (path: string) => `sudo -n test -L ${shellQuote(path)}`,
  install: (temp: string, target: string) => `${shellCommand('sudo', 'install', '-m', '644', temp, target)} && ${shellCommand('rm', '-f', temp)}`,
  enable: (available: string, enabled: string) => shellCommand('sudo', 'ln', '-sfn', available, enabled),
  remove: (...paths: string[]) => shellCommand('sudo', 'rm', '-f', ...paths),
  test: 'sudo nginx -t',
  testQuiet: 'sudo -n nginx -t',
  /** `nginx -T`: the whole configuration as nginx reads it. */
  dump: 'sudo -n nginx -T',
  hasSystemd: 'test -d /run/systemd/system',
  isRunning: `sudo -n sh -c 'kill -0 "$(cat /run/nginx.pid 2>/dev/null)" 2>/dev/null'`,
  reloadSystemd: 'sudo systemctl reload-or-restart nginx',
  reload: 'sudo nginx -s reload',
  start: 'sudo nginx',
  /**
   * What nginx on the server answers for the domain: the response headers,
   * then the HTTP status on the last line ('000' = nothing answered). Over
   * https the name resolves to the server itself and the certificate is not
   * checked here (https-verify.ts checks it from this computer).
   */
  answerFor: (domain: string, scheme: 'http' | 'https' = 'http') =>
    scheme === 'http'
      ? `curl -sS -o /dev/null -D - -m 5 -w '\n%{http_code}' -H ${shellQuote(`Host: ${domain}`)} http://127.0.0.1/`
      : `curl -sS -k -o /dev/null -D - -m 5 -w '\n%{http_code}' --resolve ${shellQuote(`${domain}:443:127.0.0.1`)} ${shellQuote(`https://${domain}/`)}`,
  /** Whether anything listens on the app's port on the server. */
  appListening: (port: number) => `(ss -Hltn 2>/dev/null || netstat -ltn 2>/dev/null) | grep -Eq ${shellQuote(`[:.]${port}[[:space:]]`)}`,
};
