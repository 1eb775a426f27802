import { type ReactNode, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { personNameSchema } from '../../../../shared/schemas/common.schema.ts';
import { passwordSchema } from '../../../../shared/schemas/password.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { LoadingState } from '../../../components/ui/query-view.tsx';
import { NewPasswordFields } from '../../../components/ui/new-password-fields.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { describeError, isApiError } from '../../../lib/api.client.ts';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { matchPasswords, passwordMismatch } from '../../../lib/password.help.ts';
import { useAcceptInvitation } from '../api/accept-invitation.mutation.ts';
import { type InvitationPreview, useInvitationPreview } from '../api/preview-invitation.query.ts';

const withPassword = z
  .object({ name: personNameSchema, password: passwordSchema, confirmPassword: z.string() })
  .refine(matchPasswords, passwordMismatch);
const withoutPassword = z.object({ name: personNameSchema, password: z.string(), confirmPassword: z.string() });

function Column({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md">
      <PageHeader title={title} description={description} />
      <div className="flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">{children}</div>
    </div>
  );
}

function DeadInvitation({ message }: { message: string }) {
  return (
    <Column title="This invitation can't be used">
      <Alert tone="error">{message}</Alert>
      <p className="text-slate-700">
        Ask the person who invited you to send a new invitation. If you already have an account,{' '}
        <TextLink href="/sign-in">go to sign-in</TextLink>.
      </p>
    </Column>
  );
}

function describeInvitation(preview: InvitationPreview): { title: string; description: string } {
  switch (preview.kind) {
    case 'staff':
      return { title: `Join ${preview.organizationName ?? 'your organization'}`, description: 'You are invited as staff on Portico.' };
    case 'contractor':
      return {
        title: `Join ${preview.organizationName ?? 'an organization'} on Portico`,
        description: `${preview.organizationName ?? 'A company'} invites ${preview.contractorName ?? 'your business'} to work with them as a contractor.`,
      };
    case 'contractor_member':
      return { title: `Join ${preview.contractorName ?? 'your team'}`, description: 'You are invited as an office member on Portico.' };
    case 'technician':
      return {
        title: `Join ${preview.contractorName ?? 'your crew'}`,
        description: 'You are invited as a technician. You will see the jobs your office assigns you.',
      };
  }
}

function AcceptForm({
  token,
  preview,
  onAccepted,
}: {
  token: string;
  preview: InvitationPreview;
  onAccepted: (preview: InvitationPreview) => Promise<void> | void;
}) {
  const accept = useAcceptInvitation();
  const [failure, setFailure] = useState<string | null>(null);
  const [dead, setDead] = useState<string | null>(null);
  const form = useForm({
    resolver: resolveWith(preview.needsPassword ? withPassword : withoutPassword),
    defaultValues: { name: preview.name, password: '', confirmPassword: '' },
  });
  const { title, description } = describeInvitation(preview);

  const submit = form.handleSubmit(async ({ name, password }) => {
    setFailure(null);
    try {
      await accept.mutateAsync({ token, name, password: preview.needsPassword ? password : undefined });
      await onAccepted(preview);
    } catch (error) {
      if (isApiError(error) && error.status === 410) {
        setDead(describeError(error));
        return;
      }
      setFailure(applyServerErrors(error, form.setError, ['name', 'password']));
    }
  });

  if (dead) return <DeadInvitation message={dead} />;

  return (
    <Column title={title} description={description}>
      <p className="text-slate-700">
        You will sign in as <strong className="font-semibold text-slate-900 break-all">{preview.email}</strong>.
        {preview.needsPassword ? null : ' You sign in with a link we email you; no password needed.'}
      </p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <FormTextField control={form.control} name="name" label="Your name" autoComplete="name" isRequired />
        {preview.needsPassword ? <NewPasswordFields control={form.control} label="Password" confirmLabel="Confirm password" /> : null}
        <Button type="submit" isDisabled={accept.isPending || accept.isSuccess}>
          {accept.isPending || accept.isSuccess ? 'Accepting…' : 'Accept invitation'}
        </Button>
      </form>
    </Column>
  );
}

function PreviewedInvitation({ token, onAccepted }: AcceptInvitationPageProps & { token: string }) {
  const preview = useInvitationPreview(token);
  if (preview.isPending)
    return (
      <Column title="Invitation">
        <LoadingState label="Checking your invitation…" />
      </Column>
    );
  if (preview.isError) {
    const gone = isApiError(preview.error) && (preview.error.status === 410 || preview.error.status === 404);
    return gone ? (
      <DeadInvitation message={describeError(preview.error)} />
    ) : (
      <Column title="Invitation">
        <Alert
          tone="error"
          title="Your invitation could not be checked"
          action={
            <Button variant="secondary" size="sm" onPress={() => void preview.refetch()}>
              Try again
            </Button>
          }
        >
          {describeError(preview.error)}
        </Alert>
      </Column>
    );
  }
  return <AcceptForm token={token} preview={preview.data} onAccepted={onAccepted} />;
}

export interface AcceptInvitationPageProps {
  token: string | undefined;
  /** Called once the invitation is accepted and the session cookie is set. */
  onAccepted: (preview: InvitationPreview) => Promise<void> | void;
}

export function AcceptInvitationPage({ token, onAccepted }: AcceptInvitationPageProps) {
  if (!token) return <DeadInvitation message="This invitation link is incomplete. Open it from your email again." />;
  return <PreviewedInvitation token={token} onAccepted={onAccepted} />;
}
