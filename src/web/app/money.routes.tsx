import { type AnyRoute, createRoute, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { MoneyPage, withPages } from './lazy.pages.ts';
import { type MoneySearch, validateMoneySearch } from './money.search.ts';

function useMoneySearch() {
  const search = useSearch({ strict: false }) as MoneySearch;
  const navigate = useNavigate();
  const change = useCallback((next: MoneySearch) => void navigate({ to: '.', search: next as never, replace: true }), [navigate]);
  return { search, change };
}

const StaffMoneyRoute = withPages(function StaffMoneyRoute() {
  const { search, change } = useMoneySearch();
  return <MoneyPage side="staff" search={search} onSearchChange={change} />;
}, MoneyPage);

const ContractorMoneyRoute = withPages(function ContractorMoneyRoute() {
  const { search, change } = useMoneySearch();
  return <MoneyPage side="contractor" search={search} onSearchChange={change} />;
}, MoneyPage);

/** The Money page (balances, statement, exports) under a shell: /app/money for staff, /portal/money for contractors. */
export function createMoneyRoute<TParent extends AnyRoute>(parent: () => TParent, side: 'contractor' | 'staff') {
  return createRoute({
    getParentRoute: parent,
    path: 'money',
    validateSearch: validateMoneySearch,
    component: side === 'staff' ? StaffMoneyRoute : ContractorMoneyRoute,
  });
}
