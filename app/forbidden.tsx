import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="unit-page">
      <h1>Your role does not allow this page</h1>
      <p>Ask an owner of this organisation if you need access.</p>
      <p>
        <Link href="/console">Back to the console</Link>
      </p>
    </div>
  );
}
