/**
 * The HTTPS step: done when, seen from here, http answers 301 to https and the
 * TLS handshake with SNI gives a certificate for the domain whose chain
 * verifies (against the system's roots, plus the custom ACME CA when the step
 * used one). A cheap check: no renew dry run (the operations do that).
 */
import { domainName } from '../../../common/contract/schemas/server';
import { probeHttp } from '../http-probe';
import { probeTls } from '../tls-probe';
import type { ServerStepDeps } from '../server-deps';
import type { CheckResult, StepDefinition } from '../../setup/step';
import { chosenDomain, isServer, reachableServer } from './server-reach';

export function httpsStep(deps: Pick<ServerStepDeps, 'knownHosts'>): StepDefinition {
  return {
    id: 'https',
    watch: (setup) => [chosenDomain(setup), setup.choices.https, setup.choices.ownServer, setup.choices.path, setup.resources.elasticIp],
    recheckOn: ['hostKeyPinned'], // a host key trusted in a terminal makes the check possible
    async check({ setup, signal }): Promise<CheckResult> {
      const domain = domainName.safeParse(chosenDomain(setup) ?? '');
      if (!domain.success) return { done: false, detail: { key: 'server:check.noDomain' } };
      const server = await reachableServer(deps, setup);
      if (!isServer(server)) return server;
      const host = server.target.host;
      const redirect = await probeHttp(host, domain.data, signal, 5000, '/onramp-check');
      if (!redirect.reached || (redirect.status !== 301 && redirect.status !== 308)) return { done: false, detail: { key: 'server:check.noRedirect' } };
      const tls = await probeTls(host, domain.data, setup.choices.https?.acme?.caPem, signal, 5000);
      const cert = tls.certificate;
      if (!cert) return { done: false, detail: { key: 'server:verify.noTls', values: { code: tls.error ?? 'none' } } };
      if (!cert.chainValid || !cert.names.includes(domain.data)) {
        return { done: false, detail: { key: 'server:verify.certificateInvalid', values: { error: cert.chainError ?? 'name', issuer: cert.issuer } } };
      }
      return { done: true, detail: { key: 'server:check.httpsValid', values: { domain: domain.data, validTo: cert.validTo.slice(0, 10), days: cert.daysLeft } } };
    },
  };
}
