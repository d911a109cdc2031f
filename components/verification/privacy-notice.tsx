import type { Messages } from "@/lib/i18n/messages";

/** What a scan records, in short, with the details one tap away (a <details>: no script needed). */
export function PrivacyNotice({ messages }: { messages: Messages }) {
  const m = messages.privacy;
  return (
    <section className="privacy" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{m.heading}</h2>
      <p>
        {m.summary} {m.noIp}
      </p>
      <details>
        <summary>{m.more}</summary>
        <ul>
          <li>{m.time}</li>
          <li>{m.coarseLocation}</li>
          <li>{m.hashedIds}</li>
          <li>{m.noIp}</li>
          <li>{m.preciseLocation}</li>
          <li>{m.reports}</li>
        </ul>
      </details>
    </section>
  );
}
