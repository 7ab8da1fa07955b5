/**
 * More than one setup (a second site, a second server): each has its own tag id
 * (`onramp:setup=<id>`), path, choices and resources, in its own file; the list
 * and which one is active live in setups.json (main/setup/setup-list.ts).
 */
import { z } from 'zod';

/** A setup's name as the user gave it; empty = not named yet (the renderer shows a numbered default). */
export const setupName = z.string().trim().max(80);

export const setupEntry = z.object({ id: z.string().max(64), name: setupName, createdAt: z.number() });
export type SetupEntry = z.infer<typeof setupEntry>;

export const setupsView = z.object({ active: z.string().max(64), setups: z.array(setupEntry).max(50) });
export type SetupsView = z.infer<typeof setupsView>;

const setupId = z.string().min(1).max(64);
export const createSetupRequest = z.object({ name: setupName }).strict();
export const renameSetupRequest = z.object({ id: setupId, name: setupName }).strict();
export const setupIdRequest = z.object({ id: setupId }).strict();
