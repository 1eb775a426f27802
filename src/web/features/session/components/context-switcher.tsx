import { lazy, Suspense } from 'react';
import type { Membership } from '../../../../shared/schemas/session.schema.ts';
import { describeMembership, nameMembership } from './membership.label.ts';

// Most people have one membership and never see the select: it loads only for those who do.
const SelectField = lazy(() => import('../../../components/ui/select.tsx').then((m) => ({ default: m.SelectField })));

export interface ContextSwitcherProps {
  memberships: readonly Membership[];
  currentKey: string;
  onSwitch: (membership: Membership) => void;
}

/** Lists every membership of the user; choosing one switches the whole app to it. */
export function ContextSwitcher({ memberships, currentKey, onSwitch }: ContextSwitcherProps) {
  const current = memberships.find((m) => m.key === currentKey);
  if (memberships.length < 2) {
    return current ? (
      <p className="text-sm text-slate-700">
        <span className="font-medium text-slate-900">{nameMembership(current)}</span> · {describeMembership(current)}
      </p>
    ) : null;
  }
  const options = memberships.map((m) => ({ id: m.key, label: nameMembership(m), description: describeMembership(m) }));
  return (
    // The fallback holds the select's place (label and field) so nothing moves when it arrives.
    <Suspense fallback={<div aria-hidden="true" className="h-17 w-full md:w-64" />}>
      <SelectField
        label="Workspace"
        options={options}
        value={currentKey}
        onChange={(key) => {
          const chosen = memberships.find((m) => m.key === key);
          if (chosen && chosen.key !== currentKey) onSwitch(chosen);
        }}
        className="w-full md:w-64"
      />
    </Suspense>
  );
}
