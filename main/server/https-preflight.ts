/**
 * The HTTPS preflight, run before anything asks the CA (Let's Encrypt allows
 * 5 failed authorizations per hostname, one back every 12 minutes): DNS points at the server (injected
 * check, main/dns), ports 80/443 open in the security group (injected reader;
 * skipped for a server of your own), port 80 answers from here, `nginx -t`
 * passes, and a port-80 server block names every certificate name.
 */
import type { MessageRef } from '../../common/contract/schemas/operations';
import type { HttpsRequest, PreflightCheck, PreflightReport } from '../../common/contract/schemas/server';
import { certificateNames } from './certbot-command';
import type { DomainCheck } from './domain-check';
import { probeHttp } from './http-probe';
import { nginxCommands as cmd } from './nginx-commands';
import { listensOnPort, serverBlocks } from './nginx-directives';
import { parseNginxTestOutput } from './nginx-test-output';
import type { RemoteShell } from './remote';
import { serverIpv4 } from './step-server';

/**
 * Reads which of the given ports the instance's security groups open to the
 * world. Implemented by the EC2 capability (DescribeInstances +
 * DescribeSecurityGroups); until it is wired, instances get a "could not
 * check" warning rather than a guess.
 */
export interface SecurityGroupReader {
  openPorts(instanceId: string, ports: number[], signal: AbortSignal): Promise<number[]>;
}

export interface PreflightDeps {
  remote: RemoteShell;
  host: string;
  byo: boolean;
  instanceId?: string;
  domainCheck: DomainCheck;
  securityGroups?: SecurityGroupReader;
  signal: AbortSignal;
}

export async function runPreflight(request: HttpsRequest, deps: PreflightDeps): Promise<PreflightReport> {
  const names = certificateNames(request);
  const checks: PreflightCheck[] = [
    await nginxTestCheck(deps.remote),
    await serverNameCheck(deps.remote, names),
    await port80Check(deps.host, names[0] ?? request.domain, deps.signal, deps.byo),
    await firewallCheck(deps),
    await dnsCheck(deps, names),
  ];
  return { pass: checks.every((check) => check.state !== 'fail'), checks };
}

async function nginxTestCheck(remote: RemoteShell): Promise<PreflightCheck> {
  const result = await remote.exec(cmd.testQuiet, { timeoutMs: 30_000 });
  if (result.code === 0) return { id: 'nginxTest', state: 'pass' };
  const error = parseNginxTestOutput(result.stderr).find((m) => m.level !== 'warn');
  const where = error?.file ? `${error.file}:${error.line ?? ''}` : '';
  return { id: 'nginxTest', state: 'fail', detail: { key: 'server:preflight.nginxTestFailed', values: { message: (error?.message ?? result.stderr.trim()).slice(0, 300), where } } };
}

async function serverNameCheck(remote: RemoteShell, names: string[]): Promise<PreflightCheck> {
  const dump = await remote.exec(cmd.dump, { timeoutMs: 30_000, maxOutputBytes: 4 * 1024 * 1024 });
  if (dump.code !== 0) return { id: 'serverName', state: 'fail', detail: { key: 'server:preflight.nginxTestFailed', values: { message: dump.stderr.trim().slice(0, 300), where: '' } } };
  const onPort80 = serverBlocks(dump.stdout).filter((block) => block.listens.some((listen) => listensOnPort(listen, 80)) || block.listens.length === 0);
  const served = new Set(onPort80.flatMap((block) => block.names.map((name) => name.toLowerCase())));
  const missing = names.filter((name) => !served.has(name));
  if (missing.length === 0) return { id: 'serverName', state: 'pass' };
  return { id: 'serverName', state: 'fail', detail: { key: 'server:preflight.serverNameMissing', values: { names: missing.join(', ') } } };
}

async function port80Check(host: string, domain: string, signal: AbortSignal, byo: boolean): Promise<PreflightCheck> {
  const probe = await probeHttp(host, domain, signal);
  if (probe.reached) return { id: 'port80', state: 'pass', detail: { key: 'server:preflight.port80Answered', values: { status: probe.status } } };
  // The advice names the firewall the server has: a security group on EC2, the server's own on a server you already have.
  return { id: 'port80', state: 'fail', detail: { key: byo ? 'server:preflight.port80ClosedOwnServer' : 'server:preflight.port80Closed', values: { host, code: probe.code } } };
}

async function firewallCheck(deps: PreflightDeps): Promise<PreflightCheck> {
  if (deps.byo) return { id: 'firewall', state: 'skipped', detail: { key: 'server:preflight.firewallOwnServer' } };
  if (!deps.instanceId || !deps.securityGroups) return { id: 'firewall', state: 'warn', detail: { key: 'server:preflight.firewallUnknown' } };
  const open = await deps.securityGroups.openPorts(deps.instanceId, [80, 443], deps.signal);
  const closed = [80, 443].filter((port) => !open.includes(port));
  if (closed.length === 0) return { id: 'firewall', state: 'pass' };
  return { id: 'firewall', state: 'fail', detail: { key: 'server:preflight.firewallClosed', values: { ports: closed.join(', ') } } };
}

async function dnsCheck(deps: PreflightDeps, names: string[]): Promise<PreflightCheck> {
  const expectedIpv4 = await serverIpv4(deps.host);
  const reasons: MessageRef[] = [];
  for (const domain of names) {
    const report = await deps.domainCheck({ domain, expectedIpv4, signal: deps.signal });
    if (!report.pass) reasons.push(...report.reasons);
  }
  if (reasons.length === 0) return { id: 'dns', state: 'pass', detail: { key: 'server:preflight.dnsPoints', values: { ip: expectedIpv4 } } };
  return { id: 'dns', state: 'fail', reasons: reasons.slice(0, 20) };
}
