export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        genuine is open-source software (Apache-2.0) for checking serialized products through their GS1 Digital Link.
      </div>
    </footer>
  );
}
