import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { NativeTextField } from '../../../components/ui/native-text-field.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { SignatureField } from '../../../components/ui/signature-field.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatDateTime } from '../../../lib/format.intl.ts';
import {
  type Preferences,
  savedSignatureUrlOf,
  useForgetSignature,
  usePreferences,
  useSaveMobile,
  useSaveSignature,
} from '../api/preferences.api.ts';

function MobileForm({ preferences }: { preferences: Preferences }) {
  const [mobile, setMobile] = useState(preferences.mobile ?? '');
  const save = useSaveMobile();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const submit = () => {
    setMessage(null);
    save.mutate(mobile.trim() || null, {
      onSuccess: (p) => setMessage({ error: false, text: p.mobile ? `Saved: ${p.mobile}.` : 'Mobile number removed.' }),
      onError: (e) => setMessage({ error: true, text: describeError(e) }),
    });
  };
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <NativeTextField
        label="Mobile number"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        value={mobile}
        onChange={setMobile}
        maxLength={32}
        errorMessage={message?.error ? message.text : undefined}
        aria-describedby="mobile-help"
      />
      <p id="mobile-help" className="text-sm text-slate-700">
        With the country code, e.g. +44 7700 900123. Leave it empty to remove it.
      </p>
      <div>
        <Button type="submit" isDisabled={save.isPending}>
          Save mobile number
        </Button>
      </div>
      <p aria-live="polite" className="min-h-5 text-sm text-green-800">
        {message && !message.error ? message.text : ''}
      </p>
    </form>
  );
}

function SavedSignature({ preferences }: { preferences: Preferences }) {
  const [drawn, setDrawn] = useState<string | null>(null);
  const [redraw, setRedraw] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const save = useSaveSignature();
  const forget = useForgetSignature();
  const current = savedSignatureUrlOf(preferences);
  const done = (text: string) => () => {
    setMessage({ error: false, text });
    setRedraw(false);
    setDrawn(null);
  };
  const failed = (e: unknown) => setMessage({ error: true, text: describeError(e) });
  return (
    <div className="flex flex-col gap-3">
      {current && !redraw ? (
        <>
          <img
            src={current}
            alt="Your saved signature"
            className="h-32 w-full max-w-md rounded-md border border-slate-300 bg-white object-contain"
          />
          <p className="text-sm text-slate-700">Saved {preferences.signature ? formatDateTime(preferences.signature.savedAt) : ''}.</p>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onPress={() => setRedraw(true)}>
              Draw a new one
            </Button>
            <Button
              variant="secondary"
              isDisabled={forget.isPending}
              onPress={() => forget.mutate(undefined, { onSuccess: done('Saved signature forgotten.'), onError: failed })}
            >
              Forget my saved signature
            </Button>
          </div>
        </>
      ) : (
        <>
          <SignatureField label="Signature to save" onChange={setDrawn} />
          <div className="flex flex-wrap gap-2">
            <Button
              isDisabled={!drawn || save.isPending}
              onPress={() => drawn && save.mutate(drawn, { onSuccess: done('Signature saved.'), onError: failed })}
            >
              Save signature
            </Button>
            {redraw ? (
              <Button variant="secondary" onPress={() => setRedraw(false)}>
                Keep the saved one
              </Button>
            ) : null}
          </div>
        </>
      )}
      <p aria-live="polite" className={`min-h-5 text-sm ${message?.error ? 'font-medium text-red-800' : 'text-green-800'}`}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}

/** A contractor member's or technician's own preferences: the mobile number, and a signature drawn once and offered when signing. */
export function PreferencesPage() {
  const preferences = usePreferences();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Preferences" description="Your mobile number, and a signature you can offer yourself when you sign a job." />
      <QueryView query={preferences} loadingLabel="Loading your preferences…">
        {(p) => (
          <>
            <Section title="Mobile number">
              <MobileForm preferences={p} />
            </Section>
            <Section
              title="Saved signature"
              description="Offered with a button when you sign a job report; never added to a report unless you press it."
            >
              <SavedSignature preferences={p} />
            </Section>
          </>
        )}
      </QueryView>
    </div>
  );
}
