/** What ./off-thread.ts sends to ./import-worker.ts and what comes back (structured clone). */
import type { ErrorParams } from '../../../common/errors';
import type { ParsedImport } from './parsed-import';

export interface WorkerRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly passphrase?: string;
}

export interface WorkerJob {
  readonly id: number;
  readonly request: WorkerRequest;
}

export type WorkerReply =
  | { readonly ok: true; readonly result: ParsedImport }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string; readonly params: ErrorParams } };

export interface WorkerAnswer {
  readonly id: number;
  readonly reply: WorkerReply;
}
