import { type InvoiceStatus, invoiceStatusLabels } from '../../../../shared/domain/invoice.machine.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';

const tones: Record<InvoiceStatus, BadgeTone> = {
  submitted: 'blue',
  approved: 'amber',
  rejected: 'red',
  withdrawn: 'neutral',
  paid: 'green',
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return <Badge tone={tones[status]}>{invoiceStatusLabels[status]}</Badge>;
}
