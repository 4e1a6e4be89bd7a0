/**
 * Hours billed for one instance running `wallHours`: the provider bills whole increments (AWS and Vast per
 * second, Lambda per minute — price-facts §8) with a minimum per start (AWS: 60 s; Spheron: a 20-minute minimum
 * runtime — reliability-facts). billed = max(minimum, ⌈wall ÷ increment⌉ × increment).
 */
export function billedJobHours(
  wallHours: number,
  billing: { readonly incrementSeconds: number; readonly minimumSeconds: number },
): number {
  if (!(wallHours > 0)) return 0;
  // An unknown increment (0) bills continuously: only the minimum applies.
  if (billing.incrementSeconds <= 0) return Math.max(billing.minimumSeconds / 3600, wallHours);
  const increment = billing.incrementSeconds;
  // Guard the ceiling against float noise: 3600 × (1/3600) h is one second, not two.
  const increments = Math.ceil((wallHours * 3600) / increment - 1e-9);
  return Math.max(billing.minimumSeconds, increments * increment) / 3600;
}
