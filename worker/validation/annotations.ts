import { z } from 'zod';
import { dateParam } from './dates';
import { year } from './params';

const text = (max: number) => z.string().trim().min(1).max(max);

export const annotationBody = z
  .object({
    date: dateParam.optional().describe('The day (YYYY-MM-DD or DD/MM/YYYY); or give `year` for the year as a whole'),
    year: z.number().int().min(1945).max(2100).optional(),
    text_vi: text(200).describe('What happened, in Vietnamese (shown on the chart)'),
    text_en: text(200).nullish().describe('The same in English; the Vietnamese is shown when absent'),
    unit_code: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .nullish()
      .describe("A unit: its charts and its subtree's show the note; absent or null: every chart"),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.date === undefined && a.year === undefined)
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'give a date or a year' });
    if (a.date !== undefined && a.year !== undefined && Number(a.date.slice(0, 4)) !== a.year)
      ctx.addIssue({ code: 'custom', path: ['year'], message: "is not the date's year" });
  });

export const annotationsQuery = z
  .object({
    on: z
      .string()
      .max(64)
      .optional()
      .describe(
        "A unit code: the notes its charts show (everywhere's, the unit's and its ancestors'); 'everywhere': " +
          'only those for every chart; absent: every note you may see',
      ),
    from: year.optional(),
    to: year.optional(),
  })
  .strict();

export const annotationIdParam = z.object({ id: z.coerce.number().int().positive() });

export const annotation = z.object({
  id: z.number().int(),
  year: z.number().int(),
  date: z.string().nullable(),
  text_vi: z.string(),
  text_en: z.string().nullable(),
  unit_code: z.string().nullable().describe('null: every chart'),
  unit_name: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
});
export type Annotation = z.infer<typeof annotation>;

export const annotationList = z.object({ annotations: z.array(annotation) });
