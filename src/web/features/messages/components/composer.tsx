import { useRef, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { FileDrop } from '../../../components/ui/file-drop.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastError } from '../../../components/ui/toast.tsx';
import { UploadList } from '../../../components/ui/upload-list.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { useUploads } from '../../../lib/use-uploads.ts';
import { type NewMessage, usePostMessage } from '../api/message.mutations.ts';

const MAX = 10_000;

export interface ComposerProps {
  threadId: string;
  /** The record the new message is about (the thread's filter, or a technician's job). */
  subject?: NewMessage['subject'];
  subjectLabel?: string;
}

/** Writes a message: text (up to 10,000 characters) and files, each uploading with its progress before sending. */
export function Composer({ threadId, subject, subjectLabel }: ComposerProps) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const uploads = useUploads(threadId);
  const post = usePostMessage(threadId);
  const key = useRef(crypto.randomUUID());
  const send = () => {
    if (!body.trim()) {
      setError('Write a message first.');
      return;
    }
    if (body.length > MAX) {
      setError(`A message has at most ${MAX.toLocaleString()} characters.`);
      return;
    }
    setError(undefined);
    post.mutate(
      { message: { body, subject, fileIds: uploads.doneFiles.map((f) => f.id) }, key: key.current },
      {
        onSuccess: () => {
          setBody('');
          uploads.reset();
          key.current = crypto.randomUUID();
        },
        onError: (e) => toastError('Could not send the message', describeError(e)),
      },
    );
  };
  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3"
      aria-label="Write a message"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <TextField
        label="Message"
        description={subjectLabel ? `About ${subjectLabel}. Plain text; links become clickable.` : 'Plain text; links become clickable.'}
        value={body}
        onChange={setBody}
        multiline
        rows={3}
        errorMessage={error}
      />
      <FileDrop
        label="Attachments"
        description="Optional: files to send with the message."
        onFiles={uploads.add}
        buttonLabel="Attach files"
      />
      <UploadList items={uploads.items} onRemove={uploads.remove} label="Files being attached" />
      <div className="flex justify-end">
        <Button type="submit" isDisabled={post.isPending || uploads.isUploading || uploads.hasErrors}>
          {post.isPending ? 'Sending…' : 'Send'}
        </Button>
      </div>
    </form>
  );
}
