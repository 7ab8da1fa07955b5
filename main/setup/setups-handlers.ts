import type { HandlersFor } from '../../common/contract/types';
import type { SetupList } from './setup-list';

export function setupsHandlers(list: SetupList): HandlersFor<'setups'> {
  return {
    'setups.list': () => list.list(),
    'setups.create': ({ name }) => list.create(name),
    'setups.rename': ({ id, name }) => list.rename(id, name),
    'setups.switch': ({ id }) => list.switch(id),
    'setups.delete': ({ id }) => list.delete(id),
  };
}
