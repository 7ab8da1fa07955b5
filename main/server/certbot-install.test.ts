/**
 * ensureCertbot's decisions, against a scripted Ubuntu or Debian: which of
 * certbot's own install steps run, in which order, which are skipped because
 * their result already holds, and what the result says about the certbot it
 * leaves (the snap, or an apt certbot without ARI). The apt path, where
 * certbot is present, runs for real in web-server-https.integration.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { aptCertbotStep, aptNginxPluginStep, certbotIsSnap, certbotPresent, certbotReady, certbotVersion, ensureCertbot, lacksAri, snapCertbotSteps, snapPresent, versionOf } from './certbot-install';
import type { RemoteShell } from './remote';

interface Machine {
  snap: boolean;
  snapCertbot: boolean;
  aptCertbot: boolean;
  aptNginxPlugin: boolean;
  usrBinCertbot: boolean;
  aptVersion: string;
}

const step = (id: string) => {
  const found = snapCertbotSteps.find((s) => s.id === id);
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
    if (command === certbotIsSnap) return machine.snapCertbot && machine.usrBinCertbot;
    if (command === 'dpkg -s certbot >/dev/null 2>&1') return machine.aptCertbot;
    if (command === step('removeAptCertbot').skipIf) return !machine.aptCertbot;
    if (command === step('snapCertbot').skipIf) return machine.snapCertbot;
    if (command === step('certbotSymlink').skipIf) return machine.usrBinCertbot;
    throw new Error(`unexpected check: ${command}`);
  };
  const effects: Record<string, () => void> = {
    [step('removeAptCertbot').command]: () => ((machine.aptCertbot = false), (machine.aptNginxPlugin = false)),
    [step('snapCertbot').command]: () => (machine.snapCertbot = true),
    [step('certbotSymlink').command]: () => (machine.usrBinCertbot = true),
    [aptNginxPluginStep.command]: () => (machine.aptNginxPlugin = true),
    [aptCertbotStep.command]: () => ((machine.aptCertbot = true), (machine.aptNginxPlugin = true)),
  };
  return {
    typed,
    remote: {
      exec: (command) => {
        if (command === certbotVersion) return Promise.resolve({ code: 0, signal: null, stdout: `certbot ${machine.aptVersion}\n`, stderr: '', truncated: false });
        if (/snap (install|refresh) core\b/.test(command)) throw new Error('the core snap is end-of-life');
        return Promise.resolve({ code: holdsNow(command) ? 0 : 1, signal: null, stdout: '', stderr: '', truncated: false });
      },
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
const fresh = (): Machine => ({ snap: true, snapCertbot: false, aptCertbot: false, aptNginxPlugin: false, usrBinCertbot: false, aptVersion: '2.9.0' });

describe('ensureCertbot', () => {
  it('on a fresh Ubuntu with snapd: snap install --classic certbot and the /usr/bin symlink, never the end-of-life core snap', async () => {
    const machine = fresh();
    const { remote, typed } = scripted(machine);
    expect(await ensureCertbot(remote, context)).toEqual({ installed: true, source: 'snap' });
    expect(typed).toEqual(['sudo snap install --classic certbot', 'sudo ln -s /snap/bin/certbot /usr/bin/certbot']);
    expect(typed.join('\n')).not.toMatch(/\bcore\b/);
    expect(machine).toMatchObject({ snapCertbot: true, usrBinCertbot: true });
  });

  it('skips each part that already holds: certbot snapped, only the symlink missing', async () => {
    const { remote, typed } = scripted({ ...fresh(), snapCertbot: true });
    expect(await ensureCertbot(remote, context)).toMatchObject({ installed: true, source: 'snap' });
    expect(typed).toEqual(['sudo ln -s /snap/bin/certbot /usr/bin/certbot']);
  });

  it('keeps an apt certbot that has its nginx plugin, noting that before 4.1 it lacks ARI', async () => {
    const ready = scripted({ ...fresh(), aptCertbot: true, aptNginxPlugin: true, aptVersion: '2.1.0' });
    expect(await ensureCertbot(ready.remote, context)).toEqual({ installed: false, source: 'apt', version: '2.1.0', note: { key: 'server:https.certbotNoAri', values: { version: '2.1.0' } } });
    expect(ready.typed).toEqual([]);
    const noPlugin = scripted({ ...fresh(), aptCertbot: true });
    expect(await ensureCertbot(noPlugin.remote, context)).toMatchObject({ installed: true, source: 'apt' });
    expect(noPlugin.typed).toEqual([aptNginxPluginStep.command]);
  });

  it('an apt certbot of 4.1 or later reads ARI: no note', async () => {
    const { remote } = scripted({ ...fresh(), aptCertbot: true, aptNginxPlugin: true, aptVersion: '4.2.0' });
    expect(await ensureCertbot(remote, context)).toEqual({ installed: false, source: 'apt', version: '4.2.0' });
  });

  it('without snapd (a minimal server, Debian): certbot and its nginx plugin from apt, typed into the terminal, with the ARI note', async () => {
    const machine = { ...fresh(), snap: false, aptVersion: '2.1.0' };
    const { remote, typed } = scripted(machine);
    const result = await ensureCertbot(remote, context);
    expect(typed).toEqual(['sudo DEBIAN_FRONTEND=noninteractive apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q certbot python3-certbot-nginx']);
    expect(result).toMatchObject({ installed: true, source: 'apt', note: { key: 'server:https.certbotNoAri' } });
    expect(machine).toMatchObject({ aptCertbot: true, aptNginxPlugin: true });
  });

  it('stops at the first part that fails, with the install error', async () => {
    const { remote, typed } = scripted(fresh(), 'sudo snap install --classic certbot');
    const error: unknown = await ensureCertbot(remote, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'server.certbotInstallFailed' });
    expect(typed.at(-1)).toBe('sudo snap install --classic certbot');
  });
});

describe('certbot versions and ARI', () => {
  it('reads the version line and knows which ones lack ARI', () => {
    expect(versionOf('certbot 2.1.0\n')).toBe('2.1.0');
    expect(versionOf('garbage')).toBeUndefined();
    expect([lacksAri('2.9.0'), lacksAri('4.0.0'), lacksAri('4.1.0'), lacksAri('5.0'), lacksAri(undefined)]).toEqual([true, true, false, false, true]);
  });
});
