// The alert mail worker's step: claim due e-mails from the outbox, send each through SMTP, record
// the outcome, schedule retries with the webhooks' backoff. Runs apart from the scans and triage
// actions that queue them, so a slow or absent mail server delays none of them.
import type { Executor } from "@/db/database";
import { claimDueNotifications, holdPendingNotifications, recordNotificationAttempt, type ClaimedNotification } from "@/db/queries/alerts";
import { getEnv } from "@/lib/config/env";
import { mailConfigured, sendMail, type MailSettings } from "@/lib/mail/send-mail";
import { MAX_ATTEMPTS, nextAttemptDelayMs } from "@/lib/webhooks/backoff";

export const HELD_WITHOUT_SMTP = "Waiting for a mail server: SMTP_URL is not set. It is sent once one is configured.";

export interface AlertMailOptions {
  /** SMTP settings; defaults to the environment's (SMTP_URL, MAIL_FROM). */
  mail?: MailSettings;
  /** Test seam: what sends one message (defaults to lib/mail's sendMail). */
  send?: typeof sendMail;
  timeoutMs?: number;
  batchSize?: number;
  now?: () => Date;
}

export interface AlertMailPass {
  sent: number;
  failed: number;
  /** Notifications newly marked as waiting because no mail server is configured. */
  held: number;
}

/** nodemailer's error shape: the SMTP reply code and the command it answered. */
interface SmtpError {
  responseCode?: number;
  command?: string;
  message: string;
}

/**
 * A recipient the server refuses for good (5xx to RCPT TO: no such mailbox, relaying denied) will
 * not be accepted later either; everything else (connection, time-out, 4xx, a refused login) may pass
 * on a later attempt.
 */
export function isPermanentRecipientFailure(error: unknown): boolean {
  const e = error as Partial<SmtpError> | null;
  return Boolean(e && typeof e.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600 && /^RCPT/i.test(e.command ?? ""));
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.name === "TimeoutError" ? "timed out" : error.message.slice(0, 500);
  return String(error).slice(0, 500);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("timed out"), { name: "TimeoutError" })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type SendOutcome = { sent: true } | { sent: false; serverFault: boolean; error: string; retryAt: Date | null };

async function sendOne(db: Executor, notification: ClaimedNotification, mail: MailSettings, options: AlertMailOptions): Promise<SendOutcome> {
  const now = options.now?.() ?? new Date();
  const attempts = notification.attempts + 1;
  try {
    const accepted = await withTimeout((options.send ?? sendMail)({ to: notification.recipient, subject: notification.subject, text: notification.body }, mail), options.timeoutMs ?? 30_000);
    // sendMail answers false only without SMTP, which the pass checked; never count that as sent.
    if (!accepted) throw new Error("no SMTP server is configured");
    await recordNotificationAttempt(db, notification.id, { status: "delivered", attempts, error: null, nextAttemptAt: null });
    return { sent: true };
  } catch (cause) {
    const permanent = isPermanentRecipientFailure(cause);
    const dead = !permanent && attempts >= MAX_ATTEMPTS;
    const error = errorText(cause);
    const retryAt = permanent || dead ? null : new Date(now.getTime() + nextAttemptDelayMs(attempts));
    await recordNotificationAttempt(db, notification.id, { status: permanent ? "failed" : dead ? "dead" : "pending", attempts, error, nextAttemptAt: retryAt });
    return { sent: false, serverFault: !permanent && !(cause as Partial<SmtpError>)?.command?.match(/^RCPT/i), error, retryAt };
  }
}

/** One pass over due alert e-mails. Without SMTP nothing is claimed: waiting mails are marked so. */
export async function deliverDueAlertMail(db: Executor, options: AlertMailOptions = {}): Promise<AlertMailPass> {
  const settings = options.mail ?? { smtpUrl: getEnv().SMTP_URL, from: getEnv().MAIL_FROM };
  if (!mailConfigured(settings)) {
    return { sent: 0, failed: 0, held: await holdPendingNotifications(db, HELD_WITHOUT_SMTP) };
  }
  const claimed = await claimDueNotifications(db, options.now?.(), options.batchSize ?? 20);
  // One at a time: mail servers throttle parallel connections from one sender. When the server
  // itself fails (down, timing out, refusing the login) the rest of the batch is not tried against it:
  // each waits as long as the failed one, attempts unchanged.
  let sent = 0;
  let failed = 0;
  for (const [index, notification] of claimed.entries()) {
    const outcome = await sendOne(db, notification, settings, options);
    if (outcome.sent) {
      sent++;
      continue;
    }
    failed++;
    if (outcome.serverFault && outcome.retryAt) {
      for (const rest of claimed.slice(index + 1)) {
        await recordNotificationAttempt(db, rest.id, {
          status: "pending",
          attempts: rest.attempts,
          error: `Not tried: the mail server failed on an earlier message (${outcome.error}).`,
          nextAttemptAt: outcome.retryAt,
        });
      }
      break;
    }
  }
  return { sent, failed, held: 0 };
}
