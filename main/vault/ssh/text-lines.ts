/**
 * One linear pass over untrusted text that collects every fact the import
 * path needs to recognise a file (PEM markers and blocks, PuTTY headers,
 * OpenSSH public key and certificate lines, RFC 4716 blocks, the first
 * non-blank line). Nothing here uses a multiline regex: a pattern like
 * /^\s*x/m restarts at every line and `\s*` runs over all the blank lines that
 * follow, which is quadratic on a file of newlines. Blank lines cost a few
 * character comparisons; only non-blank lines are copied.
 */

export interface PemBlock {
  readonly label: string;
  /** BEGIN line, RFC 1421 headers (and the blank line after them), base64 lines, END line; each trimmed. */
  readonly lines: readonly string[];
}

export interface KeyLine {
  readonly type: string;
  readonly base64: string;
}

export interface TextFacts {
  /** Labels of BEGIN markers, in order (at most MAX_RECORDED). */
  readonly begins: readonly string[];
  /** Complete BEGIN…END blocks, in order (at most MAX_RECORDED). */
  readonly blocks: readonly PemBlock[];
  readonly ppkHeader: boolean;
  /** `<type> AAAA…` lines (first words of a line), at most MAX_RECORDED. */
  readonly keyLines: readonly KeyLine[];
  readonly ssh2Begin: boolean;
  /** The first complete RFC 4716 block, trimmed lines joined. */
  readonly ssh2Block: string | null;
  readonly firstNonBlankLine: string | null;
}

/** A real key file holds a handful of each; a hostile file cannot make these lists grow. */
const MAX_RECORDED = 64;
const PEM_LABEL = /^[A-Z0-9]+(?: [A-Z0-9]+){0,7}$/;
const PPK_HEADER = /^PuTTY-User-Key-File-\d{1,9}:/;
const BLOB_START = /^AAAA[A-Za-z0-9+/]/;
const SSH2_BEGIN = '---- BEGIN SSH2 PUBLIC KEY ----';
const SSH2_END = '---- END SSH2 PUBLIC KEY ----';

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0x0d;

/** The first `max` whitespace-separated words of a line, scanning no further than needed. */
export function firstWords(line: string, max: number): string[] {
  const words: string[] = [];
  let i = 0;
  while (words.length < max) {
    while (i < line.length && isSpace(line.charCodeAt(i))) i++;
    if (i >= line.length) break;
    const start = i;
    while (i < line.length && !isSpace(line.charCodeAt(i))) i++;
    words.push(line.slice(start, i));
  }
  return words;
}

/** `-----BEGIN RSA PRIVATE KEY-----` (a trimmed line) -> { BEGIN, 'RSA PRIVATE KEY' }; else null. */
export function pemMarker(line: string): { kind: 'BEGIN' | 'END'; label: string } | null {
  if (line.length > 90 || !line.startsWith('-----') || !line.endsWith('-----')) return null;
  const inner = line.slice(5, -5);
  const kind = inner.startsWith('BEGIN ') ? 'BEGIN' : inner.startsWith('END ') ? 'END' : null;
  if (!kind) return null;
  const label = inner.slice(kind.length + 1);
  return PEM_LABEL.test(label) ? { kind, label } : null;
}

class Collector {
  readonly begins: string[] = [];
  readonly blocks: PemBlock[] = [];
  readonly keyLines: KeyLine[] = [];
  ppkHeader = false;
  ssh2Begin = false;
  ssh2Block: string | null = null;
  firstNonBlankLine: string | null = null;
  private open: { label: string; lines: string[] } | null = null;
  private ssh2: string[] | null = null;

  blank(): void {
    const open = this.open;
    // Keep one blank line right after RFC 1421 headers (Proc-Type, DEK-Info): OpenSSL needs it.
    if (open && open.lines.length > 1 && (open.lines[open.lines.length - 1] ?? '').includes(':')) open.lines.push('');
  }

  line(line: string): void {
    this.firstNonBlankLine ??= line;
    const first = line.charCodeAt(0);
    if (first === 0x2d /* - */) this.dashLine(line);
    else if (this.open) this.open.lines.push(line);
    else if (first === 0x50 /* P */ && line.startsWith('PuTTY-User-Key-File-') && PPK_HEADER.test(line)) this.ppkHeader = true;
    else if (first >= 0x61 && first <= 0x7a /* a-z */ && this.keyLines.length < MAX_RECORDED) this.keyLine(line);
    if (this.ssh2 && line !== SSH2_BEGIN) {
      this.ssh2.push(line);
      if (line === SSH2_END) {
        this.ssh2Block ??= `${this.ssh2.join('\n')}\n`;
        this.ssh2 = null;
      }
    }
  }

  private dashLine(line: string): void {
    if (line === SSH2_BEGIN) {
      this.ssh2Begin = true;
      if (this.ssh2Block === null) this.ssh2 = [line];
      return;
    }
    const marker = pemMarker(line);
    if (marker?.kind === 'BEGIN') {
      if (this.begins.length < MAX_RECORDED) this.begins.push(marker.label);
      this.open = this.blocks.length < MAX_RECORDED ? { label: marker.label, lines: [line] } : null;
    } else if (marker?.kind === 'END' && this.open?.label === marker.label) {
      this.open.lines.push(line);
      this.blocks.push(this.open);
      this.open = null;
    } else if (this.open) {
      this.open.lines.push(line);
    }
  }

  private keyLine(line: string): void {
    const [type, base64] = firstWords(line, 2);
    if (type && base64 && type.length <= 80 && BLOB_START.test(base64)) this.keyLines.push({ type, base64 });
  }
}

let cached: { text: string; facts: TextFacts } | undefined;

/** Drops the remembered text (it may be a private key): called when a parse is over. */
export function forgetScannedText(): void {
  cached = undefined;
}

/** Every recognisable fact of `text`, in one pass (the last result is reused for the same text until `forgetScannedText`). */
export function scanText(text: string): TextFacts {
  if (cached?.text === text) return cached.facts;
  const collector = new Collector();
  const length = text.length;
  let pos = 0;
  while (pos <= length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = length;
    let start = pos;
    let stop = end;
    while (start < stop && isSpace(text.charCodeAt(start))) start++;
    while (stop > start && isSpace(text.charCodeAt(stop - 1))) stop--;
    if (start === stop) collector.blank();
    else collector.line(text.slice(start, stop));
    pos = end + 1;
  }
  const { begins, blocks, ppkHeader, keyLines, ssh2Begin, ssh2Block, firstNonBlankLine } = collector;
  const facts: TextFacts = { begins, blocks, ppkHeader, keyLines, ssh2Begin, ssh2Block, firstNonBlankLine };
  cached = { text, facts };
  return facts;
}

/** The base64 body of a block (headers and markers left out). */
export function pemBody(block: PemBlock): string {
  return block.lines
    .slice(1, -1)
    .filter((line) => line !== '' && !line.includes(':'))
    .join('');
}

export const pemText = (block: PemBlock): string => `${block.lines.join('\n')}\n`;
