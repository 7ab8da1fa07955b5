/**
 * One xterm.js 6 terminal with the addons Onramp uses: fit, search, unicode11
 * (wide characters such as Korean take two cells), web links (opened only
 * through main's allowlist), and the WebGL renderer when available
 * (gpu-renderer.ts, loaded once the terminal is in the page).
 */
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { fontSize } from './font-zoom';
import { terminalOptions } from './terminal-options';

export interface TerminalParts {
  term: Terminal;
  fit: FitAddon;
  search: SearchAddon;
}

export function createTerminal(openLink: (url: string) => void): TerminalParts {
  const term = new Terminal(terminalOptions(fontSize()));
  const fit = new FitAddon();
  const search = new SearchAddon({ highlightLimit: 1000 });
  term.loadAddon(fit);
  term.loadAddon(search);
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  term.loadAddon(new WebLinksAddon((event, uri) => {
    event.preventDefault();
    openLink(uri);
  }));
  return { term, fit, search };
}
