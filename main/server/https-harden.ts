/**
 * After certbot installed the certificate into the site file, Onramp writes
 * the HTTPS site itself (nginx-site.ts): port 80 redirects, port 443 with
 * HTTP/2, the security headers, no version, and HSTS once the certificate
 * verifies from here (a short first max-age; includeSubDomains only when the
 * user asked). The certificate paths are the ones certbot put in the file.
 *
 * A site the user edited by hand on the Web server step is left as certbot
 * made it: Onramp does not overwrite the user's config.
 */
import type { HttpsRequest, SiteAnswer, WebServerForm } from '../../common/contract/schemas/server';
import { webServerForm } from '../../common/contract/schemas/server';
import { planFromForm } from './nginx-site';
import type { RemoteShell } from './remote';
import type { StepRunContext } from './remote-steps';
import { siteAnswer } from './site-answer';
import { HSTS_FIRST_MAX_AGE } from './site-tls';
import { probeTls } from './tls-probe';
import { installSite, readPrevious, siteEnvironment } from './web-server-apply';

export interface HardenDeps {
  remote: RemoteShell;
  host: string;
  /** The Web server step's form as last applied (the site to write); without one, the defaults for the domain. */
  webServer?: WebServerForm;
  /** The Web server step applied a config the user edited: leave it alone. */
  editedConfig?: boolean;
}

export type HardenOutcome = { rewritten: false; reason: 'edited' | 'noCertificate' } | { rewritten: true; hsts: boolean; httpsAnswer: SiteAnswer };

export function siteFormFor(request: HttpsRequest, saved: WebServerForm | undefined): WebServerForm {
  if (saved && saved.domain === request.domain && saved.includeWww === request.includeWww) return saved;
  return webServerForm.parse({ ...(saved ?? {}), domain: request.domain, includeWww: request.includeWww });
}

export async function hardenSite(request: HttpsRequest, deps: HardenDeps, context: StepRunContext): Promise<HardenOutcome> {
  if (deps.editedConfig) return { rewritten: false, reason: 'edited' };
  context.progress({ phase: 'server:phases.hardenSite', fraction: 0.7 });
  const form = siteFormFor(request, deps.webServer);
  const paths = planFromForm(form);
  const previous = await readPrevious(deps.remote, paths);
  const env = await siteEnvironment(deps.remote, paths.site, previous.content);
  if (!env.tls) return { rewritten: false, reason: 'noCertificate' };
  const probe = await probeTls(deps.host, paths.site, request.acme?.caPem, context.signal);
  const verifies = Boolean(probe.certificate?.chainValid && probe.certificate.names.includes(paths.site));
  const hsts = verifies ? { maxAge: env.tls.hsts?.maxAge ?? HSTS_FIRST_MAX_AGE, includeSubDomains: request.hstsIncludeSubDomains } : undefined;
  const plan = planFromForm(form, { ...env, tls: { ...env.tls, hsts } });
  await installSite(deps.remote, plan, plan.config, previous, false, context);
  const httpsAnswer = await siteAnswer(deps.remote, plan.site, form.appPort, { marker: plan.marker, scheme: 'https' });
  return { rewritten: true, hsts: hsts !== undefined, httpsAnswer };
}
