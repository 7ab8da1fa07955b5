/**
 * Consumes the OSC 633 shell-integration markers (common/shell-integration.ts)
 * in xterm's parser, so the user never sees them, and keeps what they say:
 * whether a command is running and the last exit code.
 */
import type { IDisposable, Terminal } from '@xterm/xterm';
import { OSC_633, parseOsc633 } from '../../common/shell-integration';

export interface ShellIntegrationState {
  /** A command was started (C) and has not finished (D) yet. */
  running: boolean;
  lastExitCode: number | undefined;
}

export function consumeShellIntegration(term: Terminal, state: ShellIntegrationState): IDisposable {
  return term.parser.registerOscHandler(OSC_633, (data) => {
    const marker = parseOsc633(data);
    if (marker?.type === 'C') state.running = true;
    if (marker?.type === 'D') {
      state.running = false;
      state.lastExitCode = marker.exitCode;
    }
    return true; // handled: never printed, whatever its content
  });
}
