/**
 * The server the Web server and HTTPS steps work on, as main picks it
 * (main/ssh/connect-step.ts#selectedServer): the guided setup's instance when
 * it has one, else the bring-your-own server from Settings.
 */
import type { SetupState } from '../../../common/contract/schemas/setup';
import { serverChoices, type ServerChoice } from '../connect/servers';

export function stepServerChoice(setup: SetupState): (ServerChoice & { server: NonNullable<ServerChoice['server']> }) | undefined {
  for (const choice of serverChoices(setup)) if (choice.server) return { ...choice, server: choice.server };
  return undefined;
}
