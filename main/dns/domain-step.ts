/**
 * The Domain step. Done when the live DNS check passes for
 * the saved domain (and www when chosen) against the server's address: the
 * Elastic IP, the own server's IPv4 host, or the address typed in.
 */
import { dnsTargetOf } from '../../common/dns/target';
import type { DnsReport } from '../../common/contract/schemas/dns';
import type { MessageRef } from '../../common/contract/schemas/operations';
import type { DnsService } from './dns-service';
import type { StepDefinition } from '../setup/step';

export function domainStep(dns: Pick<DnsService, 'check'>): StepDefinition {
  return {
    id: 'domain',
    /** A new domain, www choice or target address: check again. */
    watch: (setup) => [setup.choices.domain, setup.choices.www ?? false, dnsTargetOf(setup)?.ip],
    async check({ setup, signal }) {
      const domain = setup.choices.domain;
      if (!domain) return { done: false, detail: { key: 'dns:step.noDomain' } };
      const target = dnsTargetOf(setup);
      if (!target) return { done: false, detail: { key: 'dns:step.noTarget' } };
      const report = await dns.check({ domain, www: setup.choices.www ?? false, expectedIpv4: target.ip }, { signal });
      return { done: report.pass, detail: reportDetail(report) };
    },
  };
}

/** The step's one-line status: passing, or the first problem found. */
export function reportDetail(report: DnsReport): MessageRef {
  const first = report.problems[0];
  if (report.pass || !first) return { key: 'dns:step.pass', values: { domain: report.unicodeDomain, ip: report.expectedIpv4 } };
  return { key: `dns:problems.${first.code}.title`, values: { ...first.values } };
}
