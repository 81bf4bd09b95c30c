import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import shipped2025 from './data/civil-causes-2025.json';
import { catalogueFile, listCauses } from './catalogue';
import { chineseOrdinal, parseCatalogue } from './schema';

/** A fresh, mutable copy of the shipped 2025 file. */
const copy = () =>
  structuredClone(shipped2025) as unknown as {
    counts: Record<string, number>;
    parts: { no: number; name: string; groups: string[] }[];
    groups: { no: string; name: string; causes: { no: number; name: string; children?: { no: string; name: string }[] }[] }[];
  };

describe('causes catalogue: file shape (checked on every load)', () => {
  it('the shipped 2025 file passes: 12 parts, 59 groups, 514 third-level and 470 fourth-level causes', () => {
    const file = parseCatalogue(shipped2025, '2025');
    expect(file.revision).toBe('2025');
    expect(file.effectiveFrom).toBe('2026-01-01');
    expect(file.parts).toHaveLength(12);
    expect(file.groups).toHaveLength(59);
    const causes = file.groups.flatMap((g) => g.causes);
    expect(causes).toHaveLength(514);
    expect(causes.flatMap((c) => c.children ?? [])).toHaveLength(470);
    expect(causes.filter((c) => c.children)).toHaveLength(101);
    expect(file.counts).toEqual({ parts: 12, groups: 59, causes: 514, children: 470 });
  });

  it('numbers third-level causes 1–514 without gaps and children n.1, n.2 … under their parent', () => {
    const entries = listCauses('2025');
    const third = entries.filter((e) => e.level === 3).map((e) => Number(e.no));
    expect(third).toEqual(Array.from({ length: 514 }, (_, i) => i + 1));
    const children = new Map<string, string[]>();
    for (const e of entries) if (e.parent) children.set(e.parent, [...(children.get(e.parent) ?? []), e.no]);
    expect(children.size).toBe(101);
    for (const [parent, nos] of children) expect(nos).toEqual(nos.map((_, i) => `${parent}.${i + 1}`));
    for (const level of [3, 4] as const) {
      const names = entries.filter((e) => e.level === level).map((e) => e.name);
      expect(new Set(names).size).toBe(names.length);
    }
    const groups = catalogueFile('2025')!.groups;
    expect(groups.map((g) => g.no)).toEqual(groups.map((_, i) => chineseOrdinal(i + 1)));
    expect(new Set(groups.map((g) => g.name)).size).toBe(59);
  });

  it('reconstructs the parts with the new data part and the labour part covering new forms of employment', () => {
    const parts = catalogueFile('2025')!.parts!;
    expect(parts.map((p) => p.name)).toEqual([
      '人格权纠纷',
      '婚姻家庭、继承纠纷',
      '物权纠纷',
      '合同、准合同纠纷',
      '知识产权与竞争纠纷',
      '数据、网络虚拟财产纠纷',
      '劳动争议、人事争议、新就业形态用工纠纷',
      '海事海商纠纷',
      '与公司、证券、保险、票据等有关的民事纠纷',
      '侵权责任纠纷',
      '非讼程序案件案由',
      '特殊诉讼程序案件案由',
    ]);
    const groupsOf = (i: number) => parts[i]!.groups;
    expect(groupsOf(5)).toEqual(['十七', '十八']);
    expect(groupsOf(6)).toEqual(['十九', '二十', '二十一']);
  });

  it('writes Chinese ordinals as the catalogue does', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 35, 59].map(chineseOrdinal)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '三十五',
      '五十九',
    ]);
    expect(() => chineseOrdinal(0)).toThrow();
  });

  const broken: [string, (f: ReturnType<typeof copy>) => void, RegExp][] = [
    ['a gap in the numbering', (f) => (f.groups[9]!.causes[5]!.no = 84 + 100), /expected 83/],
    ['a repeated third-level name', (f) => (f.groups[1]!.causes[2]!.name = '婚约财产纠纷'), /cause name 婚约财产纠纷 repeats/],
    ['a repeated fourth-level name', (f) => (f.groups[0]!.causes[7]!.children![1]!.name = '隐私权纠纷'), /child name 隐私权纠纷 repeats/],
    ['a child numbered out of turn', (f) => (f.groups[0]!.causes[7]!.children![1]!.no = '8.3'), /expected 8\.2/],
    ['a child under the wrong parent', (f) => (f.groups[0]!.causes[7]!.children![0]!.no = '9.1'), /expected 8\.1/],
    ['a group ordinal out of turn', (f) => (f.groups[2]!.no = '四'), /expected 三/],
    ['a count that does not match', (f) => (f.counts.causes = 513), /counts\.causes is 513, counted 514/],
    ['a part that skips a group', (f) => (f.parts[1]!.groups = ['二']), /every group exactly once/],
    ['an empty children list', (f) => (f.groups[0]!.causes[0]!.children = []), /omit "children"/],
    ['a misspelt key', (f) => ((f.groups[0]!.causes[0]! as Record<string, unknown>).chidren = []), /chidren/],
    ['whitespace in a name', (f) => (f.groups[0]!.causes[1]!.name = '姓名权 纠纷'), /whitespace/],
  ];
  it.each(broken)('refuses a file with %s', (_what, breakIt, message) => {
    const file = copy();
    breakIt(file);
    expect(() => parseCatalogue(file, 'test')).toThrow(message);
  });

  // The groups are the third-party transcription unchanged (docs/causes-provenance.md). When the shared
  // reference copy is beside the repository, prove it.
  const reference = new URL('../../../shared/reference/civil-causes-2025.json', import.meta.url);
  it.skipIf(!fs.existsSync(reference))('keeps the transcription’s groups exactly as in shared/reference', () => {
    const ref = JSON.parse(fs.readFileSync(reference, 'utf8')) as { groups: unknown; counts: unknown };
    expect(shipped2025.groups).toEqual(ref.groups);
    expect(shipped2025.counts).toEqual({ parts: 12, ...(ref.counts as object) });
  });
});
