import type { z } from 'zod';
import type { createContractSchema, renewContractSchema, updateContractSchema } from '../../../../shared/schemas/contract.schema.ts';
import type { ApiData } from '../../../lib/api.client.ts';

// What the API answers, from openapi.json; what forms send, from the shared schemas they validate with.
export type Contract = ApiData<'/api/contracts/{id}', 'get'>;
export type ContractListItem = ApiData<'/api/contracts', 'get'>['items'][number];
export type ContractRevision = ApiData<'/api/contracts/{id}/revisions', 'get'>['items'][number];
export type CreateContractInput = z.output<typeof createContractSchema>;
export type UpdateContractInput = z.output<typeof updateContractSchema>;
export type RenewContractInput = z.output<typeof renewContractSchema>;
