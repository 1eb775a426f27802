import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { siteWorkKeys } from './site-work.keys.ts';

export type Preferences = ApiData<'/api/preferences', 'get'>;

/** The person's mobile number and saved signature. */
export function usePreferences(enabled = true) {
  return useQuery({
    enabled,
    queryKey: siteWorkKeys.preferences(),
    queryFn: ({ signal }) => dataOf(api.GET('/api/preferences', { signal })),
  });
}

/** The saved signature as an image URL for the signature pad, or null. */
export function savedSignatureUrlOf(preferences: Preferences | undefined): string | null {
  const png = preferences?.signature?.png;
  if (!png) return null;
  return png.startsWith('data:') ? png : `data:image/png;base64,${png}`;
}

function useSetPreferences() {
  const queryClient = useQueryClient();
  return (data: Preferences) => queryClient.setQueryData(siteWorkKeys.preferences(), data);
}

export function useSaveMobile() {
  const set = useSetPreferences();
  return useMutation({
    mutationFn: (mobile: string | null) => dataOf(api.PUT('/api/preferences/mobile', { body: { mobile } })),
    onSuccess: set,
  });
}

export function useSaveSignature() {
  const set = useSetPreferences();
  return useMutation({
    mutationFn: (signaturePng: string) => dataOf(api.PUT('/api/preferences/signature', { body: { signaturePng } })),
    onSuccess: set,
  });
}

export function useForgetSignature() {
  const set = useSetPreferences();
  return useMutation({
    mutationFn: () => dataOf(api.DELETE('/api/preferences/signature', {})),
    onSuccess: set,
  });
}
