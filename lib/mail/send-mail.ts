// Outgoing mail through SMTP when SMTP_URL is set; without it nothing is sent and callers show the
// link on screen instead (the embedded default has no mail server).
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/config/env";

let transport: Transporter | undefined;

export function mailConfigured(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

export async function sendMail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const env = getEnv();
  if (!env.SMTP_URL) return false;
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.MAIL_FROM, ...message });
  return true;
}
