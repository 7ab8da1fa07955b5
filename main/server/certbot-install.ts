/**
 * certbot with its nginx plugin, installed the way certbot's own instructions
 * say today (https://certbot.eff.org/instructions?ws=nginx&os=snap): where
 * snapd runs, remove an apt certbot, `snap install --classic certbot` and the
 * /usr/bin symlink (no `core` snap: the instructions dropped that step in
 * 2023 and the `core` snap is end-of-life). Each part is checked first and
 * skipped when it holds.
 *
 * Where snapd is absent (a minimal server, Debian as your own server),
 * certbot and python3-certbot-nginx come from apt, typed into the terminal
 * like everything else. A certbot already on the PATH with its nginx plugin
 * is kept; one without the plugin gets the plugin from apt. An apt certbot
 * older than 4.1 does not read ACME Renewal Information (ARI), so the result
 * carries a note that says so.
 */
import type { MessageRef } from '../../common/contract/schemas/operations';
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
/** Whether snapd answers (the `snap` command alone is not enough: it fails without the daemon). */
export const snapPresent = 'command -v snap >/dev/null 2>&1 && snap version >/dev/null 2>&1';
/** certbot's version line ("certbot 2.1.0"), read after the install. */
export const certbotVersion = 'sudo -n certbot --version 2>&1';
/** Exit 0 when the certbot on the PATH is the snap's. */
export const certbotIsSnap = "sudo -n sh -c 'test -x /snap/bin/certbot && test \"$(readlink -f \"$(command -v certbot)\")\" = \"$(readlink -f /snap/bin/certbot)\"'";

export const snapCertbotSteps: RemoteStep[] = [
  { id: 'removeAptCertbot', phase: phase('installCertbot'), skipIf: '! dpkg -s certbot >/dev/null 2>&1', command: 'sudo DEBIAN_FRONTEND=noninteractive apt-get remove -y certbot', failure: 'server.certbotInstallFailed', timeoutMs: 5 * 60_000 },
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

/** No snapd: certbot and its nginx plugin from the distribution. */
export const aptCertbotStep: RemoteStep = {
  id: 'aptCertbot',
  phase: phase('installCertbotApt'),
  command: 'sudo DEBIAN_FRONTEND=noninteractive apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q certbot python3-certbot-nginx',
  failure: 'server.certbotInstallFailed',
  timeoutMs: 10 * 60_000,
};

export type CertbotSource = 'snap' | 'apt' | 'other';

export interface CertbotInstall {
  /** Something was installed by this run. */
  installed: boolean;
  source: CertbotSource;
  /** certbot's version, when it could be read ("2.1.0"). */
  version?: string;
  /** What the user should know about this certbot (an apt certbot without ARI). */
  note?: MessageRef;
}

/** The first version of certbot that reads ACME Renewal Information (certbot 4.1.0, 2025-06). */
export const ARI_SINCE: [number, number] = [4, 1];

export function versionOf(output: string): string | undefined {
  return /certbot\s+(\d+\.\d+(?:\.\d+)?)/.exec(output)?.[1];
}

export function lacksAri(version: string | undefined): boolean {
  if (!version) return true;
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  return major < ARI_SINCE[0] || (major === ARI_SINCE[0] && minor < ARI_SINCE[1]);
}

/** Makes sure certbot with its nginx plugin is there, and says where it came from. */
export async function ensureCertbot(remote: RemoteShell, context: StepRunContext): Promise<CertbotInstall> {
  context.progress({ phase: 'server:phases.checkCertbot', fraction: 0.2 });
  let installed = false;
  if (!(await holds(remote, certbotReady, 60_000))) {
    installed = true;
    if (await holds(remote, certbotPresent)) await runRemoteSteps(remote, [aptNginxPluginStep], context);
    else if (await holds(remote, snapPresent)) await runRemoteSteps(remote, snapCertbotSteps, context);
    else await runRemoteSteps(remote, [aptCertbotStep], context);
  }
  return { installed, ...(await describeCertbot(remote)) };
}

async function describeCertbot(remote: RemoteShell): Promise<Omit<CertbotInstall, 'installed'>> {
  if (await holds(remote, certbotIsSnap)) return { source: 'snap' };
  const output = await remote.exec(certbotVersion, { timeoutMs: 60_000, maxOutputBytes: 4096 }).catch(() => undefined);
  const version = versionOf(output?.stdout ?? '');
  const fromApt = await holds(remote, 'dpkg -s certbot >/dev/null 2>&1');
  const source: CertbotSource = fromApt ? 'apt' : 'other';
  if (!lacksAri(version)) return { source, version };
  return { source, version, note: { key: 'server:https.certbotNoAri', values: { version: version ?? '?' } } };
}
