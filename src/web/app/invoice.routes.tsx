import { createRoute } from '@tanstack/react-router';
import { useCallback } from 'react';
import { companyRoute } from './company.routes.tsx';
import { type InvoiceSearch, validateInvoiceSearch, validateNewInvoiceSearch } from './invoice.search.ts';
import { BusinessDetailsPage, InvoiceDetailPage, InvoicesPage, NewInvoicePage, withPages } from './lazy.pages.ts';
import { portalRoute } from './portal.routes.tsx';

const companyHref = (id: string) => `/app/invoices/${encodeURIComponent(id)}`;
const portalHref = (id: string) => `/portal/invoices/${encodeURIComponent(id)}`;

const companyInvoicesRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'invoices',
  validateSearch: validateInvoiceSearch,
  component: withPages(function CompanyInvoicesRoute() {
    const filters = companyInvoicesRoute.useSearch();
    const navigate = companyInvoicesRoute.useNavigate();
    const change = useCallback((next: InvoiceSearch) => void navigate({ search: { status: next.status }, replace: true }), [navigate]);
    return <InvoicesPage side="company" filters={filters} onFiltersChange={change} detailHref={companyHref} />;
  }, InvoicesPage),
});

const companyInvoiceRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'invoices/$invoiceId',
  component: withPages(function CompanyInvoiceRoute() {
    const { invoiceId } = companyInvoiceRoute.useParams();
    return <InvoiceDetailPage invoiceId={invoiceId} side="company" backHref="/app/invoices" detailHref={companyHref} />;
  }, InvoiceDetailPage),
});

const portalInvoicesRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'invoices',
  validateSearch: validateInvoiceSearch,
  component: withPages(function PortalInvoicesRoute() {
    const filters = portalInvoicesRoute.useSearch();
    const navigate = portalInvoicesRoute.useNavigate();
    const change = useCallback((next: InvoiceSearch) => void navigate({ search: { status: next.status }, replace: true }), [navigate]);
    return (
      <InvoicesPage side="contractor" filters={filters} onFiltersChange={change} detailHref={portalHref} newHref="/portal/invoices/new" />
    );
  }, InvoicesPage),
});

const newInvoiceRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'invoices/new',
  validateSearch: validateNewInvoiceSearch,
  component: withPages(function NewInvoiceRoute() {
    const { corrects, job } = newInvoiceRoute.useSearch();
    const navigate = newInvoiceRoute.useNavigate();
    return (
      <NewInvoicePage
        key={corrects ?? job ?? 'new'}
        correctsInvoiceId={corrects}
        jobId={corrects ? undefined : job}
        backHref="/portal/invoices"
        businessDetailsHref="/portal/settings/business"
        onSubmitted={(invoice) => void navigate({ to: '/portal/invoices/$invoiceId', params: { invoiceId: invoice.id } })}
      />
    );
  }, NewInvoicePage),
});

const portalInvoiceRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'invoices/$invoiceId',
  component: withPages(function PortalInvoiceRoute() {
    const { invoiceId } = portalInvoiceRoute.useParams();
    return (
      <InvoiceDetailPage
        invoiceId={invoiceId}
        side="contractor"
        backHref="/portal/invoices"
        detailHref={portalHref}
        correctHref={(id) => `/portal/invoices/new?corrects=${encodeURIComponent(id)}`}
      />
    );
  }, InvoiceDetailPage),
});

const businessDetailsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'settings/business',
  component: withPages(function BusinessDetailsRoute() {
    return <BusinessDetailsPage />;
  }, BusinessDetailsPage),
});

/** The invoice pages of each shell, put into the route tree by router.tsx. */
export const companyInvoiceRoutes = [companyInvoicesRoute, companyInvoiceRoute] as const;
export const portalInvoiceRoutes = [portalInvoicesRoute, newInvoiceRoute, portalInvoiceRoute, businessDetailsRoute] as const;
