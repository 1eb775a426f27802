import { useState } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FileList } from '../../../components/ui/file-list.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastError } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatDateTime } from '../../../lib/format.intl.ts';
import { useDeleteMessage, useEditMessage } from '../api/message.mutations.ts';
import type { Message } from '../api/messages.query.ts';
import { MessageText } from './message-text.tsx';

export interface MessageItemProps {
  message: Message;
  /** Where the thread filtered to a record opens (`?subject=job:<id>`). */
  subjectHref: (subject: string) => string;
}

/** One message: who, when, what it is about, the text and files; its author's Edit (10 minutes) and Delete. */
export function MessageItem({ message, subjectHref }: MessageItemProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.body);
  const edit = useEditMessage();
  const remove = useDeleteMessage();
  const deleted = message.deletedAt !== null;
  const save = () =>
    edit.mutate(
      { message, body: draft },
      { onSuccess: () => setEditing(false), onError: (error) => toastError('Could not save the message', describeError(error)) },
    );
  return (
    <li
      className={`flex flex-col gap-2 rounded-lg border p-3 ${message.mine ? 'border-blue-200 bg-blue-50 sm:ml-8' : 'border-slate-200 bg-white sm:mr-8'}`}
    >
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
        <span className="font-semibold text-slate-900">{message.mine ? 'You' : message.author.name}</span>
        <span className="text-slate-700">
          <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
          {message.editedAt && !deleted ? ' · edited' : ''}
        </span>
        {message.subject ? (
          <TextLink href={subjectHref(`${message.subject.kind}:${message.subject.id}`)} className="text-sm">
            {message.subject.label}
          </TextLink>
        ) : null}
      </div>
      {deleted ? (
        <p className="text-slate-700 italic">
          <Badge>Deleted</Badge> This message was deleted.
        </p>
      ) : editing ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <TextField label="Edit your message" value={draft} onChange={setDraft} multiline rows={3} maxLength={10_000} autoFocus />
          <div className="flex gap-2">
            <Button type="submit" size="sm" isDisabled={edit.isPending || draft.trim() === ''}>
              {edit.isPending ? 'Saving…' : 'Save'}
            </Button>
            <Button variant="secondary" size="sm" onPress={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <MessageText body={message.body} />
      )}
      {message.attachments.length > 0 ? <FileList files={message.attachments} label="Attached files" /> : null}
      {!editing && (message.abilities.edit || message.abilities.delete) ? (
        <div className="flex gap-2">
          {message.abilities.edit ? (
            <Button
              variant="secondary"
              size="sm"
              onPress={() => {
                setDraft(message.body);
                setEditing(true);
              }}
            >
              Edit<span className="sr-only"> your message of {formatDateTime(message.createdAt)}</span>
            </Button>
          ) : null}
          {message.abilities.delete ? (
            <Button
              variant="secondary"
              size="sm"
              isDisabled={remove.isPending}
              onPress={() => {
                if (window.confirm('Delete this message? Everyone will see that a message was deleted.'))
                  remove.mutate(message.id, { onError: (error) => toastError('Could not delete the message', describeError(error)) });
              }}
            >
              Delete<span className="sr-only"> your message of {formatDateTime(message.createdAt)}</span>
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
