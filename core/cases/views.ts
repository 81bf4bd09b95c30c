import { z } from 'zod';
import { partyViewSchema } from '../parties';
import { ALL_CASE_TYPES } from './types';

/** The case view (cases.get, cases.file) as an explicit schema: docs/API.md shows it and tests check results against it. */
export const caseViewSchema = z.object({
  id: z.number(),
  caseType: z.enum(ALL_CASE_TYPES),
  caseTypeLabel: z.string(),
  /** 案号, or the centre's register number (调登) */
  number: z.string(),
  /** the case code printed as a QR code (one case one code) */
  code: z.string(),
  receivedOn: z.string(),
  cause: z.object({ revision: z.string().nullable(), no: z.string().nullable(), name: z.string(), needsReview: z.boolean() }),
  amountFen: z.number().nullable(),
  claims: z.string(),
  facts: z.string(),
  materials: z.array(z.string()),
  status: z.string(),
  createdAt: z.string(),
  parties: z.array(
    z.object({
      casePartyId: z.number(),
      role: z.string(),
      seq: z.number(),
      party: partyViewSchema,
      agents: z.array(
        z.object({
          id: z.number(),
          kind: z.string(),
          name: z.string(),
          idNumber: z.string().nullable(),
          phone: z.string().nullable(),
          organisation: z.string().nullable(),
          licenseNo: z.string().nullable(),
          authority: z.string(),
          authorityDetail: z.string().nullable(),
        }),
      ),
    }),
  ),
  links: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      direction: z.enum(['to', 'from']),
      note: z.string().nullable(),
      case: z.object({ id: z.number(), number: z.string(), caseType: z.string() }).nullable(),
    }),
  ),
  timeline: z.array(z.object({ id: z.number(), at: z.string(), actorName: z.string(), kind: z.string(), summary: z.string() })),
});
