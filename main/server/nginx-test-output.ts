/**
 * Reads `nginx -t` output (stderr): each message line is
 * `nginx: [emerg] MESSAGE in FILE:LINE` (or the timestamped
 * `2026/11/27 04:29:31 [emerg] PID#PID: MESSAGE in FILE:LINE`).
 * One pass over the lines, one anchored regex per line: linear time.
 */
export interface NginxMessage {
  level: 'emerg' | 'alert' | 'crit' | 'error' | 'warn' | 'notice' | 'info';
  message: string;
  file?: string;
  line?: number;
}

const MESSAGE = /\[(emerg|alert|crit|error|warn|notice|info)\] (?:\d+#\d+: )?(.*)$/;
const LOCATION = / in (\/[^\s:]+):(\d+)$/;

export function parseNginxTestOutput(output: string): NginxMessage[] {
  const messages: NginxMessage[] = [];
  for (const raw of output.split('\n')) {
    const match = MESSAGE.exec(raw.trimEnd());
    if (!match) continue;
    const level = match[1] as NginxMessage['level'];
    const text = match[2] ?? '';
    const where = LOCATION.exec(text);
    if (where) messages.push({ level, message: text.slice(0, where.index), file: where[1], line: Number(where[2]) });
    else messages.push({ level, message: text });
  }
  return messages;
}

export interface ConfigError {
  message: string;
  /** 1-based line in the user's site file, when the error is in it. */
  line?: number;
  /** The text of that line, trimmed, to show beside the message. */
  lineText?: string;
  /** The file nginx named, when it is not the site file. */
  file?: string;
}

/**
 * The first error (emerg/alert/crit/error) mapped onto our site file: nginx
 * names it by the path it was included through (sites-enabled/<site>), or by
 * sites-available/<site>.
 */
export function configErrorOf(output: string, sitePaths: string[], config: string): ConfigError | undefined {
  const error = parseNginxTestOutput(output).find((m) => m.level !== 'warn' && m.level !== 'notice' && m.level !== 'info');
  if (!error) {
    const failed = /test failed|emerg/.test(output);
    return failed ? { message: lastLine(output) } : undefined;
  }
  if (error.file && error.line !== undefined && sitePaths.includes(error.file)) {
    const lineText = config.split('\n')[error.line - 1]?.trim();
    return { message: error.message, line: error.line, lineText };
  }
  return { message: error.message, file: error.file, line: error.line };
}

function lastLine(output: string): string {
  const lines = output.trim().split('\n');
  return (lines[lines.length - 1] ?? '').slice(0, 300);
}
