import type { Kysely } from 'kysely';
import { draftCommentary } from '../../../domain/race/bulletin-draft.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, forbidden, invalid } from '../../http/errors.ts';
import { racePolicy } from '../../policies/race.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import { correctionPreface, correctionTitle, MAX_TITLE } from '../../../domain/race/correction.ts';
import { presentBulletinSummary } from './bulletin-queries.ts';
import type { BulletinRepository } from './bulletins.repository.ts';
import { createPublishSteps } from './publish-steps.ts';
import type { PeriodFigures } from '../history/period-figures.ts';
import type { RaceService } from '../race/races.service.ts';
import { periodOrThrow } from '../race/ranking.service.ts';
import type { PresentedRanking } from '../race/ranking.presenter.ts';
import { createBulletinFiles, type BulletinFileKind } from './bulletin-files.ts';
import type { FrozenProjectNames } from './bulletin-appendix.ts';

export interface BulletinSnapshot {
  ranking: PresentedRanking;
  redProjects: { projectId: number; name: string; unitName: string; reasons: string[] }[];
  totals: { planYuan: number; completedYuan: number; completionPct: number | null; timePct: number };
  /**
   * The names and codes, at publication, of the projects the Excel appendix lists (history keeps no
   * versions of names, so a later rename would otherwise change the file). Absent from bulletins
   * published before the appendix: theirs shows today's names.
   */
  appendixProjects?: FrozenProjectNames;
}

export interface PublishInput {
  raceId: number;
  year: number;
  period: number;
  title: string;
  docNumber: string;
  commentary: string;
  /** The coordinator has seen the check's findings and publishes anyway (see publishCheck). */
  acknowledged?: boolean;
}

/** 更正通报: why (required), and a title, 文号 and text of its own, each defaulting as correct() says. */
export interface CorrectionInput {
  reason: string;
  title?: string;
  docNumber?: string;
  commentary?: string;
  acknowledged?: boolean;
}

/**
 * 晾晒通报: publishing freezes the period's ranking, the red projects of the period's month and the
 * year's totals into a bulletin that never changes; Word and PDF are rendered from that frozen
 * snapshot, so a past bulletin regenerated any day says the same.
 */
export function createBulletinService({
  db,
  bulletins,
  races,
  figures,
  audit,
  clock,
  today: countyToday,
  pdfFont,
  timeZone,
}: {
  db: Kysely<DB>;
  bulletins: BulletinRepository;
  races: RaceService;
  figures: PeriodFigures;
  audit: AuditLog;
  clock: Clock;
  today: Today;
  pdfFont: string | null;
  timeZone: string;
}) {
  const files = createBulletinFiles({ pdfFont, timeZone, records: (b) => races.bulletinRecords(b) });
  const {
    region,
    redProjects,
    totals,
    nextDocNumber,
    loadBulletin,
    checked,
    refuseBlocking,
    requireAcknowledged,
    freeze,
    isUniqueViolation,
    correctable,
  } = createPublishSteps({ bulletins, races, figures, today: countyToday });
  const summary = presentBulletinSummary;

  return {
    /** A first draft in the house style, for the coordinator to edit before publishing. */
    async draft(actor: ActorContext, raceId: number, year: number, index: number) {
      if (!racePolicy.canPublish(actor)) throw forbidden();
      const { definition } = await races.load(raceId);
      const period = periodOrThrow(definition, year, index);
      const [root, ranking, red, sums] = await Promise.all([
        region(),
        races.computeRanking(definition, period),
        redProjects(period),
        totals(period),
      ]);
      return {
        title: `${root.name}${period.label['zh-CN']}项目绩效晾晒通报`,
        docNumber: await nextDocNumber(year),
        issuer: `${root.name}项目绩效年活动领导小组办公室`,
        commentary: draftCommentary({
          regionName: root.name,
          periodLabel: period.label['zh-CN'],
          ranking,
          totals: { ...sums, completionPct: sums.completionPct ?? 0 },
          redProjects: red,
        }),
      };
    },

    /**
     * The check before publishing a period (发布前检查): each finding with the units it names. Blocking
     * findings stop publishing; the others need `acknowledged: true`.
     */
    async publishCheck(actor: ActorContext, raceId: number, year: number, index: number) {
      if (!racePolicy.canPublish(actor)) throw forbidden();
      const { definition } = await races.load(raceId);
      const { period, findings } = await checked(definition, raceId, year, index, false);
      return { raceId, period, findings };
    },

    /**
     * Publishes a period: refused while the period runs or the weights are off (400), when the period
     * already has its bulletin (409), and when the check finds something the body does not acknowledge
     * (400 naming `acknowledged`); the audit event lists what was acknowledged.
     */
    async publish(actor: ActorContext, input: PublishInput, ip: string | null) {
      if (!racePolicy.canPublish(actor)) throw forbidden();
      const { definition } = await races.load(input.raceId);
      const { period, ranking, findings } = await checked(definition, input.raceId, input.year, input.period, true);
      refuseBlocking(findings, period);
      const existing = await bulletins.currentOfPeriod(input.raceId, period);
      if (existing)
        throw conflict(
          'BULLETIN_PUBLISHED',
          { period: period.label['zh-CN'], docNumber: existing.doc_number },
          'period',
        );
      const acknowledged = requireAcknowledged(findings, input.acknowledged);

      const snapshot = await freeze(definition, period, ranking);
      const root = await region();
      const at = clock().toISOString();
      let id: number;
      try {
        id = await db.transaction().execute(async (trx) => {
          const id = await bulletins.insert(trx, {
            race_id: input.raceId,
            year: period.year,
            period_kind: period.kind,
            period_index: period.index,
            title: input.title,
            doc_number: input.docNumber,
            issuer: `${root.name}项目绩效年活动领导小组办公室`,
            commentary: input.commentary,
            snapshot_json: JSON.stringify(snapshot),
            published_by: actor.displayName,
            published_at: at,
          });
          const noted = findings.length ? `，已确认发布前检查的 ${findings.length} 个问题` : '';
          await audit.record(
            {
              actor,
              action: 'bulletin.publish',
              objectType: 'bulletin',
              objectId: String(id),
              unitPath: null,
              summary: `发布通报《${input.title}》（${input.docNumber}）${noted}`,
              after: {
                raceId: input.raceId,
                period: period.label['zh-CN'],
                docNumber: input.docNumber,
                ...acknowledged,
              },
              ip,
            },
            trx,
          );
          return id;
        });
      } catch (e) {
        // Two coordinators publishing the same period at once: the unique index lets one through.
        if (isUniqueViolation(e))
          throw conflict('BULLETIN_PUBLISHED', { period: period.label['zh-CN'], docNumber: input.docNumber }, 'period');
        throw e;
      }
      return this.get(actor, id);
    },

    /** The defaults of a correction of bulletin `id`: its title and next 文号, and a fresh draft of the text. */
    async correctionDraft(actor: ActorContext, id: number) {
      const { b } = await correctable(actor, id);
      const draft = await this.draft(actor, b.race_id, b.year, b.period_index);
      return {
        ...draft,
        title: correctionTitle(b.title),
        corrects: { id: b.id, title: b.title, docNumber: b.doc_number },
        raceId: b.race_id,
        year: b.year,
        period: b.period_index,
      };
    },

    /**
     * 更正通报: a new bulletin of the same race and period, its ranking computed again from today's data,
     * that supersedes bulletin `id` — which stays readable, marked superseded with the time, while the
     * correction names it and the reason. Defaults: title "关于<title>的更正通报", the next 文号, and a
     * fresh draft of the text; whatever the text, it opens with correctionPreface. Only the current
     * bulletin of a period can be corrected (409 otherwise); the check applies as when publishing.
     */
    async correct(actor: ActorContext, id: number, input: CorrectionInput, ip: string | null) {
      const { b: old, definition } = await correctable(actor, id);
      const { period, ranking, findings } = await checked(definition, old.race_id, old.year, old.period_index, true);
      refuseBlocking(findings, period);
      const acknowledged = requireAcknowledged(findings, input.acknowledged);
      const title = input.title ?? correctionTitle(old.title);
      if (title.length > MAX_TITLE) throw invalid('BULLETIN_TITLE_TOO_LONG', { max: MAX_TITLE }, 'title');
      const docNumber = input.docNumber ?? (await nextDocNumber(period.year));
      const reason = input.reason.trim();

      const snapshot = await freeze(definition, period, ranking);
      const root = await region();
      const body =
        input.commentary ??
        draftCommentary({
          regionName: root.name,
          periodLabel: period.label['zh-CN'],
          ranking,
          totals: { ...snapshot.totals, completionPct: snapshot.totals.completionPct ?? 0 },
          redProjects: snapshot.redProjects,
        });
      const commentary = `${correctionPreface({ title: old.title, docNumber: old.doc_number, reason })}\n\n${body}`;
      const at = clock().toISOString();
      const lost = new Error('superseded meanwhile');
      let newId: number;
      try {
        newId = await db.transaction().execute(async (trx) => {
          // Out of the current-period index first, so that the correction can take its place (0013).
          if (!(await bulletins.markSuperseded(trx, old.id, at))) throw lost;
          const inserted = await bulletins.insert(trx, {
            race_id: old.race_id,
            year: period.year,
            period_kind: period.kind,
            period_index: period.index,
            title,
            doc_number: docNumber,
            issuer: `${root.name}项目绩效年活动领导小组办公室`,
            commentary,
            snapshot_json: JSON.stringify(snapshot),
            published_by: actor.displayName,
            published_at: at,
            supersedes_id: old.id,
            correction_reason: reason,
          });
          await bulletins.linkCorrection(trx, old.id, inserted);
          await audit.record(
            {
              actor,
              action: 'bulletin.correct',
              objectType: 'bulletin',
              objectId: String(inserted),
              unitPath: null,
              summary: `发布更正通报《${title}》（${docNumber}），更正《${old.title}》（${old.doc_number}），原因：${reason}`,
              before: { id: old.id, title: old.title, docNumber: old.doc_number },
              after: {
                id: inserted,
                raceId: old.race_id,
                period: period.label['zh-CN'],
                title,
                docNumber,
                reason,
                supersedes: old.id,
                ...acknowledged,
              },
              ip,
            },
            trx,
          );
          return inserted;
        });
      } catch (e) {
        // Another coordinator corrected it first: say by which correction.
        if (e === lost || isUniqueViolation(e)) {
          const now = await loadBulletin(actor, old.id);
          throw conflict(
            'BULLETIN_SUPERSEDED',
            {
              title: now.title,
              docNumber: now.doc_number,
              byTitle: now.correction_title ?? '',
              byDocNumber: now.correction_doc_number ?? '',
            },
            'id',
          );
        }
        throw e;
      }
      return this.get(actor, newId);
    },

    async list(actor: ActorContext, raceId?: number) {
      if (!racePolicy.canReadBulletins(actor)) throw forbidden();
      // Superseded bulletins stay listed, marked; newest period first, a correction above what it corrects.
      return { items: (await bulletins.listRows(raceId)).map(summary) };
    },

    /**
     * The bulletin as published; with `withFiles`, also the SHA-256 and size of its Word, PDF and Excel
     * files (rendered once per bulletin, then remembered), which publishing does not wait for.
     */
    async get(actor: ActorContext, id: number, { withFiles = false }: { withFiles?: boolean } = {}) {
      const b = await loadBulletin(actor, id);
      const snapshot = JSON.parse(b.snapshot_json) as BulletinSnapshot;
      const bulletin = {
        ...summary(b),
        issuer: b.issuer,
        commentary: b.commentary,
        ranking: snapshot.ranking,
        redProjects: snapshot.redProjects,
        totals: snapshot.totals,
      };
      if (!withFiles) return bulletin;
      const [docx, pdf, xlsx] = await Promise.all([
        files.describe(b, 'docx'),
        files.describe(b, 'pdf'),
        files.describe(b, 'xlsx'),
      ]);
      return { ...bulletin, files: { docx, pdf, xlsx } };
    },

    /** The bulletin in force of the latest period (not the latest published), for the dashboard; null before the first. */
    async latest(actor: ActorContext) {
      if (!racePolicy.canReadBulletins(actor)) return null;
      const b = await bulletins.latestCurrent();
      return b ? { id: b.id, title: b.title, docNumber: b.doc_number, publishedAt: b.published_at } : null;
    },

    /**
     * The Word, PDF or Excel file, rendered from the frozen snapshot (the Excel appendix from history as
     * of publication): the same bytes on every download. Whoever may read the bulletin may download it.
     */
    async file(actor: ActorContext, id: number, kind: BulletinFileKind) {
      const b = await loadBulletin(actor, id);
      const { body, sha256 } = await files.render(b, kind);
      return { body, sha256, fileName: `${b.title}（${b.doc_number}）.${kind}` };
    },
  };
}

export type BulletinService = ReturnType<typeof createBulletinService>;
