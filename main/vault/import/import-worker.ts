/**
 * Worker-thread entry: parses dropped files (sniffing, CSV, key decryption)
 * away from the main thread, one message at a time. Built as its own entry
 * (`import-worker.js` beside `index.js`, see electron.vite.config.ts); started
 * and fed by ./off-thread.ts. Each job is answered with the drafts or the
 * AppError's code, message and params.
 */
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../../common/errors';
import { parseImportFile } from './import-file';
import type { ImportOptions } from './parsed-import';
import type { WorkerJob, WorkerReply, WorkerRequest } from './worker-protocol';

function reply(request: WorkerRequest): WorkerReply {
  const options: ImportOptions = request.passphrase === undefined ? {} : { passphrase: request.passphrase };
  try {
    return { ok: true, result: parseImportFile(request.bytes, request.fileName, options) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message, params: error.params ?? {} } };
    return { ok: false, error: { code: 'vault.unrecognizedFile', message: 'The file could not be read.', params: { detected: 'error' } } };
  }
}

parentPort?.on('message', (job: WorkerJob) => parentPort?.postMessage({ id: job.id, reply: reply(job.request) }));
