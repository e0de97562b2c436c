/** A real SMTP server on loopback for the e-mail tests (smtp-server), and a port where none listens. */
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SmtpConfig } from '../../src/mailings/smtp.js';

export interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1; `refuse` addresses get a 550 at RCPT TO. */
export async function smtp(
  t: { teardown(fn: () => unknown): void },
  refuse: string[] = [],
): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (refuse.includes(address.address)) cb(Object.assign(new Error('5.1.1 User unknown'), { responseCode: 550 }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  t.teardown(close);
  return { port, received, close };
}

/** A port with nothing listening (a server that is down). */
export async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export const config = (port: number): SmtpConfig => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  user: '',
  password: '',
  from: 'office@example.jp',
});
export const decodeSubject = (raw: string) => {
  const m = /^Subject: (.+(?:\r\n\s.+)*)/m.exec(raw)![1]!;
  return m
    .replace(/\r\n\s/g, '')
    .replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, b: string) => Buffer.from(b, 'base64').toString('utf8'))
    .replace(/\s+(?==\?)/g, '');
};

/** The attachments of a raw message: file name (decoded) and content. */
export function attachmentsOf(raw: string): { filename: string; content: Buffer }[] {
  const out: { filename: string; content: Buffer }[] = [];
  const re =
    /Content-Type: ([^;\r]+);?[^\r]*(?:\r\n[ \t][^\r]*)*\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment;((?:[^\r]|\r\n[ \t])*)\r\n\r\n([A-Za-z0-9+/=\r\n]+)/g;
  for (const m of raw.matchAll(re)) {
    const disp = m[2]!.replace(/\r\n[ \t]/g, '');
    const star = /filename\*0?\*?=utf-8''([^;]+)/i.exec(disp);
    const parts = [...disp.matchAll(/filename\*\d+\*?=([^;]+)/gi)].map((x) => x[1]!.replace(/^utf-8''/i, ''));
    const plain = /filename="([^"]+)"/.exec(disp);
    const filename = parts.length
      ? decodeURIComponent(parts.join(''))
      : star
        ? decodeURIComponent(star[1]!)
        : (plain?.[1] ?? '').replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, b: string) =>
            Buffer.from(b, 'base64').toString('utf8'),
          );
    out.push({ filename, content: Buffer.from(m[3]!.replace(/\s/g, ''), 'base64') });
  }
  return out;
}
