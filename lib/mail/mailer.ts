import "server-only";
import nodemailer from "nodemailer";
import { logger } from "@/lib/logger";

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Whether e-mail notifications are configured (SMTP_URL). */
export function mailEnabled(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/**
 * Sends a notification when SMTP is configured; otherwise does nothing. A failure is logged and
 * swallowed: a reviewer not being e-mailed must never undo the action that was taken.
 */
export async function sendMail(mail: Mail): Promise<boolean> {
  const url = process.env.SMTP_URL;
  if (!url || mail.to.length === 0) return false;
  try {
    const transport = nodemailer.createTransport(url, { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 });
    await transport.sendMail({ from: process.env.MAIL_FROM ?? "Readout <readout@localhost>", to: mail.to, subject: mail.subject, text: mail.text });
    transport.close();
    return true;
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error), subject: mail.subject }, "notification e-mail not sent");
    return false;
  }
}
