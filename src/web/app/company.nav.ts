import type { NavItem } from './shell.layout.tsx';

/** The company's money pages in the main navigation (issue 9): statements and exports, invoices, paying contractors. */
export const companyMoneyNav: NavItem[] = [
  { href: '/app/money', label: 'Money' },
  { href: '/app/invoices', label: 'Invoices' },
  { href: '/app/payments', label: 'Pay contractors' },
];
