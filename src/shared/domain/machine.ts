/**
 * Who may fire an event: a staff member, a contractor member, a technician of the contractor
 * (only on jobs assigned to them), or Portico itself (timers).
 */
export type MachineActor = 'staff' | 'contractor' | 'technician' | 'system';

export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
  actors: readonly MachineActor[];
}

/** A state machine as data: event → allowed from-states, target state, who may fire it. */
export type Machine<S extends string, E extends string> = Readonly<Record<E, Transition<S>>>;

/** Whether this kind of actor fires the event at all, whatever the status (no → 403). */
export function isFiredBy<S extends string, E extends string>(machine: Machine<S, E>, event: E, actor: MachineActor): boolean {
  return machine[event].actors.includes(actor);
}

/** Whether the actor may fire the event from this status (fired by it, and possible from the status). */
export function canFire<S extends string, E extends string>(machine: Machine<S, E>, event: E, status: S, actor: MachineActor): boolean {
  return machine[event].from.includes(status) && isFiredBy(machine, event, actor);
}

/** The events an actor may fire from a status. */
export function eventsFrom<S extends string, E extends string>(machine: Machine<S, E>, status: S, actor: MachineActor): E[] {
  return (Object.keys(machine) as E[]).filter((event) => canFire(machine, event, status, actor));
}
