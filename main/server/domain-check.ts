/**
 * The HTTPS preflight's DNS check, as an injected function, so the server
 * capability does not depend on main/dns: the composition root wires in the
 * Domain step's own checker (DnsService: the NS walk, the public resolvers,
 * A/AAAA/CAA), so the preflight and the Domain page never disagree.
 */
import type { MessageRef } from '../../common/contract/schemas/operations';

export interface DomainCheckRequest {
  domain: string;
  expectedIpv4: string;
  signal: AbortSignal;
}

export interface DomainCheckReport {
  pass: boolean;
  /** Translated explanations with the fix, one per problem found. */
  reasons: MessageRef[];
}

export type DomainCheck = (request: DomainCheckRequest) => Promise<DomainCheckReport>;
