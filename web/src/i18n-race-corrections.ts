// Strings of the check before publishing (发布前检查) and of corrections (更正通报), merged into the race strings (i18n-race.ts).

export const CORRECTION_ZH = {
  'check.title': '发布前检查',
  'check.ok': '发布前检查未发现问题',
  'check.blocking': '以下问题须先解决，暂不能发布',
  'check.warnings': '发布前检查发现 {n} 个问题，请核实',
  'check.warningsHint':
    '未设目标、未录数据的单位该项不得分，可能因此被通报为“蜗牛”。可先补齐目标或数据再发布；确需按现有数据发布的，请勾选确认。',
  'check.acknowledge': '我已核实上述问题，仍按现有数据发布',
  'check.failed': '发布前检查未能完成：{error}',
  'publish.anyway': '仍要发布',

  'correct.open': '发布更正通报',
  'correct.title': '发布更正通报',
  'correct.reason': '更正原因',
  'correct.reasonPlaceholder': '如：补录兰江街道10月税收数据后重新计分',
  'correct.reasonRule': '请填写更正原因（2–500 个字）',
  'correct.hint':
    '更正通报是一份新的通报：按今天的数据重新排名，取代原通报；原通报保留可查，并标明“已被更正”。正文前将自动加上下面的更正说明。',
  'correct.preface': '更正说明',
  'correct.submit': '发布更正通报',
  'correct.done': '更正通报已发布',

  'bulletins.superseded': '已被更正',
  'bulletins.supersededBy': '本通报已被《{title}》（{docNumber}）更正，以更正通报为准。',
  'bulletins.supersededReason': '更正原因：{reason}（{at}）',
  'bulletins.correction': '更正通报',
  'bulletins.corrects': '本通报更正《{title}》（{docNumber}）。',
  'bulletins.correctsReason': '更正原因：{reason}',
  'bulletins.viewCorrection': '查看更正通报',
  'bulletins.viewOriginal': '查看原通报',

  'targets.unchangedTitle': '已发布的通报不会随之改变',
  'targets.unchanged': '已发布的{list}不会随之改变，如需更正请发布更正通报。',
  'targets.unchangedItem': '《{title}》（{docNumber}）',
  'targets.listSeparator': '、',
};

export const CORRECTION_EN: Record<keyof typeof CORRECTION_ZH, string> = {
  'check.title': 'Check before publishing',
  'check.ok': 'The check before publishing found nothing',
  'check.blocking': 'These must be fixed before the bulletin can be published',
  'check.warnings': 'The check before publishing found {n} problem(s); review them',
  'check.warningsHint':
    'A unit without a target or an entered figure scores nothing on that indicator and may be named a laggard for it. Fill them in first, or tick the box to publish with the data as it is.',
  'check.acknowledge': 'I have reviewed these and publish with the data as it is',
  'check.failed': 'The check before publishing failed: {error}',
  'publish.anyway': 'Publish anyway',

  'correct.open': 'Issue a correction',
  'correct.title': 'Issue a correction',
  'correct.reason': 'Reason',
  'correct.reasonPlaceholder': 'e.g. tax figures of a township back-filled and re-scored',
  'correct.reasonRule': 'Give the reason (2 to 500 characters)',
  'correct.hint':
    'A correction is a new bulletin, ranked from today’s data, that supersedes this one; this one stays readable, marked as corrected. The text opens with the statement below.',
  'correct.preface': 'Correction statement',
  'correct.submit': 'Issue the correction',
  'correct.done': 'Correction issued',

  'bulletins.superseded': 'Corrected',
  'bulletins.supersededBy': 'This bulletin was corrected by “{title}” ({docNumber}); the correction stands.',
  'bulletins.supersededReason': 'Reason: {reason} ({at})',
  'bulletins.correction': 'Correction',
  'bulletins.corrects': 'This bulletin corrects “{title}” ({docNumber}).',
  'bulletins.correctsReason': 'Reason: {reason}',
  'bulletins.viewCorrection': 'Open the correction',
  'bulletins.viewOriginal': 'Open the original',

  'targets.unchangedTitle': 'Published bulletins will not change',
  'targets.unchanged': 'The published {list} will not change with it; to correct it, issue a correction.',
  'targets.unchangedItem': '“{title}” ({docNumber})',
  'targets.listSeparator': ', ',
};
