/**
 * One Onramp per user: the first instance holds Electron's single-instance
 * lock; a second one quits at once, before it builds any service or touches
 * the data dir, and the first brings its window to the user instead.
 */
export interface InstanceLockApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/** True in the first instance (which will hear `second-instance`); false in a second one, which is already quitting. */
export function claimSingleInstance(app: InstanceLockApp, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}

export interface RevealableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Brings the window to the user: restored if minimized, shown if hidden, focused. */
export function revealWindow(win: RevealableWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
