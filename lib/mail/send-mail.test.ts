import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitationMail } from "./invitation-mail";
import { sendMail } from "./send-mail";
import { startSmtpSink, type SmtpSink } from "./testing/smtp-sink";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

describe("sendMail", () => {
  it("delivers an invitation through a real SMTP conversation", async () => {
    const mail = invitationMail({ organisation: "Medivia Pharma", role: "analyst", link: "https://genuine.example/invitations/abc", invitedBy: "owner@medivia.example" });
    const sent = await sendMail({ to: "new.analyst@example.com", ...mail }, { smtpUrl: sink.url, from: "genuine <no-reply@genuine.example>" });
    expect(sent).toBe(true);
    expect(sink.messages).toHaveLength(1);
    const [message] = sink.messages;
    expect(message!.from).toBe("no-reply@genuine.example");
    expect(message!.to).toEqual(["new.analyst@example.com"]);
    expect(message!.data).toContain("Subject: You are invited to Medivia Pharma on genuine");
    // The body is quoted-printable: undo its soft line breaks before reading it.
    const body = message!.data.replace(/=\n/g, "");
    expect(body).toContain("as an analyst");
    expect(body).toContain("https://genuine.example/invitations/abc");
  });

  it("sends nothing, and says so, without SMTP", async () => {
    expect(await sendMail({ to: "x@example.com", subject: "s", text: "t" }, { smtpUrl: undefined, from: "a@b.c" })).toBe(false);
  });
});
