import { Camera, Clock, Trash2 } from 'lucide-react';
import { useCallback, useId, useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { UploadList } from '../../../components/ui/upload-list.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { scalePhoto } from '../../../lib/image.scale.ts';
import type { UploadedFile } from '../../../lib/upload.ts';
import { useUploads } from '../../../lib/use-uploads.ts';
import type { SiteTask } from '../api/get-site-sheet.query.ts';
import { siteChanges } from '../api/site-work.changes.ts';
import { WAITING_PHOTO_PREFIX } from '../api/site-work.overlay.ts';
import type { SiteWorkSender } from '../api/site-work.sender.ts';

const RETRY = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 15_000 };

/**
 * A task's photos: those taken so far, and "Take photos" straight from the camera (several at
 * once). Each is scaled on the phone (2,000 px, JPEG) and uploaded with its progress and
 * automatic retries; without a connection it waits on the phone and is sent later.
 */
export function TaskPhotos({
  jobId,
  task,
  sender,
  canAnswer,
}: {
  jobId: string;
  task: SiteTask;
  sender: SiteWorkSender;
  canAnswer: boolean;
}) {
  const inputId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const attach = useCallback(
    (file: UploadedFile) => {
      sender
        .send(siteChanges.attachPhoto(jobId, task, file.name, { fileId: file.id, caption: null, at: new Date().toISOString() }))
        .catch((e: unknown) => setProblem(describeError(e)));
    },
    [jobId, task, sender],
  );
  const options = useMemo(
    () => ({ withoutEngagement: true, prepare: (f: File) => scalePhoto(f), retry: RETRY, accept: 'image-or-pdf' as const }),
    [],
  );
  const uploads = useUploads(null, attach, options);

  const choose = async (files: File[]) => {
    setProblem(null);
    if (!sender.isOffline()) {
      uploads.add(files);
      return;
    }
    try {
      for (const file of files) {
        const scaled = await scalePhoto(file);
        await sender.send(siteChanges.queuedPhoto(jobId, task, scaled, new Date().toISOString()));
      }
    } catch (e) {
      setProblem(describeError(e));
    }
  };
  const remove = (photoId: string) => {
    setProblem(null);
    sender.send(siteChanges.removePhoto(jobId, task, photoId)).catch((e: unknown) => setProblem(describeError(e)));
  };
  const inFlight = uploads.items.filter((item) => item.status !== 'done');

  return (
    <div className="flex flex-col gap-3">
      <h4 className="font-medium text-slate-900">
        Photos{task.photos === 'required' ? ' (at least one required)' : task.photos === 'optional' ? ' (optional)' : ''}
      </h4>
      {task.photoList.length === 0 ? (
        <p className="text-sm text-slate-700">No photos yet.</p>
      ) : (
        <ul aria-label={`Photos of ${task.title}`} className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {task.photoList.map((photo) => {
            const waiting = photo.id.startsWith(WAITING_PHOTO_PREFIX);
            return (
              <li key={photo.id} className="flex flex-col gap-1 rounded-md border border-slate-300 bg-white p-2">
                {waiting ? (
                  <div className="flex aspect-[4/3] items-center justify-center gap-1 rounded bg-amber-50 p-2 text-center text-sm text-amber-950">
                    <Clock aria-hidden="true" className="size-4 shrink-0" />
                    Waiting to upload
                  </div>
                ) : (
                  <img
                    src={photo.url}
                    alt={`${task.title}: ${photo.name}`}
                    loading="lazy"
                    className="aspect-[4/3] w-full rounded object-cover"
                  />
                )}
                <span className="truncate text-xs text-slate-700">{photo.name}</span>
                {canAnswer && !waiting ? (
                  <Button size="sm" variant="ghost" onPress={() => remove(photo.id)}>
                    <Trash2 aria-hidden="true" className="size-4" />
                    Remove<span className="sr-only"> photo {photo.name}</span>
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <UploadList items={inFlight} onRemove={uploads.remove} label={`Photos uploading for ${task.title}`} />
      {inFlight.some((item) => item.retries) ? (
        <p className="text-sm text-slate-700">The connection dropped: trying again automatically.</p>
      ) : null}
      {canAnswer && task.photos !== 'none' ? (
        <div>
          <label
            htmlFor={inputId}
            className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-900 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-700"
          >
            <Camera aria-hidden="true" className="size-5" />
            Take photos
          </label>
          <input
            id={inputId}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            className="sr-only"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = '';
              if (files.length > 0) void choose(files);
            }}
          />
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
