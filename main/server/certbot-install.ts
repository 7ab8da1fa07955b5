/**
 * certbot, installed the way certbot's own instructions say for Ubuntu
 * (https://certbot.eff.org/instructions?ws=nginx&os=snap): snap core, snap
 * refresh core, remove an apt certbot, `snap install --classic certbot`, the
 * /usr/bin symlink. Each part is checked first and skipped when it holds.
 *
 * A certbot that is already on the PATH with its nginx plugin is kept as it
 * is (Debian's apt certbot with python3-certbot-nginx, for instance); one
 * without the nginx plugin gets the plugin from apt.
 */
import { AppError } from '../../common/errors';
import { holds, type RemoteShell } from './remote';
import { runRemoteSteps, type RemoteStep, type StepRunContext } from './remote-steps';

const phase = (id: string) => `server:phases.${id}`;

/**
 * Exit 0 when certbot is on the PATH with its nginx plugin: the snap (which
 * bundles the plugin), Debian/Ubuntu's python3-certbot-nginx, or else what
 * `certbot plugins` lists (slow: a few seconds of Python start-up).
 */
export const certbotReady =
  "sudo -n sh -c 'command -v certbot >/dev/null && { test -x /snap/bin/certbot || dpkg -s python3-certbot-nginx >/dev/null 2>&1 || certbot plugins --text 2>/dev/null | grep -q \"^\\* nginx\"; }'";
export const certbotPresent = 'sudo -n sh -c "command -v certbot" >/dev/null';

export const snapCertbotSteps: RemoteStep[] = [
  { id: 'snapCore', phase: phase('installCertbot'), skipIf: 'snap list core >/dev/null 2>&1', command: 'sudo snap install core', failure: 'server.certbotInstallFailed', timeoutMs: 10 * 60_000 },
  { id: 'snapRefreshCore', phase: phase('installCertbot'), command: 'sudo snap refresh core', failure: 'server.certbotInstallFailed', timeoutMs: 10 * 60_000 },
  { id: 'removeAptCertbot', phase: phase('installCertbot'), skipIf: "! dpkg -s certbot >/dev/null 2>&1", command: 'sudo DEBIAN_FRONTEND=noninteractive apt-get remove -y certbot', failure: 'server.certbotInstallFailed', timeoutMs: 5 * 60_000 },
  { id: 'snapCertbot', phase: phase('installCertbot'), skipIf: 'snap list certbot >/dev/null 2>&1', command: 'sudo snap install --classic certbot', failure: 'server.certbotInstallFailed', timeoutMs: 10 * 60_000 },
  { id: 'certbotSymlink', phase: phase('installCertbot'), skipIf: 'test -e /usr/bin/certbot', command: 'sudo ln -s /snap/bin/certbot /usr/bin/certbot', failure: 'server.certbotInstallFailed' },
];

export const aptNginxPluginStep: RemoteStep = {
  id: 'aptNginxPlugin',
  phase: phase('installCertbot'),
  command: 'sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-certbot-nginx',
  failure: 'server.certbotInstallFailed',
  timeoutMs: 10 * 60_000,
};

export const snapPresent = 'command -v snap >/dev/null 2>&1';

/** Makes sure certbot with its nginx plugin is there; true when something was installed. */
export async function ensureCertbot(remote: RemoteShell, context: StepRunContext): Promise<boolean> {
  context.progress({ phase: 'server:phases.checkCertbot', fraction: 0.2 });
  if (await holds(remote, certbotReady, 60_000)) return false;
  if (await holds(remote, certbotPresent)) {
    await runRemoteSteps(remote, [aptNginxPluginStep], context);
    return true;
  }
  if (!(await holds(remote, snapPresent))) throw new AppError('server.snapMissing', 'snap is not available on the server.');
  await runRemoteSteps(remote, snapCertbotSteps, context);
  return true;
}
