/**
 * THE contract: every invoke channel and every event between the renderer and
 * main is declared here and nowhere else. Main's router, the preload bridge,
 * the test host and the renderer's types all derive from these two maps.
 *
 * Requests are parsed (strictly) at the boundary; responses and event payloads
 * are parsed too, which strips any field a schema does not name, so a secret
 * can't ride along by accident.
 */
import { z } from 'zod';
import { appInfo, empty, openExternalRequest, settings, settingsPatch } from './schemas/app';
import { goToPageRequest, markStepRequest, setupState } from './schemas/setup';

interface InvokeSpec {
  request: z.ZodType;
  response: z.ZodType;
}

function invoke<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response } satisfies InvokeSpec;
}

export const invokes = {
  'app.info': invoke(empty, appInfo),
  'app.openExternal': invoke(openExternalRequest, z.object({ opened: z.boolean() })),

  'settings.get': invoke(empty, settings),
  'settings.update': invoke(settingsPatch, settings),

  'setup.getState': invoke(empty, setupState),
  'setup.goTo': invoke(goToPageRequest, setupState),
  'setup.markStep': invoke(markStepRequest, setupState),

  // --- vault (issue 3): schemas in ./schemas/vault.ts ---
  // --- aws (issue 3): schemas in ./schemas/aws.ts ---
  // --- ssh (issue 4): schemas in ./schemas/ssh.ts ---
} as const;

export const events = {
  'setup.changed': setupState,
  'settings.changed': settings,

  // --- vault events ---
  // --- ssh events ---
} as const;

export type Invokes = typeof invokes;
export type InvokeChannel = keyof Invokes;
export type EventName = keyof typeof events;

export const invokeChannels = Object.keys(invokes) as InvokeChannel[];
export const eventNames = Object.keys(events) as EventName[];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(invokes, value);
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value);
}
