import { withApiRoute } from "@/lib/access/with-api-route";

export const dynamic = "force-dynamic";

/** Who is calling, for which organisation: lets an integrator check a key before using it. */
export const GET = withApiRoute("GET /api/v1/me", { permission: "console:view", scope: "any" }, async (ctx) =>
  Response.json({
    organisation: ctx.organisation,
    caller:
      ctx.caller.kind === "user"
        ? { kind: "user", email: ctx.caller.email }
        : { kind: "api-key", id: ctx.caller.apiKeyId, scopes: ctx.caller.scopes },
  }),
);
