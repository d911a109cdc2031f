// A case number the brand does not have (or never had): said plainly, without naming any brand.
export default function CaseNotFound() {
  return (
    <>
      <h1>No such case</h1>
      <p>This brand has no case with that number. Case numbers are per brand: check the number, or the organisation you are signed in to.</p>
      <p>
        {/* Relative on purpose: this boundary has no parameters, and ../cases is the queue of the organisation in the address. */}
        <a href="../cases">Back to the cases</a>
      </p>
    </>
  );
}
