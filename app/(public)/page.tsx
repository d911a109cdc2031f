import { headers } from "next/headers";
import Link from "next/link";
import { listShowcaseLinks, type ShowcaseLink } from "@/lib/demo/showcase-links";
import { publicBaseUrl } from "@/lib/http/base-url";
import { getDatabase } from "@/lib/runtime/app-database";

export const dynamic = "force-dynamic";

const audiences = [
  { who: "People who buy", what: "Scan the QR code with a phone camera — no app, no account — and see in a second whether the product is genuine, where it comes from, and any recall notice, in your language." },
  { who: "Brand protection analysts", what: "Work a queue of suspected counterfeits opened by anomaly rules: cloned codes, impossible travel, grey-market diversion, serial probing." },
  { who: "Retailers and wholesalers", what: "Verify a returned unit before it goes back on sale (US DSCSA saleable returns, EU FMD pack states)." },
  { who: "Marketing editors", what: "Keep provenance pages current in several languages and decide what each link type resolves to." },
  { who: "ERP, MES and WMS systems", what: "Send EPCIS 2.0 events, issue serial numbers and receive webhooks." },
];

const standards = [
  "GS1 Digital Link URI syntax 1.6",
  "GS1-Conformant Resolver 1.2",
  "EPCIS 2.0 / CBV 2.0",
  "GS1 Lightweight Verification Messaging (DSCSA VRS)",
  "EU Falsified Medicines Directive pack states",
];

async function loadDemoLinks(): Promise<ShowcaseLink[] | null> {
  try {
    return await listShowcaseLinks((await getDatabase()).db);
  } catch (error) {
    console.error("genuine: home page could not load demo links:", error);
    return null;
  }
}

export default async function HomePage() {
  const [links, requestHeaders] = await Promise.all([loadDemoLinks(), headers()]);
  const base = publicBaseUrl(requestHeaders);
  return (
    <>
      <div className="hero">
        <div className="container">
          <h1>Is it genuine? Scan the code and know.</h1>
          <p className="lead">
            Every medicine pack, handbag or watch can carry a QR code with a GS1 Digital Link: which product it is, and
            which unit. genuine is the service behind that link. It checks the unit&apos;s life story and the history of
            its scans, and tells the person holding it whether to trust it — and why.
          </p>
        </div>
      </div>
      <div className="container">
        <section id="demo" aria-labelledby="demo-heading">
          <h2 id="demo-heading">Try a demo scan</h2>
          {links === null ? (
            <p role="status">The demo database is not available right now. Check the <a href="/api/health">service status</a>.</p>
          ) : links.length === 0 ? (
            <p>This installation holds no demo data. Run <code>npm run db:seed</code> on an empty database to load it.</p>
          ) : (
            <>
              <p className="muted">
                These links are what the QR codes on the demo products hold. Open one as a phone camera would.
              </p>
              <ul className="grid" aria-label="Demo scan links">
                {links.map((link) => (
                  <li key={link.key} className="card">
                    <h3>{link.story}</h3>
                    <Link className="demo-link mono" href={link.path} prefetch={false}>
                      {base}
                      {link.path}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section aria-labelledby="who-heading">
          <h2 id="who-heading">Who genuine serves</h2>
          <ul className="grid">
            {audiences.map((a) => (
              <li key={a.who} className="card">
                <h3>{a.who}</h3>
                <p>{a.what}</p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="standards-heading">
          <h2 id="standards-heading">Built on open standards</h2>
          <ul>
            {standards.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
