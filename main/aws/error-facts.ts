/**
 * Reads the few fields Onramp cares about from whatever an SDK call threw:
 * a modelled/unmodelled ServiceException, a credential/token provider error,
 * a Node.js system error (possibly an AggregateError or wrapped in `cause`).
 */
export interface ErrorFacts {
  /** The error's `name` (AWS error code for service exceptions, class name otherwise). */
  name: string;
  /** Node.js system error code (ENOTFOUND…) found on the error or its causes. */
  systemCode: string | undefined;
  message: string;
  requestId: string | undefined;
  httpStatus: number | undefined;
}

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null;
}

function stringField(record: UnknownRecord, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

const MAX_CAUSE_DEPTH = 5;

/** Depth-first search for a Node.js system error code through `cause` and AggregateError `errors`. */
function findSystemCode(value: unknown, depth = 0): string | undefined {
  if (!isRecord(value) || depth > MAX_CAUSE_DEPTH) return undefined;
  const code = stringField(value, 'code');
  if (code && /^E[A-Z_]+$/.test(code)) return code;
  const nested = Array.isArray(value.errors) ? value.errors : [];
  for (const candidate of [value.cause, ...nested]) {
    const found = findSystemCode(candidate, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function readErrorFacts(error: unknown): ErrorFacts {
  if (!isRecord(error)) {
    return { name: 'Unknown', systemCode: undefined, message: String(error), requestId: undefined, httpStatus: undefined };
  }
  const metadata = isRecord(error.$metadata) ? error.$metadata : {};
  const status = metadata.httpStatusCode;
  return {
    name: stringField(error, 'name') ?? stringField(error, 'Code') ?? 'Unknown',
    systemCode: findSystemCode(error),
    message: stringField(error, 'message') ?? '',
    requestId: stringField(metadata, 'requestId'),
    httpStatus: typeof status === 'number' ? status : undefined,
  };
}
