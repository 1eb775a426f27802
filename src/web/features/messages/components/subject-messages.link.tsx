import { useLocation } from '@tanstack/react-router';
import type { MessageSubjectKind } from '../../../../shared/domain/messages.ts';
import { ButtonLink } from '../../../components/ui/link.tsx';

export interface SubjectMessagesLinkProps {
  /** The engagement the record belongs to: its thread's id. */
  engagementId: string;
  kind: MessageSubjectKind;
  id: string;
}

/** The thread's address filtered to one record, under the shell the page is in (`/app` or `/portal`). */
export function subjectMessagesHref(shell: string, { engagementId, kind, id }: SubjectMessagesLinkProps): string {
  return `/${shell}/messages/${encodeURIComponent(engagementId)}?subject=${encodeURIComponent(`${kind}:${id}`)}`;
}

/** "Messages": the engagement's thread, filtered to this contract, milestone, payment, invoice or job. */
export function SubjectMessagesLink(props: SubjectMessagesLinkProps) {
  const shell = useLocation({ select: (l) => l.pathname.split('/')[1] ?? '' });
  if (shell !== 'app' && shell !== 'portal') return null;
  return (
    <ButtonLink variant="secondary" href={subjectMessagesHref(shell, props)}>
      Messages
    </ButtonLink>
  );
}
