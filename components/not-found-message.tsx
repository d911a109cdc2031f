import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="unit-page">
      <h1>We could not find this page</h1>
      <p>
        The address does not lead to a page or hold a product code we understand. If you typed it, check it against
        the code on the pack; if you scanned it, the code may be damaged or not made for genuine.
      </p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  );
}
