import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { UnitReport } from "@/components/unit-report";
import { parseUnitPath } from "@/lib/consumer/unit-path";
import { loadUnitView } from "@/lib/consumer/unit-view";
import { getDatabase } from "@/lib/runtime/app-database";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Product check", robots: { index: false } };

interface Props {
  params: Promise<{ path: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function searchOf(query: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value ?? []].flat()) search.append(key, v);
  return search.toString();
}

export default async function UnitPage({ params, searchParams }: Props) {
  const [{ path }, query, requestHeaders] = await Promise.all([params, searchParams, headers()]);
  const code = parseUnitPath(path, searchOf(query));
  if (!code) notFound();
  const view = await loadUnitView((await getDatabase()).db, code, requestHeaders.get("accept-language"));
  return <UnitReport view={view} />;
}
