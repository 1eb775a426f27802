import type { ApiData } from '../../../lib/api.client.ts';

export type Engagement = ApiData<'/api/engagements/{id}', 'get'>;
