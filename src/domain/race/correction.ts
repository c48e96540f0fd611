/**
 * 更正通报: the wording a correction of a published bulletin starts from. A correction is a bulletin of
 * its own — same race and period, the ranking computed again from the data as it stands — whose text
 * opens by naming the bulletin it corrects and why, so that the Word and PDF a leader holds say it too.
 */

/** The longest title a bulletin takes (as the publish schema and the table allow). */
export const MAX_TITLE = 200;

/** correctionTitle('兰溪市2026年8月项目绩效晾晒通报') → '关于兰溪市2026年8月项目绩效晾晒通报的更正通报'. */
export function correctionTitle(originalTitle: string): string {
  return `关于${originalTitle.trim()}的更正通报`;
}

/**
 * The paragraph a correction's text opens with, e.g. for 《兰溪市2026年8月项目绩效晾晒通报》（兰项绩办〔2026〕8号）
 * and the reason '8月财政收入数据补录后重新计分': "现对《兰溪市2026年8月项目绩效晾晒通报》（兰项绩办〔2026〕8号）
 * 予以更正，以本通报为准，原通报同时废止。更正原因：8月财政收入数据补录后重新计分。" A reason's own final
 * full stop is not doubled.
 */
export function correctionPreface({
  title,
  docNumber,
  reason,
}: {
  title: string;
  docNumber: string;
  reason: string;
}): string {
  const why = reason.trim().replace(/[。．.；;，,\s]+$/u, '');
  return `现对《${title}》（${docNumber}）予以更正，以本通报为准，原通报同时废止。更正原因：${why}。`;
}
