import { localized } from "@/lib/i18n/negotiate-locale";

/** A required <select name="gtin"> of the organisation's products. */
export function ProductSelect({ products }: { products: { gtin: string; name: Record<string, string> }[] }) {
  return (
    <label>
      Product
      <select name="gtin" required>
        {products.map((p) => (
          <option key={p.gtin} value={p.gtin}>
            {localized(p.name, "en")} ({p.gtin})
          </option>
        ))}
      </select>
    </label>
  );
}
