// Outgoing mail through SMTP when SMTP_URL is set; without it nothing is sent and callers show the
// link on screen instead (the embedded default has no mail server).
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/config/env";

const transports = new Map<string, Transporter>();

export interface MailSettings {
  smtpUrl: string | undefined;
  from: string;
}

function configured(): MailSettings {
  const env = getEnv();
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM };
}

export function mailConfigured(settings: MailSettings = configured()): boolean {
  return Boolean(settings.smtpUrl);
}

/** Sends and answers true, or answers false when no SMTP server is configured. */
export async function sendMail(
  message: { to: string; subject: string; text: string },
  settings: MailSettings = configured(),
): Promise<boolean> {
  if (!settings.smtpUrl) return false;
  let transport = transports.get(settings.smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(settings.smtpUrl);
    transports.set(settings.smtpUrl, transport);
  }
  await transport.sendMail({ from: settings.from, ...message });
  return true;
}
