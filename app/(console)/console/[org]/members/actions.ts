"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { createInvitation, revokeInvitation } from "@/db/queries/invitations";
import { changeRole, removeMember } from "@/db/queries/memberships";
import { findUserById } from "@/db/queries/users";
import { roles } from "@/db/schema";
import { orgAction } from "@/lib/access/org-action";
import { publicBaseUrl } from "@/lib/http/base-url";
import { invitationMail } from "@/lib/mail/invitation-mail";
import { sendMail } from "@/lib/mail/send-mail";
import { assertRateLimit } from "@/lib/rate-limit/assert-rate-limit";

export const inviteMember = orgAction(
  "inviteMember",
  "members:manage",
  z.object({ email: z.email("Enter an e-mail address").max(320), role: z.enum(roles) }),
  async (ctx, input) => {
    await assertRateLimit("invite", ctx.organisationId);
    const { token, invitation } = await createInvitation(ctx.db, {
      organisationId: ctx.organisationId,
      email: input.email,
      role: input.role,
      invitedBy: ctx.userId,
    });
    const link = `${publicBaseUrl(await headers())}/invitations/${token}`;
    const inviter = await findUserById(ctx.db, ctx.userId);
    const mailed = await sendMail({
      to: invitation.email,
      ...invitationMail({ organisation: ctx.membership.organisation.name, role: input.role, link, invitedBy: inviter?.email ?? "An owner" }),
    }).catch((error: unknown) => {
      console.error("genuine: invitation mail failed", error);
      return false;
    });
    await ctx.audit({ action: "member.invited", targetType: "invitation", targetId: invitation.id, metadata: { email: invitation.email, role: input.role, mailed } });
    return {
      ok: true,
      message: mailed ? `Invitation sent to ${invitation.email}.` : `Invitation created for ${invitation.email}. Send them this link:`,
      secret: { label: "Invitation link", value: link },
    };
  },
);

export const changeMemberRole = orgAction(
  "changeMemberRole",
  "members:manage",
  z.object({ userId: z.uuid(), role: z.enum(roles) }),
  async (ctx, input) => {
    const previous = await changeRole(ctx.db, ctx.organisationId, input.userId, input.role);
    if (!previous) return { ok: false, status: 404, message: "That person is not a member." };
    await ctx.audit({ action: "member.role_changed", targetType: "user", targetId: input.userId, metadata: { from: previous, to: input.role } });
    return { ok: true, message: `Role changed to ${input.role}.` };
  },
);

export const removeMemberAction = orgAction(
  "removeMember",
  "members:manage",
  z.object({ userId: z.uuid() }),
  async (ctx, input) => {
    const removed = await removeMember(ctx.db, ctx.organisationId, input.userId);
    if (!removed) return { ok: false, status: 404, message: "That person is not a member." };
    await ctx.audit({ action: "member.removed", targetType: "user", targetId: input.userId });
    return { ok: true, message: "Member removed." };
  },
);

export const revokeInvitationAction = orgAction(
  "revokeInvitation",
  "members:manage",
  z.object({ invitationId: z.uuid() }),
  async (ctx, input) => {
    const revoked = await revokeInvitation(ctx.db, ctx.organisationId, input.invitationId);
    if (!revoked) return { ok: false, status: 404, message: "No such pending invitation." };
    await ctx.audit({ action: "invitation.revoked", targetType: "invitation", targetId: input.invitationId });
    return { ok: true, message: "Invitation revoked." };
  },
);
