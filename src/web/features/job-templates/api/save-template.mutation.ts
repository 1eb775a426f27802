import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { etagOf } from '../../../../shared/domain/version.ts';
import type { jobTemplateInputSchema } from '../../../../shared/schemas/job.schema.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { useStaleVersion } from '../../../lib/use-stale-version.ts';
import { getTemplate } from './get-template.query.ts';
import type { JobTemplate } from './list-templates.query.ts';
import { templateKeys } from './template.keys.ts';

export type TemplateInput = z.input<typeof jobTemplateInputSchema>;

/** Creates a template. */
export function useCreateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TemplateInput) => dataOf(api.POST('/api/job-templates', { body: input as never })),
    onSuccess: (template) => {
      queryClient.setQueryData(templateKeys.detail(template.id), template);
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
    },
  });
}

/** Replaces a template against the version shown (If-Match); when someone saved first, reloads and offers to re-apply. */
export function useTemplateEdit(id: string) {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: ({ version, input }: { version: number; input: TemplateInput }) =>
      dataOf(
        api.PATCH('/api/job-templates/{id}', { params: { path: { id }, header: { 'if-match': etagOf(version) } }, body: input as never }),
      ),
    onSuccess: (template) => {
      queryClient.setQueryData(templateKeys.detail(id), template);
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
    },
  });
  const edit = useStaleVersion<JobTemplate, TemplateInput>({
    save: (version, input) => update.mutateAsync({ version, input }),
    reload: () =>
      queryClient.fetchQuery({ queryKey: templateKeys.detail(id), queryFn: ({ signal }) => getTemplate(id, signal), staleTime: 0 }),
  });
  return { ...edit, isPending: update.isPending };
}

/** Deletes a template (jobs made from it keep the tasks they copied). */
export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => dataOf(api.DELETE('/api/job-templates/{id}', { params: { path: { id } } })),
    onSuccess: (_ok, id) => {
      queryClient.removeQueries({ queryKey: templateKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
    },
  });
}
