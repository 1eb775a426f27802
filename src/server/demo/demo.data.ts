/** The demo's people and businesses: what `npm start` loads on a first start and prints. */

export const DEMO_PASSWORD = 'Harbour-Lantern-Violet-42';

export interface DemoPersona {
  who: string;
  email: string;
  signIn: 'password' | 'magic link';
}

export const demoPersonas: DemoPersona[] = [
  { who: 'Northwind Facilities · owner', email: 'olivia.owner@northwind.example', signIn: 'password' },
  { who: 'Northwind Facilities · manager', email: 'marco.manager@northwind.example', signIn: 'password' },
  { who: 'Northwind Facilities · finance', email: 'fiona.finance@northwind.example', signIn: 'password' },
  { who: 'Brightline Studio (contractor) · admin', email: 'bea@brightline.example', signIn: 'password' },
  { who: 'Brightline Studio · technician', email: 'tom.tech@brightline.example', signIn: 'magic link' },
  { who: 'Harbor Electrical (contractor) · admin', email: 'hank@harbor-electric.example', signIn: 'password' },
  {
    who: 'Harbor Electrical · technician (working at heights expires within 30 days)',
    email: 'tess.tech@harbor-electric.example',
    signIn: 'magic link',
  },
  { who: 'Harbor Electrical · technician', email: 'ivan.installer@harbor-electric.example', signIn: 'magic link' },
  { who: 'Harbor Electrical · technician', email: 'uma.utility@harbor-electric.example', signIn: 'magic link' },
];

export const demoOrganization = {
  name: 'Northwind Facilities',
  owner: { name: 'Olivia Owner', email: 'olivia.owner@northwind.example' },
  staff: [
    { name: 'Marco Manager', email: 'marco.manager@northwind.example', role: 'manager' },
    { name: 'Fiona Finance', email: 'fiona.finance@northwind.example', role: 'finance' },
  ],
} as const;

export const demoCrews = [
  {
    business: 'Brightline Studio',
    admin: { name: 'Bea Brightline', email: 'bea@brightline.example' },
    tech: { name: 'Tom Tech', email: 'tom.tech@brightline.example' },
  },
  {
    business: 'Harbor Electrical',
    admin: { name: 'Hank Harbor', email: 'hank@harbor-electric.example' },
    tech: { name: 'Tess Tech', email: 'tess.tech@harbor-electric.example' },
  },
] as const;

export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
