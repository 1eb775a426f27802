import { CheckCheck } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { SignatureField } from '../../../components/ui/signature-field.tsx';
import { describeError } from '../../../lib/api.client.ts';
import type { SiteSheet } from '../api/get-site-sheet.query.ts';
import { siteChanges } from '../api/site-work.changes.ts';
import type { SiteWorkSender } from '../api/site-work.sender.ts';
import { TextAreaField } from './textarea.field.tsx';

/**
 * "I've performed this work": notes, the technician's signature, optionally the site contact's
 * name and signature. The button works once nothing required is missing; until then the page
 * lists what is (each task's result or photo) and why the button waits.
 */
export function PerformedForm({
  sheet,
  sender,
  savedSignatureUrl,
}: {
  sheet: SiteSheet;
  sender: SiteWorkSender;
  savedSignatureUrl: string | null;
}) {
  const [notes, setNotes] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [withContact, setWithContact] = useState(false);
  const [contactName, setContactName] = useState('');
  const [contactSignature, setContactSignature] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!sheet.abilities.perform) return done ? <p role="status">{done}</p> : null;

  const blockers = [
    ...sheet.missing.map((m) => m.message),
    ...(signature ? [] : ['Your signature is missing: sign in the box above.']),
    ...(withContact && !contactName.trim() ? ["The site contact's name is missing."] : []),
    ...(withContact && !contactSignature ? ["The site contact's signature is missing."] : []),
  ];
  const submit = async () => {
    if (blockers.length > 0 || !signature) return;
    setBusy(true);
    setError(null);
    try {
      const at = new Date().toISOString();
      await sender.send(
        siteChanges.performed(sheet.job.id, {
          notes: notes.trim() || null,
          technician: { signaturePng: signature, signedAt: at },
          siteContact: withContact && contactSignature ? { name: contactName.trim(), signaturePng: contactSignature, signedAt: at } : null,
          at,
        }),
      );
      setDone(
        sender.mode === 'queued' && sender.isOffline()
          ? 'Performed: saved on this phone, sent when the connection returns.'
          : 'Performed: the job report is being attached to the job.',
      );
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <TextAreaField label="Notes for the report (optional)" value={notes} onChange={setNotes} maxLength={4000} rows={3} />
      <SignatureField label="Your signature" onChange={setSignature} savedSignatureUrl={savedSignatureUrl} />
      <label className="flex min-h-11 items-center gap-3 text-slate-900">
        <input type="checkbox" className="size-5" checked={withContact} onChange={(e) => setWithContact(e.target.checked)} />
        The site contact signs too
      </label>
      {withContact ? (
        <div className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="site-contact-name" className="text-sm font-medium text-slate-900">
              Site contact's name
            </label>
            <input
              id="site-contact-name"
              value={contactName}
              onChange={(e) => setContactName(e.target.value)}
              maxLength={120}
              autoComplete="off"
              className="block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900"
            />
          </div>
          <SignatureField label="Site contact's signature" onChange={setContactSignature} />
        </div>
      ) : null}
      {blockers.length > 0 ? (
        <div id="performed-blockers" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-semibold">Before you can mark this work performed:</p>
          <ul aria-label="Still missing" className="mt-1 list-disc pl-5">
            {blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Button
        onPress={() => void submit()}
        isDisabled={busy || blockers.length > 0}
        aria-describedby={blockers.length > 0 ? 'performed-blockers' : undefined}
        className="w-full sm:w-auto"
      >
        <CheckCheck aria-hidden="true" className="size-5" />
        I've performed this work
      </Button>
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
