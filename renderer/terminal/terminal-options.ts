/** xterm options shared by every tab: colours that follow the app's light/dark scheme (also after a tab opened), font, scrollback. */
import type { ITerminalOptions, ITheme } from '@xterm/xterm';

const dark: ITheme = {
  background: '#101216',
  foreground: '#e6e9ee',
  cursor: '#8fb2ff',
  selectionBackground: '#3a4b6e',
};
const light: ITheme = {
  background: '#fbfcfd',
  foreground: '#1b1f24',
  cursor: '#2f6fed',
  cursorAccent: '#ffffff',
  selectionBackground: '#c8d8fb',
  black: '#1b1f24',
  brightBlack: '#5b6470',
  white: '#8a929c',
  brightWhite: '#c4c9d0',
  yellow: '#8a6d00',
  brightYellow: '#a37f00',
};

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function prefersDark(): boolean {
  return window.matchMedia?.(DARK_QUERY).matches ?? false;
}

export function terminalTheme(): ITheme {
  return prefersDark() ? dark : light;
}

/** Calls `listener` when the OS switches between light and dark; returns the unsubscribe. */
export function onColorSchemeChange(listener: () => void): () => void {
  const query = window.matchMedia?.(DARK_QUERY);
  if (!query) return () => undefined;
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

export function terminalOptions(fontSize: number): ITerminalOptions {
  return {
    allowProposedApi: true, // unicode11's term.unicode
    cursorBlink: true,
    fontFamily: "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, 'D2Coding', monospace",
    fontSize,
    scrollback: 10_000,
    theme: terminalTheme(),
    macOptionIsMeta: true,
    rightClickSelectsWord: true,
  };
}
