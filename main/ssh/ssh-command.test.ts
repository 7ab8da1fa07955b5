/**
 * The copied ssh command: one case per shape, and each line checked by what
 * OpenSSH itself makes of it (`ssh -G` through a POSIX shell prints the
 * user, host name, port and identity file it would use).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../testing/child-process';
import { shellWord, sshCommand } from './ssh-command';

interface Parsed {
  user: string;
  hostname: string;
  port: string;
  identityfile: string;
}

/** Runs the line as a user would paste it, with `-G` (print the config, do not connect) added after `ssh`. */
async function openSshReads(command: string): Promise<Parsed> {
  const result = await run('sh', ['-c', command.replace(/^ssh /, 'ssh -G -F /dev/null ')]);
  expect(result.code, result.stderr).toBe(0);
  const value = (key: string) => result.stdout.split('\n').find((line) => line.startsWith(`${key} `))?.slice(key.length + 1) ?? '';
  return { user: value('user'), hostname: value('hostname'), port: value('port'), identityfile: value('identityfile') };
}

const target = (host: string, port = 22, user = 'ubuntu') => ({ host, port, user });

/** `ssh -G` lists an identity file only if it exists, so every case gets a real (empty) file under D. */
const D = mkdtempSync(path.join(os.tmpdir(), 'onramp-ssh-command-'));
afterAll(() => rmSync(D, { recursive: true, force: true }));
function keyFile(name: string): string {
  const file = path.join(D, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '', { mode: 0o600 });
  return file;
}

describe('sshCommand', () => {
  it.each([
    ['default port 22: no -p', target('3.35.1.2'), '.ssh/onramp.pem', 'ssh -i D/.ssh/onramp.pem ubuntu@3.35.1.2'],
    ['custom port', target('srv.example.com', 2222, 'admin'), 'k.pem', 'ssh -i D/k.pem -p 2222 admin@srv.example.com'],
    ['IPv6 literal, port 22', target('2001:db8::1'), 'k.pem', 'ssh -i D/k.pem ubuntu@2001:db8::1'],
    ['IPv6 literal with a port (brackets given are dropped)', target('[2001:db8::1]', 2222), 'k.pem', 'ssh -i D/k.pem -p 2222 ubuntu@2001:db8::1'],
    ['a path with spaces', target('10.0.0.5'), 'My Keys/prod key.pem', "ssh -i 'D/My Keys/prod key.pem' ubuntu@10.0.0.5"],
    ['a path with a quote', target('10.0.0.5'), "it's.pem", "ssh -i 'D/it'\\''s.pem' ubuntu@10.0.0.5"],
    ['other user names', target('10.0.0.5', 22, 'ec2-user'), 'k.pem', 'ssh -i D/k.pem ec2-user@10.0.0.5'],
    ['a user name with a dot and underscore', target('10.0.0.5', 22, 'deploy_bot.1'), 'k.pem', 'ssh -i D/k.pem deploy_bot.1@10.0.0.5'],
  ])('%s', async (_case, server, name, expected) => {
    const keyPath = keyFile(name);
    const command = sshCommand(server, keyPath);
    expect(command).toBe(expected.replace('D/', `${D}/`));
    expect(await openSshReads(command)).toEqual({
      user: server.user,
      hostname: server.host.replace(/^\[|\]$/g, ''),
      port: String(server.port),
      identityfile: keyPath,
    });
  });

  it('OpenSSH keeps brackets in the host name, which is why the command leaves them out', async () => {
    expect((await openSshReads(`ssh -i ${keyFile('k.pem')} -p 2222 ubuntu@[2001:db8::1]`)).hostname).toBe('[2001:db8::1]');
  });

  it('shellWord quotes only what needs quoting', () => {
    expect(shellWord('/home/me/.ssh/key.pem')).toBe('/home/me/.ssh/key.pem');
    expect(shellWord('/tmp/a b.pem')).toBe("'/tmp/a b.pem'");
    expect(shellWord('$(rm -rf ~)')).toBe("'$(rm -rf ~)'");
  });
});
