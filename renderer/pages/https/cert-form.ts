/** The HTTPS form as the page edits it, and its request for the contract. */
import type { DerivedFacts } from '../../../common/contract/schemas/journey';
import type { CertMode, HttpsRequestInput } from '../../../common/contract/schemas/server';

export interface CertFields {
  email: string;
  includeWww: boolean;
  hstsIncludeSubDomains: boolean;
  mode: CertMode;
  advanced: boolean;
  directoryUrl: string;
  caPem: string;
}

/** The form as main last saved it, defaults filled in by main (the journey model's derived.httpsForm). */
export function initialCertFields(saved: DerivedFacts['httpsForm']): CertFields {
  return {
    email: saved.email,
    includeWww: saved.includeWww,
    hstsIncludeSubDomains: saved.hstsIncludeSubDomains,
    mode: saved.mode,
    advanced: saved.acme !== undefined,
    directoryUrl: saved.acme?.directoryUrl ?? '',
    caPem: saved.acme?.caPem ?? '',
  };
}

export function requestOf(domain: string, fields: CertFields): HttpsRequestInput {
  return {
    domain,
    includeWww: fields.includeWww,
    email: fields.email.trim() === '' ? undefined : fields.email,
    mode: fields.mode,
    hstsIncludeSubDomains: fields.hstsIncludeSubDomains,
    acme: fields.advanced ? { directoryUrl: fields.directoryUrl.trim(), caPem: fields.caPem } : undefined,
  };
}
