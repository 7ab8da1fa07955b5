/**
 * The nginx site follows the app: a static app's release folder is the
 * site's `root`; any other app is behind `proxy_pass` on the Web server form's
 * port; `/static/` is a Django app's STATIC_ROOT, else as the Web server step
 * set it. The site is written
 * again only when that changes (with the Web server step's own apply, which
 * keeps HTTPS), then the domain's answer is read.
 */
import { webServerForm } from '../../common/contract/schemas/server';
import { AppError } from '../../common/errors';
import { deriveFacts } from '../journey/derive';
import type { RemoteShell } from '../server/remote';
import type { StepRunContext } from '../server/remote-steps';
import { siteAnswer } from '../server/site-answer';
import { applyWebServer } from '../server/web-server-apply';
import type { AppPlanValue } from '../../common/contract/schemas/deploy';
import type { AppStepDeps } from './app-deps';
import type { AppFacts } from './app-facts';

/** How the site serves the app: the static app's folder as `root`, and a Django app's STATIC_ROOT as `/static/` (absent: as the Web server step set it). */
export interface SiteLayout {
  siteRoot?: string;
  staticDir?: string;
}

export function siteLayoutOf(plan: Pick<AppPlanValue, 'runtime' | 'django' | 'staticRoot'>, facts: Pick<AppFacts, 'siteRoot' | 'baseDir'>): SiteLayout {
  return {
    ...(plan.runtime === 'static' ? { siteRoot: facts.siteRoot } : {}),
    ...(plan.django && plan.staticRoot ? { staticDir: `${facts.baseDir}/current/${plan.staticRoot}` } : {}),
  };
}

export async function followSite(deps: Pick<AppStepDeps, 'setup'>, remote: RemoteShell, layout: SiteLayout, context: StepRunContext): Promise<number | undefined> {
  const { siteRoot } = layout;
  const setup = await deps.setup.get();
  const saved = setup.choices.webServer;
  if (!saved) throw new AppError('app.noWebServer', 'Set up the web server first.');
  const facts = deriveFacts(setup);
  const staticDir = layout.staticDir ?? saved.staticDir;
  if ((saved.siteRoot ?? undefined) !== siteRoot || (saved.staticDir ?? undefined) !== (staticDir ?? undefined)) {
    if (saved.edited) throw new AppError('app.siteEdited', 'The nginx site was edited by hand; Onramp does not rewrite it.');
    const { siteRoot: _was, ...form } = facts.webServerForm;
    const parsed = webServerForm.safeParse({ ...form, staticDir: staticDir || undefined, ...(siteRoot ? { siteRoot } : {}) });
    if (!parsed.success) throw new AppError('app.noWebServer', 'The Web server form is not complete.');
    context.progress({ phase: 'app:phases.site', fraction: null });
    await applyWebServer(remote, { form: parsed.data, disableDefaultSite: false }, context);
    await deps.setup.update((state) => {
      const web = state.choices.webServer;
      if (!web) return state;
      const { siteRoot: _old, staticDir: _dir, ...rest } = web;
      return { ...state, choices: { ...state.choices, webServer: { ...rest, ...(staticDir ? { staticDir } : {}), ...(siteRoot ? { siteRoot } : {}) } } };
    });
  }
  const domain = facts.site?.domain;
  if (!domain) return undefined;
  const answer = await siteAnswer(remote, domain, facts.webServerForm.appPort, { waitMs: 5_000 });
  return answer.httpStatus || undefined;
}
