import { AlertTriangle, CheckCircle2, Info, XCircle } from 'lucide-react';
import type { ReactNode } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<AlertTone, { box: string; Icon: typeof Info }> = {
  info: { box: 'border-blue-300 bg-blue-50 text-blue-950', Icon: Info },
  success: { box: 'border-green-300 bg-green-50 text-green-950', Icon: CheckCircle2 },
  warning: { box: 'border-amber-300 bg-amber-50 text-amber-950', Icon: AlertTriangle },
  error: { box: 'border-red-300 bg-red-50 text-red-950', Icon: XCircle },
};

export interface AlertProps {
  tone?: AlertTone;
  title?: string;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
}

/** A message in the page. Errors are announced at once (role=alert); the rest politely (role=status). */
export function Alert({ tone = 'info', title, children, action, className = '' }: AlertProps) {
  const { box, Icon } = tones[tone];
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`flex gap-3 rounded-md border p-4 ${box} ${className}`.trim()}>
      <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="break-words">{children}</div> : null}
        {action ? <div className="mt-2 flex flex-wrap gap-2">{action}</div> : null}
      </div>
    </div>
  );
}
