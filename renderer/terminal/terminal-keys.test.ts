import { describe, expect, it } from 'vitest';
import { terminalKeyAction } from './terminal-keys';

const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
  metaKey: mods.meta ?? false,
});

describe('terminalKeyAction (Linux and Windows keys)', () => {
  it('takes find, zoom, copy and paste shortcuts', () => {
    expect(terminalKeyAction(key('f', { ctrl: true }))).toEqual({ kind: 'search' });
    expect(terminalKeyAction(key('=', { ctrl: true }))).toEqual({ kind: 'zoom', action: 'in' });
    expect(terminalKeyAction(key('+', { ctrl: true, shift: true }))).toEqual({ kind: 'zoom', action: 'in' });
    expect(terminalKeyAction(key('-', { ctrl: true }))).toEqual({ kind: 'zoom', action: 'out' });
    expect(terminalKeyAction(key('0', { ctrl: true }))).toEqual({ kind: 'zoom', action: 'reset' });
    expect(terminalKeyAction(key('C', { ctrl: true, shift: true }))).toEqual({ kind: 'copy' });
    expect(terminalKeyAction(key('V', { ctrl: true, shift: true }))).toEqual({ kind: 'paste' });
    expect(terminalKeyAction(key('Insert', { shift: true }))).toEqual({ kind: 'paste' });
  });

  it('leaves everything else to the shell: Ctrl+C, Ctrl+D, Ctrl+U, Alt+F, plain keys', () => {
    for (const k of ['c', 'd', 'u', 'r', 'a']) expect(terminalKeyAction(key(k, { ctrl: true }))).toBeNull();
    expect(terminalKeyAction(key('f', { alt: true }))).toBeNull();
    expect(terminalKeyAction(key('f', { ctrl: true, alt: true }))).toBeNull();
    expect(terminalKeyAction(key('x'))).toBeNull();
  });
});
