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
  params: Promise<{ gtin: string; qualifiers?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function UnitPage({ params, searchParams }: Props) {
  const [{ gtin, qualifiers = [] }, query, requestHeaders] = await Promise.all([params, searchParams, headers()]);
  const expiry = typeof query["17"] === "string" ? query["17"] : null;
  const code = parseUnitPath(gtin, qualifiers, expiry);
  if (!code) notFound();
  const view = await loadUnitView((await getDatabase()).db, code, requestHeaders.get("accept-language"));
  return <UnitReport view={view} />;
}
