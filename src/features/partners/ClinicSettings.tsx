/** Clinic configuration (placeholder until it lands). */
export default function ClinicSettings() {
  return <p>Settings</p>;
}
