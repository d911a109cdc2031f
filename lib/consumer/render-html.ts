// Server-rendered React to a complete HTML string, for pages that ship no React runtime to the browser.
import type { ReactElement } from "react";

/**
 * Next's bundler refuses react-dom/server in app/ route handlers (it builds them for React Server
 * Components and steers people to pages). The verification page deliberately is a route handler that
 * answers static HTML, because an App Router page always loads Next's client runtime (~130 KB gzipped
 * measured in this app's build) — over the page's 50 KB budget before a line of its own code. So the
 * renderer is loaded at run time from node_modules, outside the bundle. Components rendered this way
 * must be plain server components: no hooks, no context, no client components (next/link etc.).
 */
export async function renderHtmlDocument(element: ReactElement): Promise<string> {
  const { renderToStaticMarkup } = await import(/* turbopackIgnore: true */ "react-dom/server");
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}
