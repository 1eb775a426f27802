import { Upload } from 'lucide-react';
import { type ClipboardEvent, type DragEvent, type ReactNode, useId, useRef, useState } from 'react';
import { Button } from './button.tsx';

export interface FileDropProps {
  /** The zone's name, e.g. "Deliverables". */
  label: string;
  /** What may be dropped, limits. */
  description?: ReactNode;
  onFiles: (files: File[]) => void;
  buttonLabel?: string;
  allowsMultiple?: boolean;
  isDisabled?: boolean;
}

/** Whether a drag carries files from the device (not text or a link dragged from the page). */
const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

/**
 * Drop several files at once, or choose them with a normal button (keyboard and screen-reader
 * users, phones); pasting files while the button is focused works too. Built on the browser's
 * own drag-and-drop events and file input: React Aria's DropZone and FileTrigger brought ~120 KB
 * of drag-and-drop code (27 KB gzip) to every page with an upload, the technician's job page
 * among them, for drops that only ever come from the device.
 */
export function FileDrop({ label, description, onFiles, buttonLabel = 'Choose files', allowsMultiple = true, isDisabled }: FileDropProps) {
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId();
  const [isDropTarget, setDropTarget] = useState(false);
  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) onFiles(allowsMultiple ? files : files.slice(0, 1));
  };
  const onDragOver = (event: DragEvent) => {
    if (isDisabled || !carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropTarget(true);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of a button and its texts; no fieldset (no form fields)
    <div
      role="group"
      aria-labelledby={labelId}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDropTarget(false);
        if (!isDisabled) take(event.dataTransfer.files);
      }}
      onPaste={(event: ClipboardEvent) => {
        if (isDisabled || event.clipboardData.files.length === 0) return;
        event.preventDefault();
        take(event.clipboardData.files);
      }}
      className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors ${
        isDropTarget ? 'border-blue-700 bg-blue-50' : 'border-slate-400 bg-slate-50'
      }`}
    >
      <Upload aria-hidden="true" className="size-6 text-slate-600" />
      <span id={labelId} className="font-medium text-slate-900">
        {label}
      </span>
      <p className="text-sm text-slate-700">Drag and drop {allowsMultiple ? 'files' : 'a file'} here, or</p>
      <input
        ref={input}
        type="file"
        multiple={allowsMultiple}
        disabled={isDisabled}
        hidden
        onChange={(event) => {
          take(event.currentTarget.files);
          // The same file chosen again is a new choice.
          event.currentTarget.value = '';
        }}
      />
      <Button variant="secondary" isDisabled={isDisabled} onPress={() => input.current?.click()}>
        {buttonLabel}
      </Button>
      {description ? <div className="text-sm text-slate-600">{description}</div> : null}
    </div>
  );
}
