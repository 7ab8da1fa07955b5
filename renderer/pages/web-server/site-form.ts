/** The Web server form as the page edits it (strings), and its request shape for the contract. */
import type { WebServerFormInput } from '../../../common/contract/schemas/server';
import type { SetupState } from '../../../common/contract/schemas/setup';

export interface SiteFields {
  domain: string;
  includeWww: boolean;
  appPort: string;
  staticDir: string;
  clientMaxBodySize: string;
}

export function initialFields(setup: SetupState): SiteFields {
  const saved = setup.choices.webServer;
  return {
    domain: saved?.domain ?? setup.choices.domain ?? '',
    includeWww: saved?.includeWww ?? false,
    appPort: String(saved?.appPort ?? 8000),
    staticDir: saved?.staticDir ?? '',
    clientMaxBodySize: saved?.clientMaxBodySize ?? '10m',
  };
}

export function formOf(fields: SiteFields): WebServerFormInput {
  const port = Number(fields.appPort);
  return {
    domain: fields.domain,
    includeWww: fields.includeWww,
    appPort: Number.isFinite(port) ? port : -1,
    staticDir: fields.staticDir.trim() === '' ? undefined : fields.staticDir,
    clientMaxBodySize: fields.clientMaxBodySize,
  };
}
