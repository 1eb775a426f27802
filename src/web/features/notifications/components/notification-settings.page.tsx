import { useEffect, useState } from 'react';
import {
  type EmailSchedule,
  type NotificationChannel,
  type NotificationKind,
  notificationKindLabels,
  notificationKinds,
} from '../../../../shared/domain/notification.kinds.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { NativeSelectField } from '../../../components/ui/native-select.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { StaleVersionAlert } from '../../../components/ui/stale-version.alert.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { type NotificationSettings, useNotificationSettings, useNotificationSettingsEdit } from '../api/settings.query.ts';

const channelOptions: Array<{ id: NotificationChannel; label: string }> = [
  { id: 'both', label: 'In the app and by email' },
  { id: 'in_app', label: 'In the app only' },
  { id: 'email', label: 'By email only' },
  { id: 'none', label: 'Not at all' },
];
const scheduleOptions: Array<{ id: EmailSchedule; label: string }> = [
  { id: 'batched', label: 'A few minutes after it happens (updates close together in one email)' },
  { id: 'daily', label: 'One digest a day' },
];
const channelLabel = (c: string) => channelOptions.find((o) => o.id === c)?.label ?? c;

function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const edit = useNotificationSettingsEdit();
  const [channels, setChannels] = useState(settings.channels);
  const [schedule, setSchedule] = useState(settings.emailSchedule);
  // A save here or a reload after a conflict shows what is saved now.
  useEffect(() => {
    setChannels(settings.channels);
    setSchedule(settings.emailSchedule);
  }, [settings]);
  const changed = schedule !== settings.emailSchedule || notificationKinds.some((k) => channels[k] !== settings.channels[k]);
  const save = async () => {
    try {
      const saved = await edit.save(settings.version, { channels, emailSchedule: schedule });
      if (saved) toastSuccess('Notification settings saved');
    } catch (error) {
      toastError('Could not save your notification settings', describeError(error));
    }
  };
  return (
    <form
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {edit.conflict ? (
        <StaleVersionAlert
          what="your notification settings"
          fields={notificationKinds
            .filter((k) => edit.conflict?.changes.channels?.[k] !== edit.conflict?.current.channels[k])
            .map((k) => ({
              label: notificationKindLabels[k],
              yours: channelLabel(edit.conflict?.changes.channels?.[k] ?? ''),
              current: channelLabel(edit.conflict?.current.channels[k] ?? ''),
            }))}
          onReapply={() => void edit.reapply()}
          onDiscard={edit.dismiss}
          isPending={edit.isReapplying}
        />
      ) : null}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">How you hear about each kind of update</legend>
        {notificationKinds.map((kind: NotificationKind) => (
          <NativeSelectField
            key={kind}
            label={notificationKindLabels[kind]}
            options={channelOptions}
            value={channels[kind] ?? 'both'}
            onChange={(value) => setChannels({ ...channels, [kind]: value as NotificationChannel })}
          />
        ))}
      </fieldset>
      <NativeSelectField
        label="When emails go out"
        options={scheduleOptions}
        value={schedule}
        onChange={(value) => setSchedule(value as EmailSchedule)}
      />
      <div>
        <Button type="submit" isDisabled={!changed || edit.isPending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}

export function NotificationSettingsPage({ backHref }: { backHref: string }) {
  const settings = useNotificationSettings();
  return (
    <>
      <BackLink href={backHref} label="Notifications" />
      <PageHeader title="Notification settings" description="Choose where each kind of update reaches you, and when emails go out." />
      <div className="mb-6">
        <Alert tone="info" title="Security emails always go">
          Sign-in links, invitations, password resets and two-factor emails are sent whatever you choose here.
        </Alert>
      </div>
      <QueryView query={settings} loadingLabel="Loading your notification settings…">
        {(data) => <SettingsForm settings={data} />}
      </QueryView>
    </>
  );
}
