import Link from "next/link";
import type { ReactNode } from "react";
import type { MembershipView } from "@/db/queries/memberships";
import { roleAllows, type Permission } from "@/lib/access/permissions";
import type { Role } from "@/db/schema";
import { LogoMark } from "@/components/logo";
import { signOutAction } from "@/app/(console)/console/sign-out-action";

const sections: { href: string; label: string; permission: Permission }[] = [
  { href: "", label: "Overview", permission: "console:view" },
  { href: "/cases", label: "Cases", permission: "cases:read" },
  { href: "/insights", label: "Insights", permission: "scans:read" },
  { href: "/alerts", label: "Alerts", permission: "alerts:manage" },
  { href: "/serials", label: "Serials", permission: "serials:write" },
  { href: "/imports", label: "Imports", permission: "epcis:write" },
  { href: "/recalls", label: "Recalls", permission: "recalls:manage" },
  { href: "/members", label: "Members", permission: "members:manage" },
  { href: "/api-keys", label: "API keys", permission: "api-keys:manage" },
  { href: "/webhooks", label: "Webhooks", permission: "webhooks:manage" },
  { href: "/audit", label: "Audit log", permission: "audit:read" },
  { href: "/settings", label: "Settings", permission: "settings:manage" },
];

interface Props {
  current: MembershipView;
  memberships: MembershipView[];
  email: string;
  children: ReactNode;
}

export function ConsoleShell({ current, memberships, email, children }: Props) {
  const base = `/console/${current.organisation.slug}`;
  const visible = sections.filter((s) => roleAllows(current.role as Role, s.permission));
  return (
    <div className="console">
      <header className="console-header">
        <Link href="/" className="logo">
          <LogoMark />
          genuine
        </Link>
        <details className="org-switcher">
          <summary aria-label={`Organisation: ${current.organisation.name}. Switch organisation`}>
            {current.organisation.name}&nbsp;<span className="muted">({current.role})</span>
          </summary>
          <ul>
            {memberships.map((m) => (
              <li key={m.organisation.id}>
                <Link
                  href={`/console/${m.organisation.slug}`}
                  aria-current={m.organisation.id === current.organisation.id ? "page" : undefined}
                >
                  {m.organisation.name} <span className="muted">· {m.role}</span>
                </Link>
              </li>
            ))}
          </ul>
        </details>
        <form action={signOutAction} className="sign-out">
          <span className="muted who">{email}</span>
          <button type="submit" className="button secondary">
            Sign out
          </button>
        </form>
      </header>
      <div className="console-body">
        <nav aria-label="Console" className="console-nav">
          <ul>
            {visible.map((s) => (
              <li key={s.href}>
                <Link href={`${base}${s.href}`}>{s.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} className="console-main">
          {children}
        </main>
      </div>
    </div>
  );
}
