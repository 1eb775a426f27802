import { X } from 'lucide-react';
import {
  Button,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  type UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components';

export interface ToastMessage {
  title: string;
  description?: string;
  tone: 'success' | 'error' | 'info';
}

const toneClasses: Record<ToastMessage['tone'], string> = {
  success: 'border-green-700 bg-white',
  error: 'border-red-700 bg-white',
  info: 'border-blue-700 bg-white',
};

/** The corner where messages show; loaded with the first message (toast.tsx). */
export function ToastRegionView({ queue }: { queue: ToastQueue<ToastMessage> }) {
  return (
    <ToastRegion
      queue={queue}
      aria-label="Messages"
      className="fixed right-2 bottom-2 left-2 z-50 flex flex-col gap-2 outline-none sm:left-auto sm:w-96"
    >
      {({ toast }) => (
        <Toast
          toast={toast}
          className={`flex items-start gap-3 rounded-md border-l-4 p-4 text-slate-900 shadow-lg ring-1 ring-slate-200 ${toneClasses[toast.content.tone]}`}
        >
          <ToastContent className="flex min-w-0 flex-1 flex-col gap-1">
            <Text slot="title" className="font-semibold break-words">
              {toast.content.title}
            </Text>
            {toast.content.description ? (
              <Text slot="description" className="text-sm text-slate-700 break-words">
                {toast.content.description}
              </Text>
            ) : null}
          </ToastContent>
          <Button
            slot="close"
            aria-label="Dismiss"
            className="flex size-8 shrink-0 cursor-pointer items-center justify-center rounded text-slate-700 hover:bg-slate-100"
          >
            <X aria-hidden="true" className="size-4" />
          </Button>
        </Toast>
      )}
    </ToastRegion>
  );
}
