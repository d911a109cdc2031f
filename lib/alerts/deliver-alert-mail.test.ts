import { describe, expect, it } from "vitest";
import { isPermanentRecipientFailure } from "./deliver-alert-mail";

describe("isPermanentRecipientFailure", () => {
  it.each([
    ["550 to RCPT TO (no such mailbox)", { responseCode: 550, command: "RCPT TO", message: "x" }, true],
    ["553 to RCPT TO (relaying denied)", { responseCode: 553, command: "RCPT TO", message: "x" }, true],
    ["450 to RCPT TO (greylisted: later)", { responseCode: 450, command: "RCPT TO", message: "x" }, false],
    ["535 to AUTH (a configuration problem, fixed later)", { responseCode: 535, command: "AUTH PLAIN", message: "x" }, false],
    ["554 to DATA", { responseCode: 554, command: "DATA", message: "x" }, false],
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED", command: "CONN" }), false],
    ["nothing", null, false],
  ])("%s → %s", (_label, error, permanent) => {
    expect(isPermanentRecipientFailure(error)).toBe(permanent);
  });
});
