import { z } from 'zod';

/**
 * The shape of a causes-catalogue file (data/civil-causes-<revision>.json) and the structural rules every
 * revision must keep: groups numbered 一 … in order, third-level causes numbered 1 … n without gaps,
 * fourth-level ones numbered n.1, n.2 … under their parent, no name twice on a level, counts that match,
 * and parts (when given) that hold every group once, in order.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const DIGITS = '一二三四五六七八九';

/** Chinese ordinal of 1 … 99 as the catalogue writes it: 一, 十, 十一, 二十, 五十九. */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new Error(`chineseOrdinal: out of range: ${n}`);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const unitText = units ? DIGITS[units - 1]! : '';
  if (tens === 0) return unitText;
  return `${tens === 1 ? '' : DIGITS[tens - 1]!}十${unitText}`;
}

const causeName = z.string().min(1).regex(/^\S+$/, 'a name must not contain whitespace');

const childSchema = z.strictObject({
  no: z.string().regex(/^[1-9]\d*\.[1-9]\d*$/, 'a fourth-level number looks like "108.3"'),
  name: causeName,
});

const causeSchema = z.strictObject({
  no: z.number().int().positive(),
  name: causeName,
  children: z.array(childSchema).min(1, 'omit "children" rather than leave it empty').optional(),
});

const groupSchema = z.strictObject({
  no: z.string().min(1),
  name: causeName,
  causes: z.array(causeSchema).min(1),
});

const partSchema = z.strictObject({
  no: z.number().int().positive(),
  name: causeName,
  groups: z.array(z.string().min(1)).min(1),
});

const countSchema = z.number().int().nonnegative();

export const catalogueFileSchema = z
  .object({
    catalogue: z.literal('民事案件案由规定'),
    revision: z.string().regex(/^\d{4}$/),
    effectiveFrom: z.string().refine(isIsoDate, 'not a YYYY-MM-DD date'),
    documents: z.record(z.string(), z.string()).optional(),
    provenance: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
    notes: z.array(z.string()).optional(),
    counts: z.strictObject({
      parts: countSchema.optional(),
      groups: countSchema,
      causes: countSchema,
      children: countSchema,
    }),
    parts: z.array(partSchema).min(1).optional(),
    groups: z.array(groupSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    const seen = { group: new Map<string, string>(), cause: new Map<string, string>(), child: new Map<string, string>() };
    const repeated = (level: keyof typeof seen, name: string, where: string, path: (string | number)[]) => {
      const first = seen[level].get(name);
      if (first !== undefined) issue(`${level} name ${name} repeats (${first} and ${where})`, path);
      else seen[level].set(name, where);
    };

    let expected = 1;
    let children = 0;
    file.groups.forEach((group, gi) => {
      const ordinal = chineseOrdinal(gi + 1);
      if (group.no !== ordinal) issue(`group ${gi + 1} is numbered ${group.no}, expected ${ordinal}`, ['groups', gi, 'no']);
      repeated('group', group.name, group.no, ['groups', gi, 'name']);
      group.causes.forEach((cause, ci) => {
        const path = ['groups', gi, 'causes', ci];
        if (cause.no !== expected) issue(`cause ${cause.name} is numbered ${cause.no}, expected ${expected}`, [...path, 'no']);
        expected = cause.no + 1; // report each break in the sequence once
        repeated('cause', cause.name, String(cause.no), [...path, 'name']);
        cause.children?.forEach((child, ki) => {
          const want = `${cause.no}.${ki + 1}`;
          if (child.no !== want) issue(`child ${child.name} is numbered ${child.no}, expected ${want}`, [...path, 'children', ki, 'no']);
          repeated('child', child.name, child.no, [...path, 'children', ki, 'name']);
          children++;
        });
      });
    });
    for (const [name, no] of seen.child) {
      const causeNo = seen.cause.get(name);
      if (causeNo !== undefined) issue(`fourth-level ${no} has the same name as third-level ${causeNo}: ${name}`, ['groups']);
    }

    const causes = file.groups.reduce((n, g) => n + g.causes.length, 0);
    if (file.counts.groups !== file.groups.length)
      issue(`counts.groups is ${file.counts.groups}, counted ${file.groups.length}`, ['counts', 'groups']);
    if (file.counts.causes !== causes) issue(`counts.causes is ${file.counts.causes}, counted ${causes}`, ['counts', 'causes']);
    if (file.counts.children !== children) issue(`counts.children is ${file.counts.children}, counted ${children}`, ['counts', 'children']);

    if (file.parts) {
      const partNames = new Set<string>();
      file.parts.forEach((part, pi) => {
        if (part.no !== pi + 1) issue(`part ${part.name} is numbered ${part.no}, expected ${pi + 1}`, ['parts', pi, 'no']);
        if (partNames.has(part.name)) issue(`part name ${part.name} repeats`, ['parts', pi, 'name']);
        partNames.add(part.name);
      });
      const listed = file.parts.flatMap((p) => p.groups).join(',');
      const actual = file.groups.map((g) => g.no).join(',');
      if (listed !== actual) issue('parts[].groups must list every group exactly once, in catalogue order', ['parts']);
      if (file.counts.parts !== undefined && file.counts.parts !== file.parts.length) {
        issue(`counts.parts is ${file.counts.parts}, counted ${file.parts.length}`, ['counts', 'parts']);
      }
    } else if (file.counts.parts !== undefined) {
      issue('counts.parts is given but there are no parts', ['counts', 'parts']);
    }
  });

export type CatalogueFile = z.infer<typeof catalogueFileSchema>;

/** Validates a catalogue file; throws an Error listing every problem. */
export function parseCatalogue(raw: unknown, label = 'catalogue'): CatalogueFile {
  const result = catalogueFileSchema.safeParse(raw);
  if (!result.success) throw new Error(`causes ${label} is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}
