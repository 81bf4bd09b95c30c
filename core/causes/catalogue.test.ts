import { describe, expect, it } from 'vitest';
import {
  catalogueShipped,
  findCause,
  findCauseByName,
  listCauses,
  listRevisions,
  MOST_USED_CAUSES,
  revisionFor,
  searchCauses,
  type CauseEntry,
} from './catalogue';

const names = (entries: CauseEntry[]) => entries.map((e) => e.name);

describe('causes catalogue: revisions by date', () => {
  it('picks the revision in force on a date', () => {
    expect(revisionFor('2020-12-31')).toBeNull();
    expect(revisionFor('2021-01-01')).toBe('2020');
    expect(revisionFor('2025-06-01')).toBe('2020');
    expect(revisionFor('2025-12-31')).toBe('2020');
    expect(revisionFor('2026-01-01')).toBe('2025');
    expect(revisionFor('2031-07-15')).toBe('2025');
    expect(() => revisionFor('2026-02-30')).toThrow();
    expect(() => revisionFor('2026-1-1')).toThrow();
  });

  it('ships the 2025 catalogue and knows the 2020 revision without its catalogue', () => {
    expect(catalogueShipped('2025')).toBe(true);
    expect(catalogueShipped('2020')).toBe(false);
    expect(listCauses('2020')).toEqual([]);
    expect(listRevisions().map((r) => [r.id, r.effectiveFrom, r.effectiveTo, r.shipped])).toEqual([
      ['2020', '2021-01-01', '2025-12-31', false],
      ['2025', '2026-01-01', null, true],
    ]);
  });
});

describe('causes catalogue: entries', () => {
  it('finds the reference examples by number', () => {
    const name = (no: string) => findCause('2025', no)?.name;
    expect(name('108')).toBe('借款合同纠纷');
    expect(name('108.3')).toBe('民间借贷纠纷');
    expect(name('126')).toBe('物业服务合同纠纷');
    expect(name('448')).toBe('申请司法确认调解协议');
    expect(name('458')).toBe('申请支付令');
    expect(name('１０８．３')).toBe('民间借贷纠纷');
    expect(findCause('2025', '515')).toBeUndefined();
    expect(findCause('2025', '108.7')).toBeUndefined();
    expect(findCause('2020', '103')).toBeUndefined();
  });

  it('describes an entry with its revision, levels, path and pinyin', () => {
    expect(findCause('2025', '108.3')).toEqual({
      revision: '2025',
      no: '108.3',
      name: '民间借贷纠纷',
      level: 4,
      group: '合同纠纷',
      groupNo: '十',
      part: '合同、准合同纠纷',
      parent: '108',
      path: '合同纠纷 > 借款合同纠纷 > 民间借贷纠纷',
      initials: 'mjjdjf',
      pinyin: 'minjianjiedaijiufen',
    });
    const traffic = findCause('2025', '411')!;
    expect(traffic).toMatchObject({ level: 3, group: '侵权责任纠纷', part: '侵权责任纠纷', path: '侵权责任纠纷 > 机动车交通事故责任纠纷' });
    expect(traffic.initials).toBe('jdcjtsgzrjf');
    expect(traffic.pinyin).toBe('jidongchejiaotongshiguzerenjiufen');
    expect(traffic.parent).toBeUndefined();
    expect(findCause('2025', '199')).toMatchObject({ name: '数据权属纠纷', part: '数据、网络虚拟财产纠纷' });
    expect(findCause('2025', '214.1')).toMatchObject({ part: '劳动争议、人事争议、新就业形态用工纠纷', group: '新就业形态用工纠纷' });
  });

  it('corrects readings the pinyin library gets wrong', () => {
    expect(findCause('2025', '127')).toMatchObject({ name: '行纪合同纠纷', initials: 'hjhtjf', pinyin: 'hangjihetongjiufen' });
    expect(findCause('2025', '42')).toMatchObject({ name: '修理、重作、更换纠纷', initials: 'xlczghjf' });
    expect(findCause('2025', '142.6')!.pinyin).toBe('lvyouhetongjiufen');
  });

  it('has every most-used cause of the centre (docs/DOMAIN.md “案由”)', () => {
    expect(MOST_USED_CAUSES).toHaveLength(14);
    for (const name of MOST_USED_CAUSES) expect(findCauseByName('2025', name), name).toBeDefined();
    expect(MOST_USED_CAUSES.map((n) => findCauseByName('2025', n)!.no)).toEqual([
      '448',
      '449',
      '458',
      '475',
      '108.3',
      '88',
      '126',
      '115.2',
      '108.1',
      '411',
      '144',
      '116.2',
      '14',
      '24',
    ]);
  });

  it('lists 984 entries, each parent before its children, and they cannot be changed', () => {
    const all = listCauses('2025');
    expect(all).toHaveLength(514 + 470);
    expect(all.slice(7, 10).map((e) => e.no)).toEqual(['8', '8.1', '8.2']);
    expect(Object.isFrozen(all)).toBe(true);
    expect(Object.isFrozen(all[0])).toBe(true);
  });
});

describe('causes catalogue: search', () => {
  const first = (q: string, onDate = '2026-03-01') => searchCauses({ q, onDate, limit: 10 })[0]?.name;

  it('finds causes by pinyin initials, as prefix, substring or subsequence', () => {
    expect(first('jdsg')).toBe('机动车交通事故责任纠纷');
    expect(first('mjjd')).toBe('民间借贷纠纷');
    expect(first('wyfw')).toBe('物业服务合同纠纷');
    expect(first('sfqr')).toBe('申请司法确认调解协议');
    expect(first('jdcjtsgzrjf')).toBe('机动车交通事故责任纠纷');
    expect(first('JDSG')).toBe('机动车交通事故责任纠纷');
    expect(first('xyk')).toBe('信用卡纠纷');
    expect(first('zfl')).toBe('申请支付令');
  });

  it('finds causes by full pinyin, starting on a syllable', () => {
    expect(first('minjianjiedai')).toBe('民间借贷纠纷');
    expect(first('wuye')).toBe('物业服务合同纠纷');
    expect(first('lvyou')).toBe('旅游合同纠纷');
    expect(first('lüyou')).toBe('旅游合同纠纷');
    // "hangji" is inside qingchangjiufen (清偿纠纷) but not on a syllable boundary there
    expect(names(searchCauses({ q: 'hangji', limit: 50 }))).not.toContain('被继承人债务清偿纠纷');
    // both readings of 行纪 find it
    expect(first('hangji')).toBe('行纪合同纠纷');
    expect(names(searchCauses({ q: 'xjht', limit: 5 }))).toContain('行纪合同纠纷');
  });

  it('finds causes by characters and by number', () => {
    expect(first('民间借贷')).toBe('民间借贷纠纷');
    expect(first('交通事故')).toBe('机动车交通事故责任纠纷');
    expect(first('机动车事故')).toBe('机动车交通事故责任纠纷');
    expect(first('108.3')).toBe('民间借贷纠纷');
    expect(first('１０８．３')).toBe('民间借贷纠纷');
    expect(searchCauses({ q: '108', limit: 4 }).map((e) => e.no)).toEqual(['108', '108.1', '108.2', '108.3']);
    expect(searchCauses({ q: '108.', limit: 10 }).map((e) => e.no)).toEqual(['108.1', '108.2', '108.3', '108.4', '108.5', '108.6']);
    expect(first('企业名称(商号)合同')).toBe('企业名称（商号）合同纠纷');
  });

  it('ranks exact name > name prefix > substring > subsequence', () => {
    // exact first; the other two hold 离婚…纠纷 as a subsequence
    expect(names(searchCauses({ q: '离婚纠纷', limit: 3 }))).toEqual(['离婚纠纷', '离婚后财产纠纷', '离婚后损害责任纠纷']);
    expect(names(searchCauses({ q: '离婚', limit: 3 }))).toEqual(['离婚纠纷', '离婚后财产纠纷', '离婚后损害责任纠纷']);
    const loan = names(searchCauses({ q: '借款合同纠纷', limit: 5 }));
    expect(loan[0]).toBe('借款合同纠纷'); // exact, before 金融借款合同纠纷 (substring, most used)
    expect(loan[1]).toBe('金融借款合同纠纷');
    const traffic = names(searchCauses({ q: '交通事故', limit: 5 }));
    // all three are substring matches: the most-used one first, then catalogue order
    expect(traffic.slice(0, 3)).toEqual(['机动车交通事故责任纠纷', '智能网联汽车交通事故责任纠纷', '非机动车交通事故责任纠纷']);
  });

  it('ranks initials prefix > initials substring > initials subsequence', () => {
    for (const q of ['sg', 'mj', 'htjf', 'jdsg']) {
      const hits = searchCauses({ q, limit: 200 });
      expect(hits.length).toBeGreaterThan(0);
      const tier = (e: CauseEntry) =>
        e.initials.startsWith(q) || e.pinyin.startsWith(q) ? 0 : e.initials.includes(q) || e.pinyin.includes(q) ? 1 : 2;
      const tiers = hits.map(tier);
      expect(tiers, q).toEqual([...tiers].sort((a, b) => a - b));
    }
  });

  it('puts the centre’s most-used causes first within a tier', () => {
    // every name here contains 合同纠纷 (substring tier); the most-used ones lead, in catalogue order
    expect(names(searchCauses({ q: '合同纠纷', limit: 6 }))).toEqual([
      '买卖合同纠纷',
      '金融借款合同纠纷',
      '房屋租赁合同纠纷',
      '物业服务合同纠纷',
      '劳务合同纠纷',
      '预约合同纠纷',
    ]);
    expect(first('sq')).toBe('申请司法确认调解协议');
  });

  it('lists the most-used causes for an empty query', () => {
    expect(names(searchCauses({ q: '  ', onDate: '2026-01-01', limit: 20 }))).toEqual([...MOST_USED_CAUSES]);
    expect(searchCauses({ q: '', limit: 3 })).toHaveLength(3);
  });

  it('searches the revision in force on a date and returns entries with their revision', () => {
    const hits = searchCauses({ q: 'mjjd', onDate: '2026-01-01' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((e) => e.revision === '2025')).toBe(true);
    // no 2020 catalogue is shipped: a 2025-12-31 filing takes free text (causeForFiling)
    expect(searchCauses({ q: 'mjjd', onDate: '2025-12-31' })).toEqual([]);
    expect(searchCauses({ q: 'mjjd', onDate: '2019-05-01' })).toEqual([]);
    expect(() => searchCauses({ q: 'mjjd', onDate: '2026/01/01' })).toThrow(/YYYY-MM-DD/);
  });

  it('honours the limit and finds nothing for nonsense', () => {
    expect(searchCauses({ q: 'j', limit: 7 })).toHaveLength(7);
    expect(searchCauses({ q: 'j', limit: 1000 }).length).toBeLessThanOrEqual(200);
    expect(searchCauses({ q: 'qqqqqq' })).toEqual([]);
    expect(searchCauses({ q: '火星' })).toEqual([]);
    expect(searchCauses({ q: '999' })).toEqual([]);
  });
});
