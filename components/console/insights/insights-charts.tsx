"use client";
// The insights page's charts (recharts). Each chart is a picture of a table the page also renders
// (in a <details> beside it): the figure is labelled as an image for assistive technology, and its
// interactive layer is off so keyboard focus never gets trapped in an SVG; the table carries the data.
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const palette = {
  consumer: "#0b6e4f",
  other: "#6fb69b",
  bots: "#8a5a00",
  cases: "#b3261e",
};

const verdictColours: Record<string, string> = {
  genuine: "#0b6e4f",
  caution: "#8a5a00",
  suspect: "#d9730d",
  counterfeit: "#b3261e",
  recalled: "#6b3fa0",
  expired: "#4a5a53",
  none: "#9aa8a1",
};

const number = new Intl.NumberFormat("en");
const compact = new Intl.NumberFormat("en", { notation: "compact" });
/** "2026-11-25" → "25 Nov": short enough for 360 px axes. */
const tick = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

function Frame({ label, height = 260, children }: { label: string; height?: number; children: React.ReactElement }) {
  return (
    <div role="img" aria-label={label} style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

export function ScansPerDayChart({ points, label }: { points: { day: string; consumer: number; other: number; bots: number }[]; label: string }) {
  return (
    <Frame label={label}>
      <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={tick} minTickGap={24} fontSize={12} />
        <YAxis tickFormatter={(v: number) => compact.format(v)} width={44} fontSize={12} allowDecimals={false} />
        <Tooltip labelFormatter={(day) => tick(String(day))} formatter={(value) => number.format(Number(value))} />
        <Legend />
        <Bar dataKey="consumer" name="Consumers" stackId="people" fill={palette.consumer} isAnimationActive={false} />
        <Bar dataKey="other" name="API and retailers" stackId="people" fill={palette.other} isAnimationActive={false} />
        <Line dataKey="bots" name="Bots (not counted as people)" stroke={palette.bots} strokeDasharray="4 3" dot={false} isAnimationActive={false} />
      </ComposedChart>
    </Frame>
  );
}

export function VerdictMixChart({ mix, label }: { mix: { verdict: string; label: string; scans: number; share: number }[]; label: string }) {
  return (
    <Frame label={label} height={Math.max(120, 36 * mix.length + 40)}>
      <BarChart data={mix} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => `${Math.round(v * 100)}%`} domain={[0, 1]} fontSize={12} />
        <YAxis type="category" dataKey="label" width={96} fontSize={12} />
        <Tooltip formatter={(value) => `${(Number(value) * 100).toFixed(1)}%`} />
        <Bar dataKey="share" name="Share of scans" isAnimationActive={false}>
          {mix.map((m) => (
            <Cell key={m.verdict} fill={verdictColours[m.verdict] ?? verdictColours.none} />
          ))}
        </Bar>
      </BarChart>
    </Frame>
  );
}

export function CasesPerDayChart({ points, label }: { points: { day: string; count: number }[]; label: string }) {
  return (
    <Frame label={label} height={200}>
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={tick} minTickGap={24} fontSize={12} />
        <YAxis width={36} fontSize={12} allowDecimals={false} />
        <Tooltip labelFormatter={(day) => tick(String(day))} />
        <Bar dataKey="count" name="New cases" fill={palette.cases} isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}
