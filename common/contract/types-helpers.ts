import type { InvokeChannel } from './channels';
import type { Handlers } from './types';

/** The handlers of one capability: `HandlersFor<'vault'>` = every `vault.*` channel. */
export type HandlersFor<Prefix extends string> = Pick<Handlers, Extract<InvokeChannel, `${Prefix}.${string}`>>;
