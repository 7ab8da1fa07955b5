import { describe, expect, it } from 'vitest';
import { claimSingleInstance, revealWindow, type InstanceLockApp, type RevealableWindow } from './single-instance';

function fakeApp(lockFree: boolean) {
  const calls: string[] = [];
  const listeners: (() => void)[] = [];
  const app: InstanceLockApp = {
    requestSingleInstanceLock: () => (calls.push('lock'), lockFree),
    quit: () => void calls.push('quit'),
    on: (_event, listener) => listeners.push(listener),
  };
  return { app, calls, secondInstance: () => listeners.forEach((listener) => listener()) };
}

function fakeWindow(minimized: boolean) {
  const calls: string[] = [];
  const win: RevealableWindow = {
    isMinimized: () => minimized,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  };
  return { win, calls };
}

describe('single instance', () => {
  it('a second instance quits at once and never starts', () => {
    const { app, calls } = fakeApp(false);
    let revealed = 0;
    expect(claimSingleInstance(app, () => revealed++)).toBe(false);
    expect(calls).toEqual(['lock', 'quit']);
    expect(revealed).toBe(0);
  });

  it('the first instance keeps running and reveals its window when a second one starts', () => {
    const { app, calls, secondInstance } = fakeApp(true);
    const { win, calls: windowCalls } = fakeWindow(true);
    expect(claimSingleInstance(app, () => revealWindow(win))).toBe(true);
    expect(calls).toEqual(['lock']);
    secondInstance();
    expect(windowCalls).toEqual(['restore', 'show', 'focus']);
  });

  it('a window that is not minimized is shown and focused, not restored', () => {
    const { win, calls } = fakeWindow(false);
    revealWindow(win);
    expect(calls).toEqual(['show', 'focus']);
  });
});
