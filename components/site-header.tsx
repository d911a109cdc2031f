import Link from "next/link";
import { LogoMark } from "./logo";

export function SiteHeader() {
  return (
    <header className="site-header">
      <nav aria-label="Main">
        <Link href="/" className="logo">
          <LogoMark />
          genuine
        </Link>
        <ul className="nav-links">
          <li>
            <Link href="/#demo">Demo scans</Link>
          </li>
          <li>
            <a href="/api/health">Status</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
