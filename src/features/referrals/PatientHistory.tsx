/** The patient's earlier education and referrals (placeholder until it lands). */
export default function PatientHistory() {
  return <p>History</p>;
}
