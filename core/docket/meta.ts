import { defineMeta } from '../api/meta';
/**
 * What the renderer may import from the docket area: labels and who may do what. No database, no handlers.
 */
export const DOCKET_READERS = ['clerk', 'mediation', 'judge', 'print', 'approver'] as const;
/** 程序分流员: the filing counter's clerks triage and may direct or reassign a case with a reason */
export const DOCKET_TRIAGE = ['clerk'] as const;
export const DOCKET_ASSIGNERS = ['clerk', 'approver'] as const;
/** the fast-track judge handles the case: suspensions, extension requests, conversions, closing */
export const DOCKET_JUDGES = ['judge'] as const;
/** 院长批准: extensions of the trial period */
export const DOCKET_APPROVERS = ['approver'] as const;
export const DOCKET_SETTINGS = ['admin', 'approver'] as const;
/** who reads the docket settings: the readers, and the administrator who edits them on the 小额诉讼标准 page */
export const DOCKET_SETTINGS_READERS = [...DOCKET_READERS, 'admin'] as const;
/** The docket lists' first page, most urgent first (the desk's first paint); 显示更多 asks for this many more. */
export const DOCKET_PAGE = 100;

export const SOURCE_LABELS = { filing: '立案', 'mediation-failed': '委托调解不成' } as const;
export const STATUS_LABELS: Record<string, string> = { triage: '待分流', open: '审理中', closed: '已结案', transferred: '已移出速裁' };
export const ASSIGNMENT_LABELS: Record<string, string> = {
  load: '按收案量随机分配',
  serial: '系列案件归同一法官',
  directed: '指定分配',
  reassigned: '改派',
};
export const EXTENSION_STATUS_LABELS: Record<string, string> = { pending: '待审批', approved: '已批准', refused: '不予批准' };
export const CLOSE_METHOD_LABELS: Record<string, string> = {
  judgment: '判决',
  mediation: '调解',
  withdrawal: '准许撤诉',
  'deemed-withdrawal': '按撤诉处理',
  transfer: '转出速裁（普通程序审理）',
};
export { PROCEDURE_LABELS } from './triage';
export { WARNING_LABELS, SUSPENSION_KINDS } from './trialPeriod';

/** The docket operations without handlers: name, Chinese label, summary, who may call (core/api/contract.ts operationsOf). */
export const docketMeta = defineMeta({
  'docket.browse': {
    label: '速裁案件列表',
    summary: '速裁案件列表：按状态、程序、立案日期、结案日期、案由、承办法官、超审限筛选，按立案日期排序，按位置翻页',
    access: DOCKET_READERS,
  },
  'docket.triageQueue': {
    label: '待分流案件',
    summary: '待程序分流的民初案件：新立案的和委托调解不成转来的，按立案日期排列',
    access: DOCKET_READERS,
  },
  'docket.previewTriage': {
    label: '分流建议',
    summary: '按标的额、本省上年度就业人员年平均工资和排除情形给出程序建议（小额诉讼、简易、普通）及每条理由的法律依据，不写入',
    access: DOCKET_READERS,
  },
  'docket.triage': {
    label: '程序分流',
    summary:
      '程序分流员确定适用的程序（与建议不同须写明理由），记录建议与理由，并分配承办法官（系列案件归同一法官，否则在收案最少的法官中随机）',
    access: DOCKET_TRIAGE,
  },
  'docket.assign': {
    label: '指定或改派法官',
    summary: '指定分配或改派承办法官，须写明理由；分配记录保留',
    access: DOCKET_ASSIGNERS,
  },
  'docket.case': {
    label: '速裁案件',
    summary: '一件速裁案件：适用程序及分流理由、承办法官及分配记录、审限（扣除期间、延长、程序转换）和预警、结案情况',
    access: DOCKET_READERS,
  },
  'docket.mine': {
    label: '我的案件',
    summary:
      '当前法官在办的速裁案件，按紧急程度排列（超审限、不足五日、不足三十日、已过三分之二），返回最紧急的 limit 件（默认 500）及全部在办件数和各级预警件数',
    access: DOCKET_JUDGES,
  },
  'docket.open': {
    label: '在办速裁案件',
    summary: '全部在办的速裁案件及其审限预警，按紧急程度排列',
    access: DOCKET_READERS,
  },
  'docket.centre': {
    label: '速裁工作量',
    summary: '每位速裁法官及全团队：在办、本月及本年结案、平均审理天数、调撤率、超审限及临近审限',
    access: DOCKET_READERS,
  },
  'docket.judges': {
    label: '速裁法官',
    summary: '在职速裁法官及其在办案件数（指定分配时选择）',
    access: DOCKET_READERS,
  },
  'docket.suspend': {
    label: '扣除审限',
    summary: '登记不计入审限的期间（公告、鉴定、和解、管辖争议、经同意延长的调解），结束日期可以稍后登记',
    access: DOCKET_JUDGES,
  },
  'docket.endSuspension': {
    label: '恢复计算审限',
    summary: '登记扣除期间的结束日期，审限恢复计算',
    access: DOCKET_JUDGES,
  },
  'docket.requestExtension': {
    label: '申请延长审限',
    summary: '承办法官申请延长审限（小额诉讼、简易程序各一个月，普通程序按本院设置），经审批后计入',
    access: DOCKET_JUDGES,
  },
  'docket.decideExtension': {
    label: '审批延长审限',
    summary: '院长（审批人）批准或不批准延长审限的申请',
    access: DOCKET_APPROVERS,
  },
  'docket.convert': {
    label: '转换程序',
    summary: '小额诉讼转简易程序或普通程序、简易程序转普通程序：审限仍自立案之日起计算；转普通程序时通知七日内补交另一半受理费',
    access: DOCKET_JUDGES,
  },
  'docket.close': {
    label: '结案',
    summary:
      '结案：判决（要素式，按案由填写要素）、调解（调解协议）、准许撤诉、按撤诉处理（未预交案件受理费，须已通知且期限届满）、转为普通程序；记录结案情况、日期和方式，并结算诉讼费用（调解、撤诉减半且只减半一次，写明负担和应退金额），案件移出在办',
    access: DOCKET_JUDGES,
  },
  'docket.wageFigures': {
    label: '本省年平均工资',
    summary: '本院所在省份已登记的各年度就业人员年平均工资（小额诉讼标准），附公布日期和文件',
    access: 'authenticated',
  },
  'docket.setWageFigure': {
    label: '登记年平均工资',
    summary: '登记或更正本省某一年度就业人员年平均工资（按高级人民法院公布的数额，附公布日期和文件）',
    access: DOCKET_SETTINGS,
  },
  'docket.elementSets': {
    label: '判决要素表',
    summary:
      '要素式判决书可用的要素表（民间借贷、信用卡、金融借款合同、买卖合同、物业服务合同、机动车交通事故责任纠纷）：每项要素的名称、类型、是否必填',
    access: DOCKET_READERS,
  },
  'docket.scheduleHearing': {
    label: '排期开庭',
    summary:
      '为一件案件或同一法官的若干系列案件（同一原告、同一案由）安排一次庭审：法庭、开始时间、时长；法庭或法官时间重叠、节假日、已过的时间、已有排期的案件均被拒绝并指明字段',
    access: DOCKET_JUDGES,
  },
  'docket.postponeHearing': {
    label: '延期开庭',
    summary: '延期开庭（须写明理由，记入延期次数）；给出新的时间则重新排期（同样检查冲突）；系列案件的一次庭审整体延期',
    access: DOCKET_JUDGES,
  },
  'docket.hearingHeld': {
    label: '登记已开庭',
    summary: '开庭时间到后，登记该次庭审已经进行',
    access: DOCKET_JUDGES,
  },
  'docket.hearings': {
    label: '庭审日程',
    summary: '某一期间的庭审日程（已排期和已开庭），可按法官或法庭筛选：法庭日历和法官日历',
    access: DOCKET_READERS,
  },
  'docket.myHearings': {
    label: '我的庭审',
    summary: '当前法官今天和本周（至周日）的庭审',
    access: DOCKET_JUDGES,
  },
  'docket.courtrooms': {
    label: '法庭',
    summary: '已使用过的法庭名称（排期时可选）',
    access: DOCKET_READERS,
  },
  'docket.settings': {
    label: '速裁设置',
    summary: '上诉法院名称（判决书告知上诉时写明）和提前申请延长审限的天数',
    access: DOCKET_SETTINGS_READERS,
  },
  'docket.updateSettings': {
    label: '修改速裁设置',
    summary: '修改上诉法院名称、提前申请延长审限的天数',
    access: DOCKET_SETTINGS,
  },
});
