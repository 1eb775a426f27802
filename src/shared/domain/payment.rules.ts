/** How a payment left the company's account. */
export const paymentMethods = ['wise', 'paypal', 'payoneer', 'bank_transfer', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const paymentMethodLabels: Record<PaymentMethod, string> = {
  wise: 'Wise',
  paypal: 'PayPal',
  payoneer: 'Payoneer',
  bank_transfer: 'Bank transfer',
  other: 'Other',
};

/**
 * Where a payment came from: an approved milestone, an approved invoice, entered by hand, or a
 * correction of a sent payment (an adjustment, linked to it by `adjusts_payment_id`).
 */
export const paymentSources = ['milestone', 'invoice', 'manual', 'adjustment'] as const;
export type PaymentSource = (typeof paymentSources)[number];

/** Which side wrote a dispute note. */
export const paymentNoteSides = ['company', 'contractor'] as const;
export type PaymentNoteSide = (typeof paymentNoteSides)[number];

/** Bounds of what people type about a payment. */
export const paymentLimits = {
  description: 500,
  reference: 140,
  cancelReason: 1000,
  noteBody: 4000,
  /** Drafts sent in one batch request. */
  batchSize: 500,
} as const;

/** Types a proof of payment may be (detected from the bytes). */
export const proofMimeTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;

/**
 * The four-eyes rule of an organization: when enabled, a draft whose amount is at or above the
 * threshold of its currency needs a second staff member's approval before it can be sent. A
 * currency without a threshold never needs one.
 */
export interface FourEyesRule {
  enabled: boolean;
  thresholds: ReadonlyArray<{ currency: string; minAmountMinor: number }>;
}

export function needsSecondApproval(rule: FourEyesRule, payment: { amountMinor: number; currency: string }): boolean {
  if (!rule.enabled) return false;
  const threshold = rule.thresholds.find((t) => t.currency === payment.currency);
  return threshold !== undefined && payment.amountMinor >= threshold.minAmountMinor;
}
