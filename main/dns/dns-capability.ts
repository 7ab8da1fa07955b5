/** DNS as a capability: the Domain step, its live check operation, and the `dns.*` handlers, over one DnsService. */
import type { Capability } from '../setup/capability';
import { dnsHandlers } from './dns-handlers';
import type { DnsService } from './dns-service';
import { domainCheckOperation } from './domain-operation';
import { domainStep } from './domain-step';

export function createDnsCapability(dns: DnsService) {
  return {
    steps: [domainStep(dns)],
    operations: [domainCheckOperation(dns)],
    handlers: dnsHandlers(dns),
    dispose: () => undefined,
  } satisfies Capability;
}
