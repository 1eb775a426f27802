import type { PaymentStatus } from '../../../../shared/domain/payment.machine.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';

export const paymentStatusLabels: Record<PaymentStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  received: 'Received',
  disputed: 'Disputed',
  cancelled: 'Cancelled',
};

const tones: Record<PaymentStatus, BadgeTone> = {
  draft: 'neutral',
  sent: 'blue',
  received: 'green',
  disputed: 'red',
  cancelled: 'neutral',
};

export function PaymentStatusBadge({ status, awaitingApproval = false }: { status: PaymentStatus; awaitingApproval?: boolean }) {
  if (status === 'draft' && awaitingApproval) return <Badge tone="amber">Awaiting approval</Badge>;
  return <Badge tone={tones[status]}>{paymentStatusLabels[status]}</Badge>;
}
