// Every string the consumer verification page shows, as one typed shape each language implements.
import type { VerdictLevel } from "@/db/schema/enums";
import type { JourneyStep } from "@/lib/consumer/journey-steps";
import type { ReportErrorCode } from "@/lib/consumer/report-input";
import type { PublicReason } from "@/lib/verdict/types";

export interface Messages {
  /** The language's own name ("Deutsch"), shown in the language switcher. */
  languageName: string;
  page: {
    title: string;
    skipLink: string;
    home: string;
    footer: string;
    languages: string;
    notFoundTitle: string;
    notFoundBody: string;
  };
  verdict: {
    label: string;
    /** headline: a few words; advice: what to do now. */
    levels: Record<VerdictLevel, { headline: string; advice: string }>;
    /** One sentence per public reason ("none" is the genuine case's reassurance). */
    reasons: Record<PublicReason, string>;
    noSerialHeadline: string;
    noSerialDetail: string;
  };
  product: {
    heading: string;
    unknownBrand: string;
    unknownProduct: string;
    gtin: string;
    serial: string;
    lot: string;
    expiry: string;
  };
  journey: {
    heading: string;
    steps: Record<JourneyStep, string>;
    /** {markets}: the countries the unit was shipped to. */
    shippedTo: string;
  };
  recall: { label: string; since: string; moreInfo: string };
  links: { heading: string };
  report: {
    heading: string;
    intro: string;
    problem: string;
    problemHint: string;
    place: string;
    placeHint: string;
    email: string;
    emailHint: string;
    photo: string;
    photoHint: string;
    optional: string;
    submit: string;
    thanks: string;
    unavailable: string;
    errors: Record<ReportErrorCode, string>;
  };
  location: {
    heading: string;
    explain: string;
    button: string;
    sending: string;
    sent: string;
    denied: string;
    failed: string;
  };
  privacy: {
    heading: string;
    summary: string;
    more: string;
    time: string;
    coarseLocation: string;
    hashedIds: string;
    noIp: string;
    preciseLocation: string;
    reports: string;
  };
}
