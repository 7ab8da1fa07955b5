/**
 * Bytes from a dropped file -> text. UTF-8 (BOM stripped) when the bytes are valid
 * UTF-8, UTF-16 when a UTF-16 BOM says so, otherwise CP949, which is what Korean
 * Excel writes for "CSV (comma delimited)".
 */
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp949';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeText(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: iconv.decode(buffer, 'utf16le'), encoding: 'utf-16le' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: iconv.decode(buffer, 'utf16be'), encoding: 'utf-16be' };
  try {
    return { text: utf8.decode(buffer), encoding: 'utf-8' }; // ignoreBOM: false strips a UTF-8 BOM
  } catch {
    return { text: iconv.decode(buffer, 'cp949'), encoding: 'cp949' };
  }
}

/** NULs, control characters or undecodable bytes in more than a few places: not a text file. */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) || code === 0xfffd || code === 0x7f) suspicious++;
  }
  return suspicious > Math.max(2, text.length * 0.02);
}
