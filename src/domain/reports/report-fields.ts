/**
 * The texts a monthly report carries, specified once (DESIGN §3.3: progress text, problems; a reason for
 * each return and correction). The API's zod schemas, the report ledger's import parsers and the web form
 * all read their limits here, so a text the form takes is one the API and an import take too.
 */
export interface ReportTextSpec {
  /** Longest text in characters (the database column is as wide: varchar(2000) for the texts). */
  maxLength: number;
  /** Whether it must be given, non-blank after trimming. */
  required: boolean;
}

export const REPORT_TEXT_FIELDS = {
  /** 形象进度: what was built this month. */
  progressText: { maxLength: 2000, required: false },
  /** 存在问题: what needs solving. */
  problems: { maxLength: 2000, required: false },
  /** Why a coordinator returns a report. */
  returnReason: { maxLength: 500, required: true },
  /** Why an approved report is corrected. */
  correctionReason: { maxLength: 500, required: true },
} as const satisfies Record<string, ReportTextSpec>;

export type ReportTextField = keyof typeof REPORT_TEXT_FIELDS;

/** Whether a text fits its field: within the length, and given when required. */
export function checkReportText(
  field: ReportTextField,
  text: string | null | undefined,
): 'REQUIRED' | 'TOO_LONG' | null {
  const spec: ReportTextSpec = REPORT_TEXT_FIELDS[field];
  const value = text ?? '';
  if (spec.required && value.trim() === '') return 'REQUIRED';
  return value.length > spec.maxLength ? 'TOO_LONG' : null;
}
