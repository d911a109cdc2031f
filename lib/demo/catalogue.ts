// The demo's world: two brands in different industries, their retailers, people, products and lots.
// GTINs use GS1's demonstration prefixes (950 / 952), so they are valid but belong to no real product.
import type { LocalizedText, ProductCategory, ProvenanceFact, Role } from "@/db/schema";

/** Every demo account's password. Local demo only: documented in README, never for production. */
export const DEMO_PASSWORD = "genuine-demo";

export interface DemoLot {
  lot: string;
  /** Months before the seed date the lot was produced, and months of shelf life. */
  producedMonthsAgo: number;
  shelfLifeMonths: number;
  units: number;
  /** Share of units never shipped (commissioned only). */
  unshippedShare?: number;
  fate?: "recalled" | "stolen_shipment";
}

export interface DemoProduct {
  gtin: string;
  name: LocalizedText;
  description: LocalizedText;
  category: ProductCategory;
  intendedMarkets: string[];
  singleUse: boolean;
  facts: ProvenanceFact[];
  lots: DemoLot[];
  /** Web page of the product on the brand's own site (gs1:pip). */
  pageUrl: string;
  leafletUrl?: string;
}

export interface DemoBrand {
  slug: string;
  name: string;
  companyPrefix: string;
  domain: string;
  locales: string[];
  site: { name: string; sgln: string; timeZoneOffset: string };
  /** Distribution points per market, as SGLN URNs. */
  marketLocations: Record<string, string>;
  people: { role: Exclude<Role, "retailer">; name: string }[];
  retailer: { slug: string; name: string; domain: string; person: string };
  products: DemoProduct[];
}

const t = (en: string, fr: string, de?: string): LocalizedText => ({ en, fr, ...(de ? { de } : {}) });

export const demoBrands: DemoBrand[] = [
  {
    slug: "medivia",
    name: "Medivia Pharma",
    companyPrefix: "9506000",
    domain: "medivia.example",
    locales: ["en", "de", "fr"],
    site: { name: "Medivia plant, Ludwigshafen", sgln: "urn:epc:id:sgln:9506000.00011.0", timeZoneOffset: "+01:00" },
    marketLocations: {
      DE: "urn:epc:id:sgln:9506000.00021.0",
      FR: "urn:epc:id:sgln:9506000.00022.0",
      AT: "urn:epc:id:sgln:9506000.00023.0",
      NL: "urn:epc:id:sgln:9506000.00024.0",
      US: "urn:epc:id:sgln:9506000.00031.0",
    },
    people: [
      { role: "owner", name: "Olivia Brandt" },
      { role: "analyst", name: "Aaron Keller" },
      { role: "editor", name: "Emma Schulz" },
    ],
    retailer: { slug: "pharmacie-du-parc", name: "Pharmacie du Parc", domain: "pharmacie-du-parc.example", person: "Rémi Laurent" },
    products: [
      {
        gtin: "09506000134352",
        name: t("Cardiolex 20 mg film-coated tablets, 30", "Cardiolex 20 mg comprimés pelliculés, 30", "Cardiolex 20 mg Filmtabletten, 30"),
        description: t(
          "Prescription medicine for high blood pressure. Keep out of the sight and reach of children.",
          "Médicament sur ordonnance contre l'hypertension. Tenir hors de la vue et de la portée des enfants.",
          "Verschreibungspflichtiges Arzneimittel gegen Bluthochdruck. Für Kinder unzugänglich aufbewahren.",
        ),
        category: "pharmaceutical",
        intendedMarkets: ["DE", "FR", "AT", "NL"],
        singleUse: true,
        facts: [
          { label: t("Made in", "Fabriqué à", "Hergestellt in"), value: t("Ludwigshafen, Germany", "Ludwigshafen, Allemagne", "Ludwigshafen, Deutschland") },
          { label: t("Quality", "Qualité", "Qualität"), value: t("EU GMP certified site", "Site certifié BPF UE", "EU-GMP-zertifizierter Standort") },
        ],
        lots: [
          { lot: "CX24A17", producedMonthsAgo: 9, shelfLifeMonths: 36, units: 140 },
          { lot: "CX24B03", producedMonthsAgo: 5, shelfLifeMonths: 36, units: 120, fate: "recalled" },
        ],
        pageUrl: "https://www.medivia.example/products/cardiolex",
        leafletUrl: "https://www.medivia.example/leaflets/cardiolex",
      },
      {
        gtin: "09506000135229",
        name: t("Respiral 100 µg inhaler, 200 doses", "Respiral 100 µg inhalateur, 200 doses", "Respiral 100 µg Inhalator, 200 Hübe"),
        description: t(
          "Reliever inhaler for asthma. Shake before use.",
          "Inhalateur de secours contre l'asthme. Agiter avant emploi.",
          "Bedarfsinhalator bei Asthma. Vor Gebrauch schütteln.",
        ),
        category: "pharmaceutical",
        intendedMarkets: ["DE", "FR", "NL"],
        singleUse: true,
        facts: [{ label: t("Made in", "Fabriqué à", "Hergestellt in"), value: t("Ludwigshafen, Germany", "Ludwigshafen, Allemagne", "Ludwigshafen, Deutschland") }],
        lots: [
          { lot: "RS24C11", producedMonthsAgo: 7, shelfLifeMonths: 24, units: 120, fate: "stolen_shipment" },
          { lot: "RS25A02", producedMonthsAgo: 2, shelfLifeMonths: 24, units: 100, unshippedShare: 0.4 },
        ],
        pageUrl: "https://www.medivia.example/products/respiral",
        leafletUrl: "https://www.medivia.example/leaflets/respiral",
      },
      {
        gtin: "09506000136110",
        name: t("Amoxa 500 mg capsules, 16", "Amoxa 500 mg gélules, 16", "Amoxa 500 mg Hartkapseln, 16"),
        description: t("Antibiotic. Take the full course as prescribed.", "Antibiotique. Suivre le traitement complet.", "Antibiotikum. Die Behandlung vollständig durchführen."),
        category: "pharmaceutical",
        intendedMarkets: ["US"],
        singleUse: true,
        facts: [{ label: t("Made in", "Fabriqué à", "Hergestellt in"), value: t("Ludwigshafen, Germany", "Ludwigshafen, Allemagne", "Ludwigshafen, Deutschland") }],
        lots: [
          { lot: "AM23K29", producedMonthsAgo: 26, shelfLifeMonths: 24, units: 100 },
          { lot: "AM25B14", producedMonthsAgo: 4, shelfLifeMonths: 24, units: 100 },
        ],
        pageUrl: "https://www.medivia.example/products/amoxa",
      },
    ],
  },
  {
    slug: "maison-aurele",
    name: "Maison Aurèle",
    companyPrefix: "9521234",
    domain: "maison-aurele.example",
    locales: ["en", "fr"],
    site: { name: "Atelier Aurèle, Lyon", sgln: "urn:epc:id:sgln:9521234.00011.0", timeZoneOffset: "+01:00" },
    marketLocations: {
      FR: "urn:epc:id:sgln:9521234.00021.0",
      IT: "urn:epc:id:sgln:9521234.00022.0",
      US: "urn:epc:id:sgln:9521234.00031.0",
      JP: "urn:epc:id:sgln:9521234.00041.0",
      AE: "urn:epc:id:sgln:9521234.00051.0",
    },
    people: [
      { role: "owner", name: "Camille Aurèle" },
      { role: "analyst", name: "Hugo Martin" },
      { role: "editor", name: "Léa Bernard" },
    ],
    retailer: { slug: "boutique-rivoli", name: "Boutique Rivoli", domain: "boutique-rivoli.example", person: "Sofia Rossi" },
    products: [
      {
        gtin: "09521234001010",
        name: t("Lune handbag, calfskin, midnight blue", "Sac Lune, veau, bleu nuit"),
        description: t("Hand-stitched in our Lyon atelier from full-grain calfskin.", "Cousu main dans notre atelier lyonnais, en veau pleine fleur."),
        category: "luxury",
        intendedMarkets: ["FR", "IT", "US", "JP", "AE"],
        singleUse: false,
        facts: [
          { label: t("Atelier", "Atelier"), value: t("Lyon, France", "Lyon, France") },
          { label: t("Leather", "Cuir"), value: t("LWG Gold-rated tannery", "Tannerie certifiée LWG Or") },
        ],
        lots: [
          { lot: "LN2406", producedMonthsAgo: 8, shelfLifeMonths: 0, units: 90 },
          { lot: "LN2502", producedMonthsAgo: 3, shelfLifeMonths: 0, units: 70 },
        ],
        pageUrl: "https://www.maison-aurele.example/lune",
      },
      {
        gtin: "09521234002024",
        name: t("Chronographe Aurèle 38 mm, steel", "Chronographe Aurèle 38 mm, acier"),
        description: t("Automatic chronograph, sapphire crystal, 5-year warranty.", "Chronographe automatique, verre saphir, garantie 5 ans."),
        category: "luxury",
        intendedMarkets: ["FR", "US", "JP", "AE"],
        singleUse: false,
        facts: [{ label: t("Movement", "Mouvement"), value: t("Swiss automatic calibre", "Calibre automatique suisse") }],
        lots: [
          { lot: "CH2403", producedMonthsAgo: 10, shelfLifeMonths: 0, units: 80 },
          { lot: "CH2505", producedMonthsAgo: 4, shelfLifeMonths: 0, units: 80 },
        ],
        pageUrl: "https://www.maison-aurele.example/chronographe",
      },
      {
        gtin: "09521234003038",
        name: t("Jardin silk scarf, 90 × 90 cm", "Carré de soie Jardin, 90 × 90 cm"),
        description: t("Twill silk printed in Lyon, hand-rolled edges.", "Twill de soie imprimé à Lyon, bords roulottés main."),
        category: "luxury",
        intendedMarkets: ["FR", "IT", "JP"],
        singleUse: false,
        facts: [{ label: t("Silk", "Soie"), value: t("Printed in Lyon, France", "Imprimé à Lyon, France") }],
        lots: [
          { lot: "JD2409", producedMonthsAgo: 6, shelfLifeMonths: 0, units: 80 },
          { lot: "JD2504", producedMonthsAgo: 2, shelfLifeMonths: 0, units: 80 },
        ],
        pageUrl: "https://www.maison-aurele.example/jardin",
      },
    ],
  },
];

export function demoEmail(role: Role, brand: DemoBrand): string {
  return role === "retailer" ? `retailer@${brand.retailer.domain}` : `${role}@${brand.domain}`;
}
