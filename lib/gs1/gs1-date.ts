// A GS1 six-digit date (YYMMDD, AIs 11–17) as an ISO date. The century follows GS1 General
// Specifications §7.12: a year more than 50 years ahead of today belongs to the previous century, one
// 50 or more years behind to the next. Day "00" means the last day of the month.
export function gs1DateToIso(yymmdd: string, today: Date = new Date()): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return null;
  const current = today.getUTCFullYear();
  const century = Math.floor(current / 100) * 100;
  const difference = yy - (current % 100);
  const year = century + yy + (difference >= 51 ? -100 : difference <= -50 ? 100 : 0);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day === 0) day = lastDay;
  if (day > lastDay) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
