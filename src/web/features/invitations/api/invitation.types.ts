import type { ApiData } from '../../../lib/api.client.ts';

export type Invitation = ApiData<'/api/invitations', 'get'>['items'][number];
