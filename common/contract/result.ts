import { z } from 'zod';

/** The error shape every failed invoke returns. `code` is an i18n key (`<namespace>.<key>`). */
export const contractErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ContractError = z.infer<typeof contractErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };
