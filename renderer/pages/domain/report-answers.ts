import type { DnsCheckInput, DnsReport } from '../../../common/contract/schemas/dns';
import { parseDomain } from '../../../common/dns/domain-name';

/** Whether a report is about this input (domain, www, address and resolvers), not an older one. */
export function reportAnswers(report: DnsReport, input: DnsCheckInput): boolean {
  const domain = parseDomain(input.domain);
  const publicRows = new Set(report.rows.filter((r) => r.resolver.kind === 'public').map((r) => r.resolver.address));
  const resolversMatch = !input.resolvers || (input.resolvers.length === publicRows.size && input.resolvers.every((r) => publicRows.has(r)));
  return domain.ok && report.domain === domain.ascii && report.expectedIpv4 === input.expectedIpv4 && report.names.length === (input.www ? 2 : 1) && resolversMatch;
}
