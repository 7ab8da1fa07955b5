import { describe, expect, it } from 'vitest';
import { isAppError } from '../../common/errors';
import { TerminalCommandRunner } from './terminal-command-runner';
import { closedError } from './ssh-errors';

const NONCE = '0123456789abcdef0123456789abcdef';
const OTHER = 'ffffffffffffffffffffffffffffffff';

function setup() {
  const typed: string[] = [];
  const runner = new TerminalCommandRunner(NONCE, (data) => typed.push(data));
  return { runner, typed };
}

describe('TerminalCommandRunner', () => {
  it('types the command at a prompt and resolves with the D exit code', async () => {
    const { runner, typed } = setup();
    const result = runner.run('false');
    expect(typed).toEqual([]); // no prompt yet
    runner.onMarker({ type: 'A', nonce: NONCE });
    expect(typed).toEqual(['\x01\x0bfalse\r']);
    runner.onMarker({ type: 'C', nonce: NONCE });
    runner.onMarker({ type: 'D', exitCode: 1, nonce: NONCE });
    await expect(result).resolves.toEqual({ exitCode: 1 });
  });

  it('ignores markers with another nonce (forged by program output)', async () => {
    const { runner, typed } = setup();
    runner.onMarker({ type: 'A', nonce: NONCE });
    const result = runner.run('make');
    runner.onMarker({ type: 'C', nonce: NONCE });
    runner.onMarker({ type: 'D', exitCode: 0, nonce: OTHER });
    runner.onMarker({ type: 'D', exitCode: 2, nonce: NONCE });
    await expect(result).resolves.toEqual({ exitCode: 2 });
    expect(typed).toHaveLength(1);
  });

  it('queues commands: the second is typed only at the next prompt', async () => {
    const { runner, typed } = setup();
    runner.onMarker({ type: 'A', nonce: NONCE });
    const first = runner.run('one');
    const second = runner.run('two');
    expect(typed).toEqual(['\x01\x0bone\r']);
    runner.onMarker({ type: 'C', nonce: NONCE });
    runner.onMarker({ type: 'D', exitCode: 0, nonce: NONCE });
    runner.onMarker({ type: 'A', nonce: NONCE });
    expect(typed).toEqual(['\x01\x0bone\r', '\x01\x0btwo\r']);
    runner.onMarker({ type: 'C', nonce: NONCE });
    runner.onMarker({ type: 'D', exitCode: 7, nonce: NONCE });
    await expect(first).resolves.toEqual({ exitCode: 0 });
    await expect(second).resolves.toEqual({ exitCode: 7 });
  });

  it('rejects multi-line and empty commands', async () => {
    const { runner } = setup();
    await expect(runner.run('a\nb')).rejects.toMatchObject({ code: 'ssh.commandInvalid' });
    await expect(runner.run('  ')).rejects.toMatchObject({ code: 'ssh.commandInvalid' });
  });

  it('rejects pending and later commands when the session ends', async () => {
    const { runner } = setup();
    const pending = runner.run('sleep 100');
    runner.fail(closedError('ssh.connectionLost'));
    const error = await pending.catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('ssh.connectionLost');
    await expect(runner.run('ls')).rejects.toMatchObject({ code: 'ssh.connectionLost' });
    await expect(runner.whenReady).rejects.toMatchObject({ code: 'ssh.connectionLost' });
  });

  it('times out a command that does not finish', async () => {
    const { runner } = setup();
    runner.onMarker({ type: 'A', nonce: NONCE });
    await expect(runner.run('sleep 100', 20)).rejects.toMatchObject({ code: 'ssh.commandTimeout' });
  });
});
