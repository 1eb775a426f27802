import { NotebookPen } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastError } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatDateTime } from '../../../lib/format.intl.ts';
import { useNotes, usePostNote } from '../api/notes.query.ts';
import { MessageText } from './message-text.tsx';

/** The staff's internal notes on an engagement: never shown to the contractor or its technicians. */
export function NotesPanel({ threadId, canPost }: { threadId: string; canPost: boolean }) {
  const notes = useNotes(threadId);
  const post = usePostNote(threadId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <div className="flex flex-col gap-4">
      <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        Internal notes are for your organization's staff only. The contractor never sees them.
      </p>
      {canPost ? (
        <form
          className="flex flex-col gap-2"
          aria-label="Write an internal note"
          onSubmit={(event) => {
            event.preventDefault();
            if (!body.trim()) return setError('Write a note first.');
            setError(undefined);
            post.mutate(body, { onSuccess: () => setBody(''), onError: (e) => toastError('Could not save the note', describeError(e)) });
          }}
        >
          <TextField label="Internal note" value={body} onChange={setBody} multiline rows={3} maxLength={10_000} errorMessage={error} />
          <div className="flex justify-end">
            <Button type="submit" isDisabled={post.isPending}>
              {post.isPending ? 'Saving…' : 'Add note'}
            </Button>
          </div>
        </form>
      ) : null}
      <QueryView query={notes} loadingLabel="Loading notes…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState icon={NotebookPen} title="No internal notes" description="Notes you add here are seen by your colleagues only." />
          ) : (
            <ul aria-label="Internal notes" className="flex flex-col gap-3">
              {items.map((note) => (
                <li key={note.id} className="rounded-lg border border-amber-200 bg-white p-3">
                  <p className="text-sm text-slate-700">
                    <span className="font-semibold text-slate-900">{note.author.name}</span> ·{' '}
                    <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
                  </p>
                  <MessageText body={note.body} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <LoadMore query={notes} />
    </div>
  );
}
