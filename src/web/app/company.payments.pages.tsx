import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { useEngagements } from '../features/engagements/api/list-engagements.query.ts';
import { FourEyesSection, OrganizationSettingsPage, PayContractorsPage, PaymentDetailPage } from './lazy.pages.ts';
import { type PaymentSearch, validatePaymentSearch } from './payment.search.ts';

/*
 * The company's payment pages as the app composes them (engagement options for Pay contractors,
 * the four-eyes section on the settings page); loaded with their route, not with the shell.
 */
const paymentHref = (id: string) => `/app/payments/${encodeURIComponent(id)}`;

export function PayContractorsRoute() {
  const search = validatePaymentSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  // Who can be paid comes from the engagements feature; the app composes the two.
  const engagements = useEngagements({ status: 'active' });
  const engagementOptions = useMemo(
    () => (engagements.data?.items ?? []).map((e) => ({ id: e.id, label: e.contractor.name })),
    [engagements.data],
  );
  const contractorOptions = useMemo(
    () => (engagements.data?.items ?? []).map((e) => ({ id: e.contractor.id, label: e.contractor.name })),
    [engagements.data],
  );
  const changeFilters = useCallback(
    (next: PaymentSearch) => void navigate({ to: '/app/payments', search: next, replace: true }),
    [navigate],
  );
  return (
    <PayContractorsPage
      filters={search}
      onFiltersChange={changeFilters}
      detailHref={paymentHref}
      contractorOptions={contractorOptions}
      engagementOptions={engagementOptions}
      onCreated={(payment) => void navigate({ to: '/app/payments/$paymentId', params: { paymentId: payment.id } })}
    />
  );
}

export function CompanyPaymentRoute() {
  const { paymentId } = useParams({ strict: false }) as { paymentId: string };
  const navigate = useNavigate();
  return (
    <PaymentDetailPage
      paymentId={paymentId}
      side="company"
      back={{ href: '/app/payments', label: 'Pay contractors' }}
      detailHref={paymentHref}
      onOpen={(id) => void navigate({ to: '/app/payments/$paymentId', params: { paymentId: id } })}
    />
  );
}

/** The organization's settings with the payments' four-eyes rule (a section the payments feature owns). */
export function CompanySettingsRoute() {
  return <OrganizationSettingsPage more={<FourEyesSection />} />;
}
