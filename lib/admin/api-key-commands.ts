// api-key create / list / revoke and signing-key rotate / retire.
import { appendAudit } from "@/db/queries/audit";
import { findApiKeyForToken, listApiKeys, revokeApiKey, type ApiKeyRow } from "@/db/queries/api-keys";
import { findOrganisationBySlug } from "@/db/queries/organisations";
import { issueApiKey } from "@/lib/api-keys/issue-api-key";
import { forgetCachedSigningKeys, retireSigningKey, rotateSigningKey } from "@/lib/api-keys/signing-keys";
import { AppError } from "@/lib/http/problem";
import { auditVia, done, formatTable, refused, type AdminContext, type AdminResult } from "./admin-result";
import type { AdminCommand } from "./parse-admin-args";

type Command<K extends AdminCommand["kind"]> = Extract<AdminCommand, { kind: K }>;

const dayMs = 86_400_000;
const unknownOrganisation = (slug: string) => refused(`No organisation with the slug "${slug}" (see \`org list\`).`);

export async function createApiKeyCommand(context: AdminContext, command: Command<"api-key-create">): Promise<AdminResult> {
  const { db } = context;
  const organisation = await findOrganisationBySlug(db, command.organisationSlug);
  if (!organisation) return unknownOrganisation(command.organisationSlug);
  const now = context.now();
  const expiresAt = command.expiresInDays === null ? null : new Date(now.getTime() + command.expiresInDays * dayMs);
  const secret = context.secret();
  try {
    const { token, apiKey } = await db.transaction(async (tx) => {
      const issued = await issueApiKey(tx, secret, { organisationId: organisation.id, name: command.name, scopes: command.scopes, expiresAt }, now);
      await appendAudit(tx, {
        organisationId: organisation.id,
        action: "api_key.created",
        targetType: "api_key",
        targetId: issued.apiKey.id,
        metadata: { ...auditVia, name: issued.apiKey.name, scopes: issued.apiKey.scopes },
      });
      return issued;
    });
    // stdout carries the token alone, so `TOKEN=$(npm run -s admin -- api-key create …)` just works.
    return done(
      [token],
      [
        `Created API key "${apiKey.name}" (id ${apiKey.id}) for ${organisation.slug} with scopes ${apiKey.scopes.join(", ")}` +
          `${apiKey.expiresAt ? `, expiring ${apiKey.expiresAt.toISOString()}` : ""}.`,
        "The token is shown once; store it now.",
      ],
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "bad_request") return refused(error.message);
    throw error;
  }
}

export async function listApiKeysCommand(context: AdminContext, command: Command<"api-key-list">): Promise<AdminResult> {
  const organisation = await findOrganisationBySlug(context.db, command.organisationSlug);
  if (!organisation) return unknownOrganisation(command.organisationSlug);
  const keys = await listApiKeys(context.db, organisation.id);
  if (keys.length === 0) return done([], [`${organisation.slug} has no API keys.`]);
  const now = context.now();
  return done(
    formatTable(
      ["ID", "NAME", "TOKEN", "STATUS", "CREATED", "LAST USED", "SCOPES"],
      keys.map((key) => [key.id, key.name, key.displayPrefix, statusOf(key, now), day(key.createdAt), key.lastUsedAt ? day(key.lastUsedAt) : "never", key.scopes.join(",")]),
    ),
  );
}

function statusOf(key: ApiKeyRow, now: Date): string {
  if (key.revokedAt) return `revoked ${day(key.revokedAt)}`;
  if (key.expiresAt && key.expiresAt <= now) return `expired ${day(key.expiresAt)}`;
  return key.expiresAt ? `active until ${day(key.expiresAt)}` : "active";
}

const day = (date: Date) => date.toISOString().slice(0, 10);

export async function revokeApiKeyCommand(context: AdminContext, command: Command<"api-key-revoke">): Promise<AdminResult> {
  const { db } = context;
  // The operator knows the key's id, not its organisation: look it up unscoped, then revoke scoped.
  const key = await findApiKeyForToken(db, command.apiKeyId);
  if (!key) return refused(`No API key with the id "${command.apiKeyId}" (see \`api-key list --org <slug>\`).`);
  if (key.revokedAt) return done([`API key ${key.id} ("${key.name}") was already revoked at ${key.revokedAt.toISOString()}.`]);
  const now = context.now();
  await db.transaction(async (tx) => {
    await revokeApiKey(tx, key.organisationId, key.id, now);
    await appendAudit(tx, { organisationId: key.organisationId, action: "api_key.revoked", targetType: "api_key", targetId: key.id, metadata: { ...auditVia, name: key.name } });
  });
  return done([`Revoked API key ${key.id} ("${key.name}"). Requests with it are refused from now on.`]);
}

export async function rotateSigningKeyCommand(context: AdminContext): Promise<AdminResult> {
  const { db } = context;
  const secret = context.secret();
  const { kid } = await db.transaction(async (tx) => {
    const rotated = await rotateSigningKey(tx, secret, context.now());
    // Signing keys belong to the instance, not to a tenant: the entry has no organisation.
    await appendAudit(tx, { organisationId: null, action: "signing_key.rotated", targetType: "signing_key", targetId: rotated.kid, metadata: { ...auditVia } });
    return rotated;
  });
  // The rotation ran on the transaction's handle; drop what this process cached for the database's.
  forgetCachedSigningKeys(db);
  return done(
    [kid],
    [`Key ${kid} signs new API keys from now on. Older keys still verify until retired (other processes follow within a minute).`],
  );
}

export async function retireSigningKeyCommand(context: AdminContext, command: Command<"signing-key-retire">): Promise<AdminResult> {
  const { db } = context;
  const retired = await db.transaction(async (tx) => {
    const found = await retireSigningKey(tx, command.kid, context.now());
    if (found) await appendAudit(tx, { organisationId: null, action: "signing_key.retired", targetType: "signing_key", targetId: command.kid, metadata: { ...auditVia } });
    return found;
  });
  forgetCachedSigningKeys(db);
  if (!retired) return refused(`No signing key with the kid "${command.kid}".`);
  return done([`Retired signing key ${command.kid}: every token it signed is refused from now on (other processes within a minute).`]);
}
