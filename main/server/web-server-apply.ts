/**
 * Applies the Web server step on the server, visibly in the terminal:
 * install nginx if missing, read what the server is like (nginx's version,
 * IPv6, a certificate already there), upload the site over SFTP, `sudo
 * install` it into sites-available, symlink it into sites-enabled, disable a
 * conflicting default site (only with consent), `nginx -t` (restoring the
 * previous state on failure, with nginx's error mapped to the line of the site
 * file), reload, then ask nginx on the server what it answers for the domain,
 * waiting for the answer that carries this config's marker (site-answer.ts).
 *
 * Once a certificate exists the generated site keeps its HTTPS server (with
 * the certificate paths certbot made), and an edited config without one gets
 * the certificate installed again by certbot; either way https is asked too.
 *
 * Idempotent: running it again installs the same file and reloads.
 */
import { randomBytes } from 'node:crypto';
import type { MessageRef } from '../../common/contract/schemas/operations';
import { isAllowedStaticDir, STATIC_DIR_ROOTS, type SiteAnswer, type WebServerForm } from '../../common/contract/schemas/server';
import { AppError } from '../../common/errors';
import { DEFAULT_SITE_ENABLED, defaultSiteConflict } from './default-site';
import { installNginxStep, nginxCommands as cmd } from './nginx-commands';
import { parseNginxVersion, planFromForm, siteMarkerOf, SITES_AVAILABLE, type SiteEnvironment, type SitePlan } from './nginx-site';
import { configErrorOf } from './nginx-test-output';
import { holds, throwIfCancelled, visibleOrFail, type RemoteShell } from './remote';
import { runRemoteSteps, type StepRunContext } from './remote-steps';
import { siteAnswer } from './site-answer';
import { certNameOf, findSiteTls, tlsOf, type SiteTls } from './site-tls';
import { shellCommand } from './shell-quote';

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
  httpsAnswer?: SiteAnswer;
  notes: MessageRef[];
}

export interface Previous {
  content: string | undefined;
  wasEnabled: boolean;
}

export async function applyWebServer(remote: RemoteShell, request: WebServerApplyRequest, context: StepRunContext): Promise<WebServerApplyOutcome> {
  const installed = await runRemoteSteps(remote, [installNginxStep], context);
  const paths = planFromForm(request.form);
  const notes = await staticDirNotes(remote, request.form.staticDir);
  const previous = await readPrevious(remote, paths);
  const env = await siteEnvironment(remote, paths.site, previous.content);
  const plan = planFromForm(request.form, env);
  const config = request.config ?? plan.config;

  context.progress({ phase: 'server:phases.checkDefaultSite', fraction: 0.3 });
  const disableDefault = await decideDefaultSite(remote, config, plan.names, request.disableDefaultSite);
  await installSite(remote, plan, config, previous, disableDefault, context);
  const reinstall = request.config !== undefined && env.tls !== undefined && !tlsOf(config);
  if (reinstall && env.tls) await reinstallCertificate(remote, env.tls, plan.names);

  context.progress({ phase: 'server:phases.verifySite', fraction: 0.9 });
  const marker = siteMarkerOf(config);
  // certbot's own redirect server (after a re-install) carries no marker: there https must carry it.
  const answer = await siteAnswer(remote, plan.site, request.form.appPort, { marker: reinstall ? undefined : marker });
  const httpsAnswer = env.tls ? await siteAnswer(remote, plan.site, request.form.appPort, { marker, scheme: 'https' }) : undefined;
  return { site: plan.site, installedNginx: installed.length > 0, disabledDefaultSite: disableDefault, answer, ...(httpsAnswer ? { httpsAnswer } : {}), notes };
}

/** nginx's version (for HTTP/2), IPv6 on the host, and the certificate to keep. */
export async function siteEnvironment(remote: RemoteShell, site: string, previous: string | undefined): Promise<SiteEnvironment> {
  const version = await remote.exec(cmd.version, { timeoutMs: 30_000, maxOutputBytes: 4096 });
  const nginxVersion = parseNginxVersion(version.stdout + version.stderr);
  const ipv6 = await holds(remote, cmd.hasIpv6);
  const tls = await findSiteTls(remote, site, previous);
  return { ipv6, ...(nginxVersion ? { nginxVersion } : {}), ...(tls ? { tls } : {}) };
}

/**
 * Uploads the config, installs and enables it, disables the default site when
 * decided, `nginx -t` (restoring the previous state and throwing nginx's error
 * on failure) and reloads. Shared with the HTTPS step's hardening.
 */
export async function installSite(remote: RemoteShell, plan: SitePlan, config: string, previous: Previous, disableDefault: boolean, context: StepRunContext): Promise<void> {
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
}

/** An edited config without the HTTPS server: certbot installs the existing certificate into it again. */
async function reinstallCertificate(remote: RemoteShell, tls: SiteTls, names: string[]): Promise<void> {
  const certName = certNameOf(tls) ?? names[0] ?? '';
  const words = ['sudo', 'certbot', 'install', '--nginx', '--cert-name', certName, '-n', '--redirect'];
  for (const name of names) words.push('-d', name);
  await visibleOrFail(remote, shellCommand(...words), 'server.certificateReinstallFailed', { name: certName });
}

const HOME_PATTERN = /^\/(?:home\/[A-Za-z0-9._-]+|root)$/;

/**
 * The static folder must be under /var/www or /srv, or in the login user's
 * own home folder (the contract already refused system folders). A home
 * folder gets a note: nginx runs as www-data, which must be able to enter it.
 */
export async function staticDirNotes(remote: RemoteShell, staticDir: string | undefined): Promise<MessageRef[]> {
  if (!staticDir) return [];
  if (!isAllowedStaticDir(staticDir)) throw new AppError('server.staticDirRefused', `${staticDir} may not be served.`, { path: staticDir });
  if (STATIC_DIR_ROOTS.some((root) => staticDir === root || staticDir.startsWith(`${root}/`))) return [];
  const home = (await remote.exec('printf %s "$HOME"', { timeoutMs: 30_000, maxOutputBytes: 1024 })).stdout.trim();
  if (!HOME_PATTERN.test(home) || !(staticDir === home || staticDir.startsWith(`${home}/`))) {
    throw new AppError('server.staticDirNotYourHome', `${staticDir} is not in the login user's home folder.`, { path: staticDir, home: HOME_PATTERN.test(home) ? home : '~' });
  }
  return [{ key: 'server:webServer.staticDirHomeNote', values: { home, path: staticDir } }];
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

export async function readPrevious(remote: RemoteShell, plan: Pick<SitePlan, 'availablePath' | 'enabledPath'>): Promise<Previous> {
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
