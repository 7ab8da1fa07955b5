/**
 * ensureCertbot's decisions, against a scripted Ubuntu: which of certbot's own
 * install steps run, in which order, and which are skipped because their
 * result already holds. (The commands themselves need snapd, which this
 * machine does not have; the path where certbot is present runs for real in
 * web-server-https.integration.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { aptNginxPluginStep, certbotPresent, certbotReady, ensureCertbot, snapCertbotSteps, snapPresent } from './certbot-install';
import type { RemoteShell } from './remote';

interface Machine {
  snap: boolean;
  snapCore: boolean;
  snapCertbot: boolean;
  aptCertbot: boolean;
  aptNginxPlugin: boolean;
  usrBinCertbot: boolean;
}

const step = (id: string) => {
  const found = [...snapCertbotSteps, aptNginxPluginStep].find((s) => s.id === id);
  if (!found) throw new Error(id);
  return found;
};

function scripted(machine: Machine, failing?: string): { remote: RemoteShell; typed: string[] } {
  const typed: string[] = [];
  const holdsNow = (command: string): boolean => {
    const certbotOnPath = machine.usrBinCertbot || machine.aptCertbot;
    if (command === certbotReady) return certbotOnPath && (machine.snapCertbot || machine.aptNginxPlugin);
    if (command === certbotPresent) return certbotOnPath;
    if (command === snapPresent) return machine.snap;
    if (command === step('snapCore').skipIf) return machine.snapCore;
    if (command === step('removeAptCertbot').skipIf) return !machine.aptCertbot;
    if (command === step('snapCertbot').skipIf) return machine.snapCertbot;
    if (command === step('certbotSymlink').skipIf) return machine.usrBinCertbot;
    throw new Error(`unexpected check: ${command}`);
  };
  const effects: Record<string, () => void> = {
    [step('snapCore').command]: () => (machine.snapCore = true),
    [step('snapRefreshCore').command]: () => undefined,
    [step('removeAptCertbot').command]: () => ((machine.aptCertbot = false), (machine.aptNginxPlugin = false)),
    [step('snapCertbot').command]: () => (machine.snapCertbot = true),
    [step('certbotSymlink').command]: () => (machine.usrBinCertbot = true),
    [aptNginxPluginStep.command]: () => (machine.aptNginxPlugin = true),
  };
  return {
    typed,
    remote: {
      exec: (command) => Promise.resolve({ code: holdsNow(command) ? 0 : 1, signal: null, stdout: '', stderr: '', truncated: false }),
      visible: (command) => {
        typed.push(command);
        if (command === failing) return Promise.resolve(1);
        const effect = effects[command];
        if (!effect) throw new Error(`unexpected command: ${command}`);
        effect();
        return Promise.resolve(0);
      },
      upload: () => Promise.reject(new Error('no uploads here')),
    },
  };
}

const context = { signal: new AbortController().signal, progress: () => undefined };
const fresh = (): Machine => ({ snap: true, snapCore: false, snapCertbot: false, aptCertbot: false, aptNginxPlugin: false, usrBinCertbot: false });

describe('ensureCertbot', () => {
  it('on a fresh Ubuntu: snap core, refresh, snap install --classic certbot, the /usr/bin symlink, in that order', async () => {
    const machine = fresh();
    const { remote, typed } = scripted(machine);
    expect(await ensureCertbot(remote, context)).toBe(true);
    expect(typed).toEqual(['sudo snap install core', 'sudo snap refresh core', 'sudo snap install --classic certbot', 'sudo ln -s /snap/bin/certbot /usr/bin/certbot']);
    expect(machine).toMatchObject({ snapCertbot: true, usrBinCertbot: true });
  });

  it('skips each part that already holds: core installed, certbot snapped, only the symlink missing', async () => {
    const { remote, typed } = scripted({ ...fresh(), snapCore: true, snapCertbot: true });
    expect(await ensureCertbot(remote, context)).toBe(true);
    expect(typed).toEqual(['sudo snap refresh core', 'sudo ln -s /snap/bin/certbot /usr/bin/certbot']);
  });

  it('keeps a certbot that has its nginx plugin, and adds only the plugin to one that lacks it', async () => {
    const ready = scripted({ ...fresh(), aptCertbot: true, aptNginxPlugin: true });
    expect(await ensureCertbot(ready.remote, context)).toBe(false);
    expect(ready.typed).toEqual([]);
    const noPlugin = scripted({ ...fresh(), aptCertbot: true });
    expect(await ensureCertbot(noPlugin.remote, context)).toBe(true);
    expect(noPlugin.typed).toEqual([aptNginxPluginStep.command]);
  });

  it('without snap and without certbot, says so instead of guessing', async () => {
    const { remote, typed } = scripted({ ...fresh(), snap: false });
    await expect(ensureCertbot(remote, context)).rejects.toMatchObject({ code: 'server.snapMissing' });
    expect(typed).toEqual([]);
  });

  it('stops at the first part that fails, with the install error', async () => {
    const { remote, typed } = scripted(fresh(), 'sudo snap install --classic certbot');
    const error: unknown = await ensureCertbot(remote, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'server.certbotInstallFailed' });
    expect(typed.at(-1)).toBe('sudo snap install --classic certbot');
  });
});
