import { MapPin, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { describeError } from '../../../lib/api.client.ts';
import type { SiteSheet } from '../api/get-site-sheet.query.ts';
import { siteChanges } from '../api/site-work.changes.ts';
import type { SiteWorkSender } from '../api/site-work.sender.ts';
import { TextAreaField } from './textarea.field.tsx';

type Location = { latitude: number; longitude: number; accuracyM: number | null };

/** Where the phone is, if the person allows it (the browser asks); null when refused, unknown or too slow. */
function locate(): Promise<Location | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
          accuracyM: Number.isFinite(position.coords.accuracy) ? Math.round(position.coords.accuracy) : null,
        }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  });
}

/** "I'm on site" (with the location only if the person ticks it) and "Revisit required" with its reason. */
export function SiteStatusActions({ sheet, sender }: { sheet: SiteSheet; sender: SiteWorkSender }) {
  const [withLocation, setWithLocation] = useState(false);
  const [busy, setBusy] = useState(false);
  const [revisitOpen, setRevisitOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { abilities, job } = sheet;
  if (!abilities.onSite && !abilities.revisit) return null;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const goOnSite = () =>
    run(async () => {
      const at = new Date().toISOString();
      const location = withLocation ? await locate() : null;
      await sender.send(siteChanges.onSite(job.id, { location, at }));
    });
  const sendRevisit = () => {
    if (!reason.trim()) {
      setReasonError('Say why a revisit is needed.');
      return;
    }
    setReasonError(null);
    void run(async () => {
      await sender.send(siteChanges.revisit(job.id, { reason: reason.trim(), at: new Date().toISOString() }));
      setRevisitOpen(false);
      setReason('');
    });
  };

  return (
    <div className="flex flex-col gap-3">
      {abilities.onSite ? (
        <div className="flex flex-col gap-2">
          <label className="flex min-h-11 items-center gap-3 text-slate-900">
            <input type="checkbox" className="size-5" checked={withLocation} onChange={(e) => setWithLocation(e.target.checked)} />
            Record where I am (your phone asks first)
          </label>
          <Button className="w-full sm:w-auto" onPress={() => void goOnSite()} isDisabled={busy}>
            <MapPin aria-hidden="true" className="size-5" />
            I'm on site
          </Button>
        </div>
      ) : null}
      {abilities.revisit ? (
        revisitOpen ? (
          <div className="flex flex-col gap-2 rounded-md border border-slate-300 bg-white p-3">
            <TextAreaField
              label="Why is a revisit needed?"
              value={reason}
              onChange={setReason}
              errorMessage={reasonError}
              maxLength={2000}
            />
            <div className="flex flex-wrap gap-2">
              <Button onPress={sendRevisit} isDisabled={busy}>
                Send: revisit required
              </Button>
              <Button variant="secondary" onPress={() => setRevisitOpen(false)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <Button variant="secondary" className="w-full sm:w-auto" onPress={() => setRevisitOpen(true)}>
            <RotateCcw aria-hidden="true" className="size-5" />
            Revisit required
          </Button>
        )
      ) : null}
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
