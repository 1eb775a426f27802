import { ListChecks } from 'lucide-react';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { ButtonLink, TextLink } from '../../../components/ui/link.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Table, TableBody, TableHead, Td, Th, Tr } from '../../../components/ui/table.tsx';
import { formatDate } from '../../../lib/format.intl.ts';
import { useTemplatePages } from '../api/list-templates.query.ts';

/** The organization's job templates: checklists of service tasks that a new job copies. */
export function TemplatesPage() {
  const templates = useTemplatePages();
  const canCreate = templates.data?.abilities.create ?? false;
  return (
    <>
      <BackLink href="/app/jobs" label="All jobs" />
      <PageHeader
        title="Job templates"
        description="Checklists of service tasks, each saying what the technician records. A new job copies the tasks of the template you pick."
        actions={canCreate ? <ButtonLink href="/app/jobs/templates/new">New template</ButtonLink> : null}
      />
      <QueryView query={templates} loadingLabel="Loading templates…">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              icon={ListChecks}
              title="No templates yet"
              description={
                canCreate
                  ? 'Create a template for work you order often (a fire inspection, a lift service); then pick it in the new-job form.'
                  : 'Your organization’s templates appear here once someone who manages jobs creates one.'
              }
              action={canCreate ? <ButtonLink href="/app/jobs/templates/new">New template</ButtonLink> : null}
            />
          ) : (
            <>
              <Table label="Job templates">
                <TableHead>
                  <Th>Template</Th>
                  <Th>Tasks</Th>
                  <Th>Photos required</Th>
                  <Th>Updated</Th>
                </TableHead>
                <TableBody>
                  {data.items.map((template) => (
                    <Tr key={template.id}>
                      <Td label="Template">
                        <TextLink href={`/app/jobs/templates/${encodeURIComponent(template.id)}`}>{template.name}</TextLink>
                      </Td>
                      <Td label="Tasks">{template.tasks.length}</Td>
                      <Td label="Photos required">{template.tasks.filter((task) => task.photos === 'required').length}</Td>
                      <Td label="Updated">{formatDate(template.updatedAt)}</Td>
                    </Tr>
                  ))}
                </TableBody>
              </Table>
              <LoadMore query={templates} />
            </>
          )
        }
      </QueryView>
    </>
  );
}
