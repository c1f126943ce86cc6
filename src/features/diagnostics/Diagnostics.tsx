/** IT diagnostics (placeholder until it lands). */
export default function Diagnostics() {
  return <p>Diagnostics</p>;
}
