// The invitation e-mail: plain text, the organisation, the role and the link.
import type { Role } from "@/db/schema";
import { withArticle } from "@/lib/access/role-label";

export function invitationMail(input: { organisation: string; role: Role; link: string; invitedBy: string }) {
  return {
    subject: `You are invited to ${input.organisation} on genuine`,
    text: [
      `${input.invitedBy} invited you to join ${input.organisation} on genuine as ${withArticle(input.role)}.`,
      "",
      `Accept the invitation: ${input.link}`,
      "",
      "The link works once and for 7 days. If you did not expect this, ignore this message.",
    ].join("\n"),
  };
}
