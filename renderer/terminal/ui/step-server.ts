/**
 * The server the Web server and HTTPS steps work on, as main picks it
 * (the journey model's derived.server: main/journey/derive.ts#selectedServer).
 */
import type { JourneyModel, ServerTarget } from '../../../common/contract/schemas/journey';

export function stepServerChoice(journey: JourneyModel): ServerTarget | undefined {
  return journey.derived.server;
}
