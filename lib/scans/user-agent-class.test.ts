import { describe, expect, it } from "vitest";
import { countsAsPerson, userAgentClass } from "./user-agent-class";

describe("userAgentClass", () => {
  it.each([
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "browser"],
    ["Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "browser"],
    ["Mozilla/5.0 (Linux; Android 14; SM-S918B; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0 Mobile Safari/537.36", "in_app"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 309.0", "in_app"],
    ["Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 MicroMessenger/8.0.47", "in_app"],
    ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "bot"],
    ["facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "bot"],
    ["WhatsApp/2.23.20.0 A", "bot"],
    ["Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "bot"],
    ["curl/8.5.0", "bot"],
    ["python-requests/2.32.3", "bot"],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36", "bot"],
    ["Mozilla/5.0 (Linux; Android 11; TC52 Build/11-49-15.00) Zebra EnterpriseBrowser", "scanner"],
    ["Scandit/6.28 iOS", "scanner"],
    ["", "unknown"],
    [null, "unknown"],
    ["SomethingElse/1.0", "unknown"],
  ] as const)("%s → %s", (ua, expected) => {
    expect(userAgentClass(ua)).toBe(expected);
  });

  it("leaves only bots out of counts", () => {
    expect(countsAsPerson("bot")).toBe(false);
    expect(countsAsPerson("browser")).toBe(true);
    expect(countsAsPerson("unknown")).toBe(true);
  });
});
