import type { ErrorComponentProps } from '@tanstack/react-router';
import { Alert } from '../components/ui/alert.tsx';
import { Button } from '../components/ui/button.tsx';
import { ButtonLink } from '../components/ui/link.tsx';
import { PageHeader } from '../components/ui/page-header.tsx';
import { LoadingState } from '../components/ui/query-view.tsx';
import { describeError } from '../lib/api.client.ts';
import { PageFrame } from './page.frame.tsx';

/** An error inside a shell's main area (the shell's landmarks stay). */
export function InlineError({ error, reset }: ErrorComponentProps) {
  return (
    <>
      <PageHeader title="Something went wrong" />
      <Alert
        tone="error"
        action={
          <Button variant="secondary" size="sm" onPress={reset}>
            Try again
          </Button>
        }
      >
        {describeError(error)}
      </Alert>
    </>
  );
}

/** An error where no layout could render. */
export function FullPageError(props: ErrorComponentProps) {
  return (
    <PageFrame>
      <InlineError {...props} />
    </PageFrame>
  );
}

export function InlineNotFound() {
  return (
    <>
      <PageHeader title="Page not found" description="This address does not lead anywhere in Portico." />
      <ButtonLink href="/">Go to your start page</ButtonLink>
    </>
  );
}

export function FullPageNotFound() {
  return (
    <PageFrame>
      <InlineNotFound />
    </PageFrame>
  );
}

export function FullPageLoading() {
  return (
    <PageFrame>
      <h1 className="sr-only">Loading Portico</h1>
      <LoadingState />
    </PageFrame>
  );
}
