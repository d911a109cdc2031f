// CSV files we hand out are opened in spreadsheets, and much of what they carry comes from the field
// (scanned codes, places, imported rows): a cell that starts like a formula would run as one (OWASP's
// "CSV injection"), so it is prefixed with an apostrophe and reads as text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafeCell(value: string | null | undefined): string {
  if (!value) return "";
  return FORMULA_START.test(value) ? `'${value}` : value;
}
