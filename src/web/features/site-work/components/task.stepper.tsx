import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import type { SiteSheet } from '../api/get-site-sheet.query.ts';
import type { SiteWorkSender } from '../api/site-work.sender.ts';
import { resultLabels, TaskAnswer } from './task.answer.tsx';
import { TaskPhotos } from './task.photos.tsx';

/** The service tasks one at a time (one thumb: Previous / Next at the bottom), with where each stands. */
export function TaskStepper({ sheet, sender }: { sheet: SiteSheet; sender: SiteWorkSender }) {
  const [index, setIndex] = useState(0);
  const { tasks, abilities, job } = sheet;
  if (tasks.length === 0) return <p className="text-slate-700">This job has no service tasks: mark it performed when the work is done.</p>;
  const current = Math.min(index, tasks.length - 1);
  const task = tasks[current]!;
  return (
    <div className="flex flex-col gap-4">
      <ol aria-label="Service tasks" className="flex flex-col gap-1">
        {tasks.map((t, i) => (
          <li key={t.id}>
            <button
              type="button"
              onClick={() => setIndex(i)}
              aria-current={i === current ? 'step' : undefined}
              className={`flex min-h-11 w-full items-center justify-between gap-2 rounded-md px-3 text-left ${i === current ? 'bg-blue-50 font-semibold text-blue-900' : 'text-slate-900 hover:bg-slate-100'}`}
            >
              <span className="min-w-0 break-words">
                {i + 1}. {t.title}
              </span>
              {t.result ? <Badge tone={t.result === 'fail' ? 'red' : 'green'}>{resultLabels[t.result]}</Badge> : <Badge>To do</Badge>}
            </button>
          </li>
        ))}
      </ol>
      <section
        aria-labelledby={`task-${task.id}`}
        className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-slate-50 p-3 sm:p-4"
      >
        <h3 id={`task-${task.id}`} className="text-lg font-semibold text-slate-900">
          Task {current + 1} of {tasks.length}: {task.title}
        </h3>
        <TaskAnswer key={`${task.id}:${task.answeredAt ?? ''}`} jobId={job.id} task={task} sender={sender} canAnswer={abilities.answer} />
        <TaskPhotos jobId={job.id} task={task} sender={sender} canAnswer={abilities.answer} />
        <div className="flex justify-between gap-2">
          <Button variant="secondary" isDisabled={current === 0} onPress={() => setIndex(current - 1)}>
            <ChevronLeft aria-hidden="true" className="size-5" />
            Previous task
          </Button>
          <Button variant="secondary" isDisabled={current === tasks.length - 1} onPress={() => setIndex(current + 1)}>
            Next task
            <ChevronRight aria-hidden="true" className="size-5" />
          </Button>
        </div>
      </section>
    </div>
  );
}
