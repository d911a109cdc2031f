// The public origin links are shown with: PUBLIC_BASE_URL when set (behind a proxy or a custom
// resolver domain), else the request's own origin.
import { getEnv } from "@/lib/config/env";

export function publicBaseUrl(headers: Headers): string {
  const configured = getEnv().PUBLIC_BASE_URL;
  if (configured) return configured;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto.split(",")[0]!.trim()}://${host.split(",")[0]!.trim()}`;
}
