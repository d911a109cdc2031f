import { uiLocales, type UiLocale } from "@/lib/i18n/locales";
import { messagesByLocale } from "@/lib/i18n/messages";

/** Links, not a form: each language is a plain URL (?lang=xx), shareable and usable without script. */
export function LanguageSwitcher({ current, label, hrefFor }: { current: UiLocale; label: string; hrefFor: (locale: UiLocale) => string }) {
  return (
    <nav className="langs" aria-label={label}>
      <ul>
        {uiLocales.map((locale) => (
          <li key={locale}>
            <a href={hrefFor(locale)} hrefLang={locale} lang={locale} aria-current={locale === current ? "true" : undefined}>
              {messagesByLocale[locale].languageName}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
