/** The HTTPS form as the page edits it, and its request for the contract. */
import type { CertMode, HttpsRequestInput } from '../../../common/contract/schemas/server';
import type { SetupState } from '../../../common/contract/schemas/setup';

export interface CertFields {
  email: string;
  includeWww: boolean;
  hstsIncludeSubDomains: boolean;
  mode: CertMode;
  advanced: boolean;
  directoryUrl: string;
  caPem: string;
}

export function domainOf(setup: SetupState): string {
  return setup.choices.webServer?.domain ?? setup.choices.domain ?? '';
}

export function initialCertFields(setup: SetupState): CertFields {
  const saved = setup.choices.https;
  return {
    email: saved?.email ?? '',
    includeWww: saved?.includeWww ?? setup.choices.webServer?.includeWww ?? false,
    hstsIncludeSubDomains: saved?.hstsIncludeSubDomains ?? false,
    mode: saved?.mode ?? 'production',
    advanced: saved?.acme !== undefined,
    directoryUrl: saved?.acme?.directoryUrl ?? '',
    caPem: saved?.acme?.caPem ?? '',
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
