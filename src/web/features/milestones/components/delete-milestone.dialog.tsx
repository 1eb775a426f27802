import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import type { LaunchedDialogProps } from '../../../components/ui/dialog.launcher.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { useDeleteMilestone } from '../api/delete-milestone.mutation.ts';
import type { MilestoneDetail } from '../api/milestone.types.ts';

export interface DeleteMilestoneDialogProps {
  milestone: MilestoneDetail;
  /** After the milestone was deleted. */
  onDeleted?: () => void;
}

/** Asks before deleting a milestone: opened by a launcher on the milestone page, loaded when wanted. */
export function DeleteMilestoneDialog({ milestone, onDeleted, isOpen, onOpenChange }: DeleteMilestoneDialogProps & LaunchedDialogProps) {
  const remove = useDeleteMilestone();
  return (
    <ConfirmDialog
      title="Delete this milestone?"
      message={`“${milestone.title}” is removed from the contract and ${milestone.contractor.name} is told. Its submissions go with it.`}
      confirmLabel="Delete milestone"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isPending={remove.isPending}
      onConfirm={() =>
        remove.mutate(milestone.id, {
          onSuccess: () => {
            onOpenChange(false);
            toastSuccess('Milestone deleted', milestone.title);
            onDeleted?.();
          },
          onError: (error) => {
            onOpenChange(false);
            toastError('Could not delete the milestone', describeError(error));
          },
        })
      }
    />
  );
}
