import type { ApiData } from '../../../lib/api.client.ts';

export type TechnicianPage = ApiData<'/api/technicians', 'get'>;
export type TechnicianListItem = TechnicianPage['items'][number];
export type TechnicianDetail = ApiData<'/api/technicians/{id}', 'get'>;
export type AccreditationView = ApiData<'/api/accreditations/{id}', 'get'>;
export type TechnicianFlagsAnswer = ApiData<'/api/technicians/flags', 'post'>;
export type TechnicianChoice = TechnicianFlagsAnswer['technicians'][number];
