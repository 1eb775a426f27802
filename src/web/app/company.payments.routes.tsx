import { type AnyRoute, createRoute, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { useEngagements } from '../features/engagements/api/list-engagements.query.ts';
import { FourEyesSection, OrganizationSettingsPage, PayContractorsPage, PaymentDetailPage, withPages } from './lazy.pages.ts';
import { type PaymentSearch, validatePaymentSearch } from './payment.search.ts';

const paymentHref = (id: string) => `/app/payments/${encodeURIComponent(id)}`;

const PayContractorsRoute = withPages(function PayContractorsRoute() {
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
}, PayContractorsPage);

const CompanyPaymentRoute = withPages(function CompanyPaymentRoute() {
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
}, PaymentDetailPage);

/** The organization's settings with the payments' four-eyes rule (a section the payments feature owns). */
export const CompanySettingsRoute = withPages(
  function CompanySettingsRoute() {
    return <OrganizationSettingsPage more={<FourEyesSection />} />;
  },
  OrganizationSettingsPage,
  FourEyesSection,
);

/** Pay contractors and a payment's page, under the company shell (in their own file: the company's routes stay small). */
export function createPaymentRoutes<P extends AnyRoute>(parent: P) {
  const paymentsRoute = createRoute({
    getParentRoute: () => parent,
    path: 'payments',
    validateSearch: validatePaymentSearch,
    component: PayContractorsRoute,
  });
  const paymentDetailRoute = createRoute({ getParentRoute: () => parent, path: 'payments/$paymentId', component: CompanyPaymentRoute });
  return [paymentsRoute, paymentDetailRoute] as const;
}
