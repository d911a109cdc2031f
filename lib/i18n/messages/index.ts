// The messages of each language the consumer pages speak.
import type { UiLocale } from "../locales";
import { ar } from "./ar";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import type { Messages } from "./types";
import { zh } from "./zh";

export type { Messages } from "./types";

export const messagesByLocale: Readonly<Record<UiLocale, Messages>> = { en, de, fr, es, zh, ar };

export function messagesFor(locale: UiLocale): Messages {
  return messagesByLocale[locale];
}
