import type { UseQueryResult } from '@tanstack/react-query';
import { Loader2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { describeError } from '../../lib/api.client.ts';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" className="flex items-center gap-2 py-6 text-slate-700">
      <Loader2 aria-hidden="true" className="size-5 animate-spin" />
      {label}
    </p>
  );
}

export function ErrorState({
  error,
  onRetry,
  title = 'This could not be loaded',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <Alert
      tone="error"
      title={title}
      action={
        onRetry ? (
          <Button variant="secondary" size="sm" onPress={onRetry}>
            Try again
          </Button>
        ) : null
      }
    >
      {describeError(error)}
    </Alert>
  );
}

export interface QueryViewProps<T> {
  /** A query or an infinite query (paged lists): only its state, error, data and refetch are used. */
  query: Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'error' | 'data' | 'refetch'>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}

/** Loading, error (with retry) or the data: the three states of every list and detail. */
export function QueryView<T>({ query, children, loadingLabel }: QueryViewProps<T>) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data as T)}</>;
}
