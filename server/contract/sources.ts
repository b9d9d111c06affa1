/** The answers about sources as readers see them: the list, and one source opened with its text and the stances it supports. */
import { z } from 'zod';
import { STANCE_FAMILIES, STANCE_TYPE_NAMES } from './model.ts';
import { evidenceItemSchema, named, nodeRef, publisherSchema } from './api.ts';

/** What the list and an opened source both say about a source. */
const sourceFields = {
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  publishedAt: z.string(),
  publisher: z.string().nullable().describe("The publisher's name: its entity's, else the payload's free text"),
  url: z.string().nullable(),
  grade: z.string().nullable().describe('Admiralty grade ("B2"), null when ungraded'),
  ingestedAt: z.string().nullable().describe('When its current version arrived (null for a source stored before records were kept)'),
};

export const sourceListSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  sources: z.array(
    z.object({
      ...sourceFields,
      publishedBy: publisherSchema.nullable().describe('The publisher entity, with its country and affiliation'),
      writer: z.string().nullable().describe('Label of the write token that sent it'),
      textBytes: z.number().int().nullable().describe('Size of the original text kept with it'),
      evidence: z.number().int(),
      stances: z.number().int().describe('Stances its evidence supports'),
      quotes: z.number().int().describe('Pieces of its evidence that are verbatim quotes'),
      entities: z.number().int(),
    }),
  ),
});
export type SourceList = z.infer<typeof sourceListSchema>;
export type SourceListEntry = SourceList['sources'][number];

export const supportedStanceSchema = named(
  'SupportedStance',
  z.object({
    id: z.string(),
    type: z.enum(STANCE_TYPE_NAMES),
    family: z.enum(STANCE_FAMILIES),
    actor: nodeRef,
    target: nodeRef,
    date: z.string(),
    datePrecision: z.string(),
    condition: z.string().nullable(),
    evidence: z.array(evidenceItemSchema).describe("Only this source's evidence for the stance"),
  }),
);
export type SupportedStance = z.infer<typeof supportedStanceSchema>;

export const sourceDetailSchema = named(
  'SourceDetail',
  z.object({
    ...sourceFields,
    text: z.string().nullable().describe('The original text kept with the source, so each quote can be read in its context (null when none was kept)'),
    stances: z.array(supportedStanceSchema),
  }),
);
export type SourceDetail = z.infer<typeof sourceDetailSchema>;
