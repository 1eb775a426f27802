import type { z } from 'zod';
import type {
  contractListItemSchema,
  contractRevisionSchema,
  contractSchema,
  createContractSchema,
  renewContractSchema,
  updateContractSchema,
} from '../../../../shared/schemas/contract.schema.ts';

export type Contract = z.infer<typeof contractSchema>;
export type ContractListItem = z.infer<typeof contractListItemSchema>;
export type ContractRevision = z.infer<typeof contractRevisionSchema>;
export type CreateContractInput = z.output<typeof createContractSchema>;
export type UpdateContractInput = z.output<typeof updateContractSchema>;
export type RenewContractInput = z.output<typeof renewContractSchema>;
