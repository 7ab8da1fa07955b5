/**
 * The fixture's own SSH client (ssh2): it accepts only the machine's pinned
 * host key and runs one command per exec channel.
 */
import { Client } from 'ssh2';

export interface ExecOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface PinnedSshTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly privateKey: string;
  /** `ssh-ed25519 AAAA…` as in the host's .pub file. */
  readonly hostKeyLine: string;
}

export class PinnedSsh {
  private client: Promise<Client> | undefined;

  constructor(private readonly target: PinnedSshTarget) {}

  /** Connects (once) and fails when the server shows any other host key. */
  connect(timeoutMs = 5_000): Promise<Client> {
    this.client ??= new Promise<Client>((resolve, reject) => {
      const expected = Buffer.from(this.target.hostKeyLine.split(' ')[1] ?? '', 'base64');
      const client = new Client();
      client.once('ready', () => resolve(client));
      client.once('error', (error) => {
        this.client = undefined;
        reject(error);
      });
      client.once('close', () => (this.client = undefined));
      client.connect({
        host: this.target.host,
        port: this.target.port,
        username: this.target.user,
        privateKey: this.target.privateKey,
        readyTimeout: timeoutMs,
        hostVerifier: (key: Buffer) => key.equals(expected),
      });
    });
    return this.client;
  }

  async exec(command: string, timeoutMs = 60_000): Promise<ExecOutcome> {
    const client = await this.connect();
    return new Promise((resolve, reject) => {
      client.exec(command, (error, channel) => {
        if (error) return reject(error);
        let stdout = '';
        let stderr = '';
        const timer = setTimeout(() => {
          channel.close();
          reject(new Error(`timed out after ${timeoutMs} ms: ${command}`));
        }, timeoutMs);
        channel.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        channel.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        channel.once('close', (code: number | null) => {
          clearTimeout(timer);
          resolve({ code: code ?? 255, stdout, stderr });
        });
      });
    });
  }

  async close(): Promise<void> {
    const pending = this.client;
    this.client = undefined;
    if (pending) (await pending.catch(() => undefined))?.end();
  }
}
