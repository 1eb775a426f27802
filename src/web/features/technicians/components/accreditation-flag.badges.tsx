import { AlertTriangle } from 'lucide-react';
import { accreditationLabels } from '../../../../shared/domain/accreditations.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { formatDay } from '../../../lib/format.intl.ts';
import type { TechnicianChoice } from '../api/technician.types.ts';

type Flag = TechnicianChoice['flags'][number];

/** One sentence per flag, as a person reads it beside a name. */
export function describeFlag(flag: Flag, jobCount: number): string {
  const what = accreditationLabels[flag.type];
  const jobs = jobCount > 1 ? ` (${flag.jobIds.length} of ${jobCount} jobs)` : '';
  if (flag.kind === 'missing') return `No ${what}${jobs}`;
  const day = flag.expiresOn ? formatDay(flag.expiresOn) : '';
  if (flag.kind === 'expires_before_scheduled') return `${what} expires ${day}, before the scheduled date${jobs}`;
  return `${what} expires ${day}, within 30 days${jobs}`;
}

/** The flags beside a technician's name: red when they cannot do it on the day, amber when it expires soon. */
export function AccreditationFlagBadges({ flags, jobCount }: { flags: readonly Flag[]; jobCount: number }) {
  if (flags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Accreditation flags">
      {flags.map((flag) => (
        <li key={`${flag.kind}:${flag.type}`}>
          <Badge tone={flag.kind === 'expires_soon' ? 'amber' : 'red'}>
            <AlertTriangle aria-hidden="true" className="mr-1 size-3" />
            {describeFlag(flag, jobCount)}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
