/**
 * Applies the Web server step on the server, visibly in the terminal:
 * install nginx if missing, upload the site over SFTP, `sudo install` it into
 * sites-available, symlink it into sites-enabled, disable a conflicting
 * default site (only with consent), `nginx -t` (restoring the previous state on
 * failure, with nginx's error mapped to the line of the site file), reload,
 * then ask nginx on the server what it answers for the domain.
 *
 * Idempotent: running it again installs the same file and reloads.
 */
import { randomBytes } from 'node:crypto';
import type { MessageRef } from '../../common/contract/schemas/operations';
import type { SiteAnswer, WebServerForm } from '../../common/contract/schemas/server';
import { AppError } from '../../common/errors';
import { DEFAULT_SITE_ENABLED, defaultSiteConflict } from './default-site';
import { installNginxStep, nginxCommands as cmd } from './nginx-commands';
import { planFromForm, SITES_AVAILABLE, type SitePlan } from './nginx-site';
import { configErrorOf } from './nginx-test-output';
import { holds, throwIfCancelled, visibleOrFail, type RemoteShell } from './remote';
import { runRemoteSteps, type StepRunContext } from './remote-steps';

export interface WebServerApplyRequest {
  form: WebServerForm;
  config?: string;
  disableDefaultSite: boolean;
}

export interface WebServerApplyOutcome {
  site: string;
  installedNginx: boolean;
  disabledDefaultSite: boolean;
  answer: SiteAnswer;
}

interface Previous {
  content: string | undefined;
  wasEnabled: boolean;
}

export async function applyWebServer(remote: RemoteShell, request: WebServerApplyRequest, context: StepRunContext): Promise<WebServerApplyOutcome> {
  const plan = planFromForm(request.form);
  const config = request.config ?? plan.config;
  const installed = await runRemoteSteps(remote, [installNginxStep], context);

  context.progress({ phase: 'server:phases.checkDefaultSite', fraction: 0.3 });
  const disableDefault = await decideDefaultSite(remote, config, plan.names, request.disableDefaultSite);
  const previous = await readPrevious(remote, plan);

  throwIfCancelled(context.signal);
  context.progress({ phase: 'server:phases.uploadSite', fraction: 0.4 });
  const temp = `/tmp/onramp-site-${randomBytes(6).toString('hex')}`;
  await remote.upload(temp, config, 0o600);
  await visibleOrFail(remote, cmd.install(temp, plan.availablePath), 'server.siteInstallFailed', { path: plan.availablePath });
  await visibleOrFail(remote, cmd.enable(plan.availablePath, plan.enabledPath), 'server.siteInstallFailed', { path: plan.enabledPath });
  if (disableDefault) await visibleOrFail(remote, cmd.remove(DEFAULT_SITE_ENABLED), 'server.siteInstallFailed', { path: DEFAULT_SITE_ENABLED });

  context.progress({ phase: 'server:phases.testConfig', fraction: 0.6 });
  if ((await remote.visible(cmd.test)) !== 0) {
    const output = await remote.exec(cmd.testQuiet, { timeoutMs: 30_000 });
    await restore(remote, plan, previous, disableDefault);
    throw nginxTestError(output.stderr + output.stdout, plan, config);
  }

  throwIfCancelled(context.signal);
  context.progress({ phase: 'server:phases.reload', fraction: 0.8 });
  await reloadNginx(remote);

  context.progress({ phase: 'server:phases.verifySite', fraction: 0.9 });
  const answer = await siteAnswer(remote, plan.names[0] ?? plan.site, request.form.appPort);
  return { site: plan.site, installedNginx: installed.length > 0, disabledDefaultSite: disableDefault, answer };
}

async function decideDefaultSite(remote: RemoteShell, config: string, names: string[], consent: boolean): Promise<boolean> {
  const current = await remote.exec(cmd.readFile(DEFAULT_SITE_ENABLED), { timeoutMs: 30_000 });
  if (current.code !== 0) return false; // no default site enabled
  const conflict = defaultSiteConflict(current.stdout, config, names);
  if (!conflict.conflicts) return false;
  if (consent) return true;
  if (conflict.reason === 'sameName') {
    throw new AppError('server.defaultSiteSameName', 'The default site serves the same name.', { name: conflict.name, path: DEFAULT_SITE_ENABLED });
  }
  throw new AppError('server.defaultSiteDuplicateDefault', 'The default site is also the default server.', { port: conflict.port, path: DEFAULT_SITE_ENABLED });
}

async function readPrevious(remote: RemoteShell, plan: SitePlan): Promise<Previous> {
  const file = await remote.exec(cmd.readFile(plan.availablePath), { timeoutMs: 30_000 });
  return { content: file.code === 0 ? file.stdout : undefined, wasEnabled: await holds(remote, cmd.isSymlink(plan.enabledPath)) };
}

/** Puts back what was there before this run: the old file (or none), the old symlink (or none), the default site. */
async function restore(remote: RemoteShell, plan: SitePlan, previous: Previous, reenableDefault: boolean): Promise<void> {
  if (previous.content !== undefined) {
    const temp = `/tmp/onramp-site-${randomBytes(6).toString('hex')}`;
    await remote.upload(temp, previous.content, 0o600);
    await visibleOrFail(remote, cmd.install(temp, plan.availablePath), 'server.restoreFailed', { path: plan.availablePath });
    if (!previous.wasEnabled) await visibleOrFail(remote, cmd.remove(plan.enabledPath), 'server.restoreFailed', { path: plan.enabledPath });
  } else {
    await visibleOrFail(remote, cmd.remove(plan.enabledPath, plan.availablePath), 'server.restoreFailed', { path: plan.availablePath });
  }
  if (reenableDefault) {
    await visibleOrFail(remote, cmd.enable(`${SITES_AVAILABLE}/default`, DEFAULT_SITE_ENABLED), 'server.restoreFailed', { path: DEFAULT_SITE_ENABLED });
  }
}

function nginxTestError(output: string, plan: SitePlan, config: string): AppError {
  const error = configErrorOf(output, [plan.enabledPath, plan.availablePath], config) ?? { message: 'nginx -t failed' };
  const message = error.message.slice(0, 300);
  if (error.line !== undefined && error.file === undefined) {
    return new AppError('server.nginxTestFailedAtLine', `nginx -t failed at line ${error.line}: ${message}`, {
      message,
      line: error.line,
      lineText: (error.lineText ?? '').slice(0, 200),
    });
  }
  return new AppError('server.nginxTestFailed', `nginx -t failed: ${message}`, { message, file: error.file ?? '', line: error.line ?? 0 });
}

/** systemctl where systemd runs; otherwise nginx's own signal (starting nginx when it is not running). */
export async function reloadNginx(remote: RemoteShell): Promise<void> {
  if (await holds(remote, cmd.hasSystemd)) {
    await visibleOrFail(remote, cmd.reloadSystemd, 'server.reloadFailed');
    return;
  }
  const running = await holds(remote, cmd.isRunning);
  await visibleOrFail(remote, running ? cmd.reload : cmd.start, 'server.reloadFailed');
}

/**
 * What nginx answers on the server for the domain. A reload is asynchronous
 * (old workers finish first), so a connection failure or the default site's
 * 404 is retried for a few seconds.
 */
export async function siteAnswer(remote: RemoteShell, domain: string, appPort: number, attempts = 10): Promise<SiteAnswer> {
  let status = 0;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const result = await remote.exec(cmd.answerFor(domain), { timeoutMs: 15_000 });
    status = Number.parseInt(result.stdout.trim(), 10) || 0;
    if (status !== 0 && status !== 404) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return { httpStatus: status, explanation: await explain(remote, status, appPort) };
}

async function explain(remote: RemoteShell, status: number, appPort: number): Promise<MessageRef | undefined> {
  if (status === 0) return { key: 'server:answer.nothing' };
  if (status === 502) {
    const listening = await holds(remote, cmd.appListening(appPort));
    return { key: listening ? 'server:answer.badGatewayListening' : 'server:answer.appNotListening', values: { port: appPort } };
  }
  if (status === 504) return { key: 'server:answer.gatewayTimeout', values: { port: appPort } };
  if (status === 404) return { key: 'server:answer.notFound' };
  return undefined;
}
