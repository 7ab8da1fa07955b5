import type { HandlersFor } from '../../common/contract/types';
import type { JourneyService } from './journey-service';

export function journeyHandlers(journey: JourneyService): HandlersFor<'journey'> {
  return {
    'journey.snapshot': () => journey.snapshot(),
    'journey.refresh': async () => {
      await journey.readAwsResources();
      return journey.snapshot();
    },
  };
}
