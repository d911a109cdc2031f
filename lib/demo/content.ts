// Demo resolver links, provenance pages and recall notices, derived from the catalogue.
import type { DemoBrand, DemoProduct } from "./catalogue";

export function demoLinks(product: DemoProduct) {
  const anchor = `/01/${product.gtin}`;
  const links = [
    { anchor, linkType: "gs1:pip", href: product.pageUrl, title: `${product.name.en} — product information`, hreflang: "en" },
    { anchor, linkType: "gs1:pip", href: `${product.pageUrl}?lang=fr`, title: `${product.name.fr ?? product.name.en} — fiche produit`, hreflang: "fr" },
  ];
  if (product.leafletUrl) {
    links.push({ anchor, linkType: "gs1:epil", href: product.leafletUrl, title: `${product.name.en} — patient information leaflet`, hreflang: "en" });
  }
  return links;
}

const headings: Record<string, { story: string; facts: string }> = {
  en: { story: "Our story", facts: "Facts" },
  fr: { story: "Notre histoire", facts: "En bref" },
  de: { story: "Unsere Geschichte", facts: "Fakten" },
};

/** A provenance page in Markdown, written the way an editor would. */
export function demoProvenancePage(brand: DemoBrand, product: DemoProduct, locale: string) {
  const h = headings[locale] ?? headings.en!;
  const pick = (text: Record<string, string>) => text[locale] ?? text.en ?? "";
  const facts = product.facts.map((f) => `- **${pick(f.label)}:** ${pick(f.value)}`).join("\n");
  return {
    title: pick(product.name),
    body: `## ${h.story}\n\n${pick(product.description)}\n\n${brand.name}, ${brand.site.name}.\n\n## ${h.facts}\n\n${facts}\n`,
  };
}

export const demoRecallNotice = {
  title: {
    en: "Recall: Cardiolex 20 mg, lot CX24B03",
    fr: "Rappel : Cardiolex 20 mg, lot CX24B03",
    de: "Rückruf: Cardiolex 20 mg, Charge CX24B03",
  },
  message: {
    en: "Some packs of this lot may contain tablets of the wrong strength.",
    fr: "Certaines boîtes de ce lot peuvent contenir des comprimés d'un mauvais dosage.",
    de: "Einige Packungen dieser Charge können Tabletten falscher Stärke enthalten.",
  },
  action: {
    en: "Do not stop taking your medicine. Return the pack to your pharmacy for a free replacement.",
    fr: "N'arrêtez pas votre traitement. Rapportez la boîte à votre pharmacie pour un échange gratuit.",
    de: "Setzen Sie Ihr Arzneimittel nicht ab. Bringen Sie die Packung zum kostenlosen Umtausch in Ihre Apotheke.",
  },
  moreInfoUrl: "https://www.medivia.example/recalls/cx24b03",
};
