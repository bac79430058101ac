/** Messages between the page and the siting worker (structured-cloneable). */
import type { Message } from '../../i18n';
import type { Kindergarten, PopulationCell } from '../model';
import type { SitingAnswer, SitingCandidate, SitingParams, SitingSummary } from './siting-types';

export interface SitingRequest {
  id: number;
  population: PopulationCell[];
  kindergartens: Kindergarten[];
  candidates: SitingCandidate[];
  params: SitingParams;
}

export type SitingResponse =
  | { type: 'heuristic'; id: number; answer: SitingAnswer; summary: SitingSummary }
  | { type: 'progress'; id: number; objective: number; bound: number; gap: number; seconds: number }
  | { type: 'exact'; id: number; answer: SitingAnswer }
  | { type: 'error'; id: number; message: Message };
