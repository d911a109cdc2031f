// The wrapper every console server action goes through: authenticate, resolve the organisation from
// the form's "org" field, check the permission, validate the input with zod, run, audit, answer.
// CSRF: Next.js refuses server-action POSTs whose Origin does not match the host.
import { headers } from "next/headers";
import { z } from "zod";
import type { Database } from "@/db/database";
import { appendAudit, type AuditEntry } from "@/db/queries/audit";
import type { MembershipView } from "@/db/queries/memberships";
import { LastOwnerError } from "@/db/queries/memberships";
import { AppError } from "@/lib/http/problem";
import { sourceFingerprint } from "@/lib/privacy/fingerprint";
import { getDatabase } from "@/lib/runtime/app-database";
import { actionDenied, type ActionResult } from "./action-result";
import { currentUser } from "./current-user";
import { decideOrgAccess } from "./org-access";
import type { Permission } from "./permissions";

export interface ActionContext {
  db: Database;
  userId: string;
  membership: MembershipView;
  organisationId: string;
  audit(entry: Omit<AuditEntry, "organisationId" | "actorUserId" | "sourceFingerprint">): Promise<void>;
}

const orgField = z.object({ org: z.string().min(1).max(100) });

/** Registry of every action's permission, for the authorization matrix test. */
export const actionPermissions = new Map<string, Permission>();

export function orgAction<Schema extends z.ZodObject>(
  name: string,
  permission: Permission,
  schema: Schema,
  handler: (ctx: ActionContext, input: z.infer<Schema>) => Promise<ActionResult>,
) {
  actionPermissions.set(name, permission);
  return async function action(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
    const fields = Object.fromEntries(form.entries());
    const org = orgField.safeParse(fields);
    if (!org.success) return { ok: false, status: 400, message: "The form is missing its organisation." };
    const user = await currentUser();
    const db = (await getDatabase()).db;
    const access = await decideOrgAccess(db, user?.id, org.data.org, permission);
    if (!access.ok) return actionDenied[access.status];

    const input = schema.safeParse(fields);
    if (!input.success) {
      const fieldErrors = Object.fromEntries(input.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
      return { ok: false, status: 400, message: "Please correct the highlighted fields.", fieldErrors };
    }
    const source = sourceFingerprint(await headers());
    const ctx: ActionContext = {
      db,
      userId: user!.id,
      membership: access.membership,
      organisationId: access.membership.organisation.id,
      audit: (entry) =>
        appendAudit(db, { ...entry, organisationId: access.membership.organisation.id, actorUserId: user!.id, sourceFingerprint: source }),
    };
    try {
      return await handler(ctx, input.data);
    } catch (error) {
      if (error instanceof LastOwnerError) return { ok: false, status: 409, message: error.message };
      if (error instanceof AppError) return { ok: false, status: error.status, message: error.detail ?? error.message };
      console.error(`genuine: action ${name} failed`, error);
      return { ok: false, status: 500, message: "Something went wrong on our side. Please try again." };
    }
  };
}
