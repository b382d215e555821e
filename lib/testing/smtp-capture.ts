import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  to: string[];
  /** The raw message, quoted-printable undone (the tests check ASCII text and links). */
  data: string;
}

/**
 * A real SMTP server in the test process (no mock of the mailer): SMTP_URL points at it for the
 * file's tests, and what the app sends lands in the returned inbox.
 */
export function captureSmtp(): CapturedMail[] {
  const inbox: CapturedMail[] = [];
  let server: SMTPServer;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (c: Buffer) => (data += c.toString("utf8")));
        stream.on("end", () => {
          const decoded = data.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), data: decoded });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    process.env.NEXTAUTH_URL = "https://readout.example.gov";
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return inbox;
}
