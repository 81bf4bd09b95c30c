import { listOperation } from '../lists/query';
import { docketBrowse } from './browse';
import { defineOperation } from '../api/contract';
import { input, noInput } from '../api/fields';
import { requireActor } from '../context';
import { dateShanghai } from '../time/clock';
import { judgeLoads } from './assignment';
import { triageQueue } from './entry';
import { DOCKET_APPROVERS, DOCKET_ASSIGNERS, DOCKET_JUDGES, DOCKET_READERS, DOCKET_SETTINGS, DOCKET_TRIAGE } from './meta';
import {
  assignInput,
  caseIdInput,
  centreInput,
  centreSchema,
  closeInput,
  conversionInput,
  docketCaseSchema,
  docketListSchema,
  endSuspensionInput,
  extensionDecisionInput,
  extensionRequestInput,
  judgesSchema,
  previewTriageInput,
  suspensionInput,
  triageInput,
  triagePreviewSchema,
  triageQueueSchema,
  wageFigureInput,
  wageFiguresSchema,
} from './schemas';
import {
  addSuspension,
  assignCase,
  closeCase,
  convertCase,
  decideExtension,
  docketCaseView,
  endSuspension,
  previewTriage,
  requestExtension,
  triageCase,
} from './service';
import { centreFigures, openDocket } from './views';
import { recordWageFigure, wageFiguresView } from './wageSettings';

/** The docket (速裁) operations: thin declarations, one service call each. */

const today = (ctx: { core: { clock: { now(): Date } } }) => dateShanghai(ctx.core.clock.now());

export const docketTriageQueueOperation = defineOperation({
  name: 'docket.triageQueue',
  label: '待分流案件',
  summary: '待程序分流的民初案件：新立案的和委托调解不成转来的，按立案日期排列',
  access: DOCKET_READERS,
  input: noInput,
  output: triageQueueSchema,
  handler: (ctx) => triageQueue(ctx.core.db),
});

export const docketPreviewTriageOperation = defineOperation({
  name: 'docket.previewTriage',
  label: '分流建议',
  summary: '按标的额、本省上年度就业人员年平均工资和排除情形给出程序建议（小额诉讼、简易、普通）及每条理由的法律依据，不写入',
  access: DOCKET_READERS,
  input: previewTriageInput,
  output: triagePreviewSchema,
  handler: (ctx, i) => previewTriage(ctx.core.db, i.caseId, i.consent ?? false, i.flags ?? {}),
});

export const docketTriageOperation = defineOperation({
  name: 'docket.triage',
  label: '程序分流',
  summary:
    '程序分流员确定适用的程序（与建议不同须写明理由），记录建议与理由，并分配承办法官（系列案件归同一法官，否则在收案最少的法官中随机）',
  access: DOCKET_TRIAGE,
  input: triageInput,
  output: docketCaseSchema,
  handler: (ctx, i) => triageCase(ctx, i),
});

export const docketAssignOperation = defineOperation({
  name: 'docket.assign',
  label: '指定或改派法官',
  summary: '指定分配或改派承办法官，须写明理由；分配记录保留',
  access: DOCKET_ASSIGNERS,
  input: assignInput,
  output: docketCaseSchema,
  handler: (ctx, i) => assignCase(ctx, i),
});

export const docketCaseOperation = defineOperation({
  name: 'docket.case',
  label: '速裁案件',
  summary: '一件速裁案件：适用程序及分流理由、承办法官及分配记录、审限（扣除期间、延长、程序转换）和预警、结案情况',
  access: DOCKET_READERS,
  input: caseIdInput,
  output: docketCaseSchema.nullable(),
  handler: (ctx, i) => {
    try {
      return docketCaseView(ctx.core.db, i.caseId, today(ctx));
    } catch (err) {
      if (err instanceof Error && err.message === '速裁案件不存在') return null;
      throw err;
    }
  },
});

export const docketMineOperation = defineOperation({
  name: 'docket.mine',
  label: '我的案件',
  summary: '当前法官在办的速裁案件，按紧急程度排列（超审限、不足五日、不足三十日、已过三分之二）',
  access: DOCKET_JUDGES,
  input: noInput,
  output: docketListSchema,
  handler: (ctx) => openDocket(ctx.core.db, today(ctx), requireActor(ctx).userId),
});

export const docketOpenOperation = defineOperation({
  name: 'docket.open',
  label: '在办速裁案件',
  summary: '全部在办的速裁案件及其审限预警，按紧急程度排列',
  access: DOCKET_READERS,
  input: noInput,
  output: docketListSchema,
  handler: (ctx) => openDocket(ctx.core.db, today(ctx), null),
});

export const docketCentreOperation = defineOperation({
  name: 'docket.centre',
  label: '速裁工作量',
  summary: '每位速裁法官及全团队：在办、本月及本年结案、平均审理天数、调撤率、超审限及临近审限',
  access: DOCKET_READERS,
  input: centreInput,
  output: centreSchema,
  handler: (ctx, i) => centreFigures(ctx.core.db, i.on ?? today(ctx)),
});

export const docketJudgesOperation = defineOperation({
  name: 'docket.judges',
  label: '速裁法官',
  summary: '在职速裁法官及其在办案件数（指定分配时选择）',
  access: DOCKET_READERS,
  input: noInput,
  output: judgesSchema,
  handler: (ctx) => ({ judges: judgeLoads(ctx.core.db) }),
});

export const docketSuspendOperation = defineOperation({
  name: 'docket.suspend',
  label: '扣除审限',
  summary: '登记不计入审限的期间（公告、鉴定、和解、管辖争议、经同意延长的调解），结束日期可以稍后登记',
  access: DOCKET_JUDGES,
  input: suspensionInput,
  output: docketCaseSchema,
  handler: (ctx, i) => addSuspension(ctx, i),
});

export const docketEndSuspensionOperation = defineOperation({
  name: 'docket.endSuspension',
  label: '恢复计算审限',
  summary: '登记扣除期间的结束日期，审限恢复计算',
  access: DOCKET_JUDGES,
  input: endSuspensionInput,
  output: docketCaseSchema,
  handler: (ctx, i) => endSuspension(ctx, i),
});

export const docketRequestExtensionOperation = defineOperation({
  name: 'docket.requestExtension',
  label: '申请延长审限',
  summary: '承办法官申请延长审限（小额诉讼、简易程序各一个月，普通程序按本院设置），经审批后计入',
  access: DOCKET_JUDGES,
  input: extensionRequestInput,
  output: docketCaseSchema,
  handler: (ctx, i) => requestExtension(ctx, i),
});

export const docketDecideExtensionOperation = defineOperation({
  name: 'docket.decideExtension',
  label: '审批延长审限',
  summary: '院长（审批人）批准或不批准延长审限的申请',
  access: DOCKET_APPROVERS,
  input: extensionDecisionInput,
  output: docketCaseSchema,
  handler: (ctx, i) => decideExtension(ctx, i),
});

export const docketConvertOperation = defineOperation({
  name: 'docket.convert',
  label: '转换程序',
  summary: '小额诉讼转简易程序或普通程序、简易程序转普通程序：审限仍自立案之日起计算；转普通程序时通知七日内补交另一半受理费',
  access: DOCKET_JUDGES,
  input: conversionInput,
  output: docketCaseSchema,
  handler: (ctx, i) => convertCase(ctx, i),
});

export const docketCloseOperation = defineOperation({
  name: 'docket.close',
  label: '结案登记',
  summary: '登记结案方式（判决、调解、准许撤诉、按撤诉处理、转出速裁）、结案情况和日期',
  access: DOCKET_JUDGES,
  input: closeInput,
  output: docketCaseSchema,
  handler: (ctx, i) => closeCase(ctx, i),
});

export const docketWageFiguresOperation = defineOperation({
  name: 'docket.wageFigures',
  label: '本省年平均工资',
  summary: '本院所在省份已登记的各年度就业人员年平均工资（小额诉讼标准），附公布日期和文件',
  access: 'authenticated',
  input: input({}),
  output: wageFiguresSchema,
  handler: (ctx) => wageFiguresView(ctx.core.db),
});

export const docketSetWageFigureOperation = defineOperation({
  name: 'docket.setWageFigure',
  label: '登记年平均工资',
  summary: '登记或更正本省某一年度就业人员年平均工资（按高级人民法院公布的数额，附公布日期和文件）',
  access: DOCKET_SETTINGS,
  input: wageFigureInput,
  output: wageFiguresSchema,
  handler: (ctx, i) => recordWageFigure(ctx, i),
});

const docketBrowseOperation = listOperation(
  {
    name: 'docket.browse',
    label: '速裁案件列表',
    summary: '速裁案件列表：按状态、程序、立案日期、结案日期、案由、承办法官、超审限筛选，按立案日期排序，按位置翻页',
    access: DOCKET_READERS,
  },
  docketBrowse,
);

export const docketOperations = [
  docketBrowseOperation,
  docketTriageQueueOperation,
  docketPreviewTriageOperation,
  docketTriageOperation,
  docketAssignOperation,
  docketCaseOperation,
  docketMineOperation,
  docketOpenOperation,
  docketCentreOperation,
  docketJudgesOperation,
  docketSuspendOperation,
  docketEndSuspensionOperation,
  docketRequestExtensionOperation,
  docketDecideExtensionOperation,
  docketConvertOperation,
  docketCloseOperation,
  docketWageFiguresOperation,
  docketSetWageFigureOperation,
] as const;
