import { Upload } from 'lucide-react';
import type { ReactNode } from 'react';
import { DropZone, type FileDropItem, FileTrigger, Text } from 'react-aria-components';
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

function isFileItem(item: { kind: string }): item is FileDropItem {
  return item.kind === 'file';
}

/**
 * Drop several files at once, or choose them with a normal button (keyboard and screen-reader
 * users, phones); pasting files while the zone is focused works too.
 */
export function FileDrop({ label, description, onFiles, buttonLabel = 'Choose files', allowsMultiple = true, isDisabled }: FileDropProps) {
  return (
    <DropZone
      isDisabled={isDisabled}
      onDrop={async (event) => {
        const files = await Promise.all(event.items.filter(isFileItem).map((item) => item.getFile()));
        if (files.length > 0) onFiles(allowsMultiple ? files : files.slice(0, 1));
      }}
      className={({ isDropTarget, isFocusVisible }) =>
        `flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors ${
          isDropTarget ? 'border-blue-700 bg-blue-50' : 'border-slate-400 bg-slate-50'
        } ${isFocusVisible ? 'outline-2 outline-offset-2 outline-blue-700' : ''}`
      }
    >
      <Upload aria-hidden="true" className="size-6 text-slate-600" />
      <Text slot="label" className="font-medium text-slate-900">
        {label}
      </Text>
      <p className="text-sm text-slate-700">Drag and drop {allowsMultiple ? 'files' : 'a file'} here, or</p>
      <FileTrigger
        allowsMultiple={allowsMultiple}
        onSelect={(list) => {
          const files = list ? Array.from(list) : [];
          if (files.length > 0) onFiles(files);
        }}
      >
        <Button variant="secondary" isDisabled={isDisabled}>
          {buttonLabel}
        </Button>
      </FileTrigger>
      {description ? <div className="text-sm text-slate-600">{description}</div> : null}
    </DropZone>
  );
}
