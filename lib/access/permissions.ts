// Who may do what. One table, read by pages, server actions, route handlers and the matrix test.
import type { Role } from "@/db/schema";

export const permissions = {
  "console:view": ["owner", "analyst", "editor", "retailer"],
  "members:manage": ["owner"],
  "api-keys:manage": ["owner"],
  "webhooks:manage": ["owner"],
  "epcis:write": ["owner"],
  "serials:write": ["owner"],
  "epcis:read": ["owner", "analyst"],
  "settings:manage": ["owner"],
  "audit:read": ["owner"],
  "cases:read": ["owner", "analyst"],
  "cases:manage": ["owner", "analyst"],
  "scans:read": ["owner", "analyst"],
  "recalls:manage": ["owner", "analyst"],
  "alerts:manage": ["owner", "analyst"],
  "content:edit": ["owner", "editor"],
  "links:edit": ["owner", "editor"],
  "products:read": ["owner", "analyst", "editor"],
  "returns:verify": ["retailer", "owner"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function roleAllows(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
