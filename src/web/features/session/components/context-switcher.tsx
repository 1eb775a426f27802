import type { Membership } from '../../../../shared/schemas/session.schema.ts';
import { SelectField } from '../../../components/ui/select.tsx';
import { describeMembership, nameMembership } from './membership.label.ts';

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
  );
}
