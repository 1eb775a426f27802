import { Eraser, PenLine, Undo2 } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type SignaturePad from 'signature_pad';
import { Button } from './button.tsx';

export interface SignatureFieldProps {
  /** What is signed, said to everyone ("Your signature", "Site contact's signature"). */
  label: string;
  /** The drawn signature as a PNG data URL (what the API takes), or null once cleared. */
  onChange: (pngDataUrl: string | null) => void;
  /** The person's saved signature (an image URL): offered with a button, never applied by itself. */
  savedSignatureUrl?: string | null;
  /** Shown under the pad (what is missing). */
  error?: string | null;
}

/**
 * A signature drawn on screen (finger, stylus or mouse: signature_pad, loaded with the field),
 * with Undo and Clear, and the saved signature offered for one press. A typed name is not a
 * signature, so there is no text alternative; the pad is labelled and says whether it is signed.
 */
export function SignatureField({ label, onChange, savedSignatureUrl, error }: SignatureFieldProps) {
  const id = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [signed, setSigned] = useState(false);
  const changed = useRef(onChange);
  changed.current = onChange;

  const report = useCallback(() => {
    const pad = padRef.current;
    if (!pad) return;
    const empty = pad.isEmpty();
    setSigned(!empty);
    changed.current(empty ? null : pad.toDataURL('image/png'));
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let disposed = false;
    let resize: (() => void) | null = null;
    void import('signature_pad').then(({ default: Pad }) => {
      if (disposed) return;
      const pad = new Pad(canvas, { penColor: '#0f172a', backgroundColor: 'rgba(0,0,0,0)' });
      padRef.current = pad;
      resize = () => {
        const ratio = Math.max(window.devicePixelRatio || 1, 1);
        const strokes = pad.toData();
        canvas.width = canvas.offsetWidth * ratio;
        canvas.height = canvas.offsetHeight * ratio;
        canvas.getContext('2d')?.scale(ratio, ratio);
        pad.fromData(strokes);
      };
      resize();
      window.addEventListener('resize', resize);
      pad.addEventListener('endStroke', () => report());
    });
    return () => {
      disposed = true;
      if (resize) window.removeEventListener('resize', resize);
      padRef.current?.off();
      padRef.current = null;
    };
  }, [report]);

  const undo = () => {
    const pad = padRef.current;
    if (!pad) return;
    const strokes = pad.toData();
    strokes.pop();
    pad.fromData(strokes);
    report();
  };
  const clear = () => {
    padRef.current?.clear();
    report();
  };
  const applySaved = async () => {
    const pad = padRef.current;
    const canvas = canvasRef.current;
    if (!pad || !canvas || !savedSignatureUrl) return;
    pad.clear();
    await pad.fromDataURL(savedSignatureUrl, { width: canvas.offsetWidth, height: canvas.offsetHeight });
    report();
  };

  return (
    <fieldset className="flex min-w-0 flex-col gap-2">
      <legend className="font-medium text-slate-900">{label}</legend>
      <p id={`${id}-help`} className="text-sm text-slate-700">
        Sign in the box with a finger, a stylus or the mouse.
      </p>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={`${label}: ${signed ? 'signed' : 'not signed yet'}`}
        aria-describedby={`${id}-help`}
        className={`h-40 w-full touch-none rounded-md border-2 bg-white ${error ? 'border-red-700' : 'border-slate-400'}`}
      />
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" onPress={undo} isDisabled={!signed}>
          <Undo2 aria-hidden="true" className="size-4" />
          Undo<span className="sr-only"> the last stroke of {label.toLowerCase()}</span>
        </Button>
        <Button size="sm" variant="secondary" onPress={clear} isDisabled={!signed}>
          <Eraser aria-hidden="true" className="size-4" />
          Clear<span className="sr-only"> {label.toLowerCase()}</span>
        </Button>
        {savedSignatureUrl ? (
          <Button size="sm" variant="secondary" onPress={() => void applySaved()}>
            <PenLine aria-hidden="true" className="size-4" />
            Use my saved signature
          </Button>
        ) : null}
      </div>
      <p aria-live="polite" className={`min-h-5 text-sm ${error ? 'font-medium text-red-800' : 'text-slate-700'}`}>
        {error ?? (signed ? 'Signed.' : '')}
      </p>
    </fieldset>
  );
}
