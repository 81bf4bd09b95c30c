import { describe, expect, it, vi } from 'vitest';
import { clearDraft, debounce, loadDraft, saveDraft } from './draft';
import {
  defaultParties,
  emptyParty,
  hasInput,
  materialOptions,
  remapRoles,
  roleForNewParty,
  toFileInput,
  type FilingValues,
} from './filing';

describe('party rows per case type', () => {
  it('starts with the roles the type needs', () => {
    expect(defaultParties('民初').map((p) => p.role)).toEqual(['原告', '被告']);
    expect(defaultParties('民特').map((p) => p.role)).toEqual(['申请人']);
    expect(defaultParties('财保').map((p) => p.role)).toEqual(['申请人', '被申请人']);
  });

  it('a new row takes a missing role, else the last row’s role', () => {
    expect(roleForNewParty('民初', [{ role: '原告' }])).toBe('被告');
    expect(roleForNewParty('民初', [{ role: '原告' }, { role: '被告' }])).toBe('被告');
    expect(roleForNewParty('民特', [{ role: '申请人' }])).toBe('申请人');
    expect(roleForNewParty('民督', [])).toBe('申请人');
  });

  it('moves roles the new type lacks to their counterpart', () => {
    const rows = [emptyParty('原告'), emptyParty('被告'), emptyParty('第三人')];
    expect(remapRoles('民督', rows).map((p) => p.role)).toEqual(['申请人', '被申请人', '申请人']);
    expect(remapRoles('民初', [emptyParty('申请人')]).map((p) => p.role)).toEqual(['原告']);
  });
});

describe('toFileInput', () => {
  const base: FilingValues = {
    caseType: '民初',
    receivedOn: '2026-11-23',
    parties: [
      {
        role: '原告',
        party: {
          kind: 'person',
          name: ' 张三 ',
          idType: 'resident',
          idNumber: '330522199001011231',
          sex: 'female',
          birthDate: '2000-01-01',
          phone: '',
          address: '长兴县',
        },
        agents: [{ kind: 'relative', name: '张父', authority: 'special', authorityDetail: '代为和解', licenseNo: 'ignored' }],
      },
      { role: '被告', partyId: 7, party: { kind: 'organisation' } },
    ],
    cause: { revision: '2025', no: '108', name: '民间借贷纠纷', path: '…' },
    amount: '150000.5',
    claims: '判令被告还款',
    facts: '  ',
    materials: ['起诉状'],
    extraMaterials: ['借条复印件'],
  };

  it('builds the cases.file input: trimmed text, fen, derived fields left to the host, returning parties by id', () => {
    expect(toFileInput(base)).toEqual({
      caseType: '民初',
      receivedOn: '2026-11-23',
      parties: [
        {
          role: '原告',
          party: { kind: 'person', name: '张三', idType: 'resident', idNumber: '330522199001011231', address: '长兴县' },
          agents: [{ kind: 'relative', name: '张父', authority: 'special', authorityDetail: '代为和解' }],
        },
        { role: '被告', partyId: 7, agents: [] },
      ],
      cause: { revision: '2025', no: '108' },
      amountFen: 15000050,
      claims: '判令被告还款',
      materials: ['起诉状'],
    });
  });

  it('a cause as text, no amount, an organisation without a code', () => {
    const v: FilingValues = {
      ...base,
      parties: [
        {
          role: '原告',
          party: {
            kind: 'organisation',
            name: '某公司',
            idType: 'none',
            idNumber: '123',
            representative: '李四',
            representativeTitle: '经理',
          },
        },
      ],
      cause: { text: '民间借贷纠纷' },
      amount: '',
    };
    const input = toFileInput(v);
    expect(input.cause).toEqual({ text: '民间借贷纠纷' });
    expect(input.amountFen).toBeUndefined();
    expect(input.parties[0]!.party).toEqual({
      kind: 'organisation',
      name: '某公司',
      idType: 'none',
      representative: '李四',
      representativeTitle: '经理',
    });
  });
});

describe('drafts', () => {
  it('only a form with typed input counts as a draft', () => {
    expect(hasInput({ caseType: '民初', receivedOn: '2026-11-23', parties: defaultParties('民初') })).toBe(false);
    expect(hasInput({ parties: [{ role: '原告', party: { kind: 'person', idType: 'resident', name: '张' } }] })).toBe(true);
    expect(hasInput({ parties: [], claims: '请求' })).toBe(true);
  });

  it('saves, loads and clears through a storage', () => {
    const map = new Map<string, string>();
    const store = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    } as unknown as Storage;
    saveDraft('k', { a: 1 }, new Date('2026-11-23T01:00:00Z'), store);
    expect(loadDraft('k', store)).toEqual({ savedAt: '2026-11-23T01:00:00.000Z', values: { a: 1 } });
    map.set('bad', '{not json');
    expect(loadDraft('bad', store)).toBeNull();
    clearDraft('k', store);
    expect(loadDraft('k', store)).toBeNull();
  });

  it('debounce runs the last call once, and flush runs it at once', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 100);
    d(1);
    d(2);
    vi.advanceTimersByTime(99);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledExactlyOnceWith(2);
    d(3);
    d.flush();
    expect(fn).toHaveBeenLastCalledWith(3);
    d.flush();
    expect(fn).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });

  it('offers the rule’s materials then the additions, once each', () => {
    expect(materialOptions('民督', ['借条', '债权文书'])).toEqual([
      '支付令申请书',
      '债权文书',
      '申请人身份证明',
      '被申请人送达地址',
      '借条',
    ]);
  });
});
