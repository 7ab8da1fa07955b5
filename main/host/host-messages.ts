/**
 * What a page may send the test host over its WebSocket, parsed defensively:
 * anything from outside (wrong JSON, `null`, no numeric id, a binary frame)
 * becomes an `invalid` message the host answers with a typed error, never a
 * throw. The parse is one JSON.parse and a few shape checks: linear in the
 * frame, which ws already caps at MAX_FRAME_BYTES.
 */
import { MAX_IMPORT_BYTES } from '../../common/contract/schemas/vault';

/** An upload (base64 of at most MAX_IMPORT_BYTES) plus its JSON envelope fits easily. */
export const MAX_FRAME_BYTES = 1024 * 1024;
const MAX_UPLOAD_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
const MAX_NAME = 255;

export type ClientMessage =
  | { kind: 'invoke'; id: number; channel: unknown; request: unknown }
  /** A file the user picked in the page (the host's file picker): main keeps its bytes and answers a one-time token. */
  | { kind: 'upload'; id: number; name: string; bytes: Buffer }
  | { kind: 'invalid'; id: number | null; reason: InvalidReason };

export type InvalidReason = 'binaryFrame' | 'notJson' | 'notAnObject' | 'noId' | 'badUpload' | 'uploadTooLarge';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMessageId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function parseClientMessage(data: Buffer | string, isBinary: boolean): ClientMessage {
  if (isBinary) return { kind: 'invalid', id: null, reason: 'binaryFrame' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'));
  } catch {
    return { kind: 'invalid', id: null, reason: 'notJson' };
  }
  if (!isRecord(parsed)) return { kind: 'invalid', id: null, reason: 'notAnObject' };
  const id = parsed['id'];
  if (!isMessageId(id)) return { kind: 'invalid', id: null, reason: 'noId' };
  if ('upload' in parsed) return parseUpload(id, parsed['upload']);
  return { kind: 'invoke', id, channel: parsed['channel'], request: parsed['request'] };
}

function parseUpload(id: number, upload: unknown): ClientMessage {
  if (!isRecord(upload)) return { kind: 'invalid', id, reason: 'badUpload' };
  const { name, base64 } = upload;
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME || typeof base64 !== 'string') return { kind: 'invalid', id, reason: 'badUpload' };
  if (base64.length > MAX_UPLOAD_BASE64) return { kind: 'invalid', id, reason: 'uploadTooLarge' };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return { kind: 'invalid', id, reason: 'badUpload' };
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { kind: 'invalid', id, reason: 'uploadTooLarge' };
  return { kind: 'upload', id, name, bytes };
}
