import type { HandlersFor } from '../../common/contract/types-helpers';
import type { DnsService } from './dns-service';

export function dnsHandlers(dns: DnsService): HandlersFor<'dns'> {
  return {
    'dns.saveDomain': (request) => dns.saveDomain(request),
    'dns.settings': () => dns.resolvers(),
    'dns.check': (request) => dns.check(request),
  };
}
