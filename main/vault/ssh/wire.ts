/** SSH wire encoding (RFC 4251 section 5): uint32 length-prefixed strings and mpints. */

export function sshString(data: Buffer | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

/** An mpint body: minimal big-endian two's complement of a non-negative number. */
export function mpintBody(unsigned: Buffer): Buffer {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start++;
  const trimmed = unsigned.subarray(start);
  if (trimmed.length === 1 && trimmed[0] === 0) return Buffer.alloc(0);
  return (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;
}

export class SshReader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  readString(): Buffer {
    if (this.offset + 4 > this.buffer.length) throw new RangeError('truncated SSH string length');
    const length = this.buffer.readUInt32BE(this.offset);
    const start = this.offset + 4;
    if (start + length > this.buffer.length) throw new RangeError('truncated SSH string');
    this.offset = start + length;
    return this.buffer.subarray(start, start + length);
  }

  readText(): string {
    return this.readString().toString('utf8');
  }

  readUInt32(): number {
    if (this.offset + 4 > this.buffer.length) throw new RangeError('truncated SSH uint32');
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  get remaining(): number {
    return this.buffer.length - this.offset;
  }
}
