/** Who may fire an event: a staff member, a contractor member, or Portico itself (timers). */
export type MachineActor = 'staff' | 'contractor' | 'system';

export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
  actors: readonly MachineActor[];
}

/** A state machine as data: event → allowed from-states, target state, who may fire it. */
export type Machine<S extends string, E extends string> = Readonly<Record<E, Transition<S>>>;

export function canFire<S extends string, E extends string>(machine: Machine<S, E>, event: E, status: S, actor: MachineActor): boolean {
  const transition = machine[event];
  return transition.from.includes(status) && transition.actors.includes(actor);
}

/** The events an actor may fire from a status. */
export function eventsFrom<S extends string, E extends string>(machine: Machine<S, E>, status: S, actor: MachineActor): E[] {
  return (Object.keys(machine) as E[]).filter((event) => canFire(machine, event, status, actor));
}
