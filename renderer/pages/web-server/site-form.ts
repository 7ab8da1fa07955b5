/** The Web server form as the page edits it (strings), and its request shape for the contract. */
import type { DerivedFacts } from '../../../common/contract/schemas/journey';
import type { WebServerFormInput } from '../../../common/contract/schemas/server';

export interface SiteFields {
  domain: string;
  includeWww: boolean;
  appPort: string;
  staticDir: string;
  clientMaxBodySize: string;
  /** Set by the App step for a static app (not edited here): nginx serves that folder. */
  siteRoot?: string;
}

/** The form as main last saved it, defaults filled in by main (the journey model's derived.webServerForm). */
export function initialFields(saved: DerivedFacts['webServerForm']): SiteFields {
  return { ...saved, appPort: String(saved.appPort) };
}

export function formOf(fields: SiteFields): WebServerFormInput {
  const port = Number(fields.appPort);
  return {
    domain: fields.domain,
    includeWww: fields.includeWww,
    appPort: Number.isFinite(port) ? port : -1,
    staticDir: fields.staticDir.trim() === '' ? undefined : fields.staticDir,
    clientMaxBodySize: fields.clientMaxBodySize,
    ...(fields.siteRoot ? { siteRoot: fields.siteRoot } : {}),
  };
}
