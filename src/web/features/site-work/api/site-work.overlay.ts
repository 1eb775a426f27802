import { missingForPerform } from '../../../../shared/domain/site-work.ts';
import type { LocalEffect } from './site-work.effects.ts';
import type { SiteSheet, SiteTask } from './get-site-sheet.query.ts';

/** A photo on the page that is still on the phone (not yet uploaded): shown by name, marked as waiting. */
export const WAITING_PHOTO_PREFIX = 'waiting:';

const statusAbilities: Partial<Record<SiteSheet['job']['status'], Omit<SiteSheet['abilities'], 'downloadReport'>>> = {
  in_progress: { onSite: false, revisit: true, answer: true, perform: true },
  revisit: { onSite: true, revisit: false, answer: false, perform: false },
  performed_need_docs: { onSite: false, revisit: false, answer: false, perform: false },
};

function withStatus(sheet: SiteSheet, status: SiteSheet['job']['status']): SiteSheet {
  const abilities = statusAbilities[status];
  return { ...sheet, job: { ...sheet.job, status }, abilities: abilities ? { ...sheet.abilities, ...abilities } : sheet.abilities };
}

function mapTask(sheet: SiteSheet, taskId: string, change: (task: SiteTask) => SiteTask): SiteSheet {
  return { ...sheet, tasks: sheet.tasks.map((task) => (task.id === taskId ? change(task) : task)) };
}

function applyEffect(sheet: SiteSheet, effect: LocalEffect, index: number): SiteSheet {
  switch (effect.kind) {
    case 'on-site':
      return withStatus(sheet, 'in_progress');
    case 'revisit':
      return withStatus(sheet, 'revisit');
    case 'performed':
      return withStatus(sheet, 'performed_need_docs');
    case 'answer':
      return mapTask(sheet, effect.taskId, (task) => ({
        ...task,
        result: effect.result,
        defects: effect.defects,
        remarks: effect.remarks,
      }));
    case 'remove-photo':
      return mapTask(sheet, effect.taskId, (task) => ({ ...task, photoList: task.photoList.filter((p) => p.id !== effect.photoId) }));
    case 'photo':
      return mapTask(sheet, effect.taskId, (task) => ({
        ...task,
        photoList: [
          ...task.photoList,
          {
            id: `${WAITING_PHOTO_PREFIX}${index}`,
            taskId: task.id,
            fileId: '',
            name: effect.name,
            mime: 'image/jpeg',
            size: 0,
            caption: null,
            takenAt: new Date().toISOString(),
            addedBy: null,
            url: '',
          },
        ],
      }));
  }
}

/**
 * The job as the person sees it: the server's sheet with the changes still waiting on the phone
 * applied in order (the server will apply them the same way, or refuse one with its reason).
 */
export function overlayWaiting(sheet: SiteSheet, effects: readonly LocalEffect[]): SiteSheet {
  if (effects.length === 0) return sheet;
  const shown = effects.reduce(applyEffect, sheet);
  return { ...shown, missing: missingForPerform(shown.tasks.map((t) => ({ ...t, photoCount: t.photoList.length }))) };
}
