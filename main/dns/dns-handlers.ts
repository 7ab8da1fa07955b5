import type { HandlersFor } from '../../common/contract/types';
import type { DnsService } from './dns-service';

/** The Domain page's channels; the check itself runs as the `domain.check` operation (./domain-operation.ts). */
export function dnsHandlers(dns: DnsService): HandlersFor<'dns'> {
  return {
    'dns.saveDomain': (request) => dns.saveDomain(request),
    'dns.settings': () => dns.resolvers(),
  };
}
