export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'md' | 'sm';

// data-* states come from React Aria's Button, the plain ones from a native <button> (NativeButton).
const base =
  'inline-flex cursor-pointer items-center justify-center gap-2 rounded-md font-medium text-sm transition-colors select-none data-disabled:cursor-not-allowed data-disabled:opacity-60 disabled:cursor-not-allowed disabled:opacity-60';

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-blue-700 text-white hover:bg-blue-800 data-hovered:bg-blue-800 data-pressed:bg-blue-900 active:bg-blue-900',
  secondary:
    'border border-slate-400 bg-white text-slate-900 hover:bg-slate-50 data-hovered:bg-slate-50 data-pressed:bg-slate-100 active:bg-slate-100',
  danger: 'bg-red-700 text-white hover:bg-red-800 data-hovered:bg-red-800 data-pressed:bg-red-900 active:bg-red-900',
  ghost: 'bg-transparent text-slate-900 hover:bg-slate-100 data-hovered:bg-slate-100 data-pressed:bg-slate-200 active:bg-slate-200',
};

const sizes: Record<ButtonSize, string> = {
  md: 'min-h-11 px-4 py-2',
  sm: 'min-h-9 px-3 py-1.5',
};

/** The classes of a button, for links that look like one and for native buttons. */
export function buttonClasses(variant: ButtonVariant = 'primary', size: ButtonSize = 'md', extra = ''): string {
  return `${base} ${variants[variant]} ${sizes[size]} ${extra}`.trim();
}
