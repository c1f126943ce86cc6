/** The partner directory (placeholder until it lands). */
export default function PartnerDirectory() {
  return <p>Partners</p>;
}
