import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import { ATTACHMENT_LIMITS, isAttachmentType, type AttachmentType } from '../../../domain/tickets/attachment-rules.ts';
import { OPEN_TICKET_STATES } from '../../../domain/tickets/ticket-flow.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { enterpriseScopeFor } from '../../policies/enterprise.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { TicketAccess } from './ticket-access.ts';
import { isoOf } from './ticket-columns.ts';
import type { TicketRepository } from './tickets.repository.ts';

/** A ticket's attachments: images and PDFs, recognised by their content, for the parties while it is open. */
export function createTicketAttachments(deps: {
  db: Kysely<DB>;
  tickets: TicketRepository;
  access: TicketAccess;
  audit: AuditLog;
  clock: Clock;
}) {
  const { db, tickets, access, audit, clock } = deps;
  return {
    /** Attaches an image or a PDF: any party to the ticket while it is open, as a step of its timeline. */
    async attach(actor: ActorContext, id: number, upload: { data: Buffer; fileName: string }, ip: string | null) {
      const found = await fileTypeFromBuffer(upload.data);
      if (!isAttachmentType(found?.mime)) throw invalid('TICKET_FILE_TYPE', { name: upload.fileName }, 'file');
      const contentType = found!.mime as AttachmentType;
      const now = clock();
      const attachmentId = await db.transaction().execute(async (trx) => {
        const { t, coUnits } = await access.visible(actor, id, trx);
        if (enterpriseScopeFor(actor, 'ticket', 'update').kind === 'none') throw forbidden();
        if (!access.partiesFor(actor, t, coUnits).size) throw forbidden();
        if (!(OPEN_TICKET_STATES as readonly string[]).includes(t.state))
          throw conflict('TICKET_CLOSED_FOR_FILES', {}, 'file');
        if ((await tickets.attachments(t.id, trx)).length >= ATTACHMENT_LIMITS.perTicket)
          throw conflict('TICKET_TOO_MANY_FILES', { n: ATTACHMENT_LIMITS.perTicket }, 'file');
        const { id: attachmentId } = await tickets.insertAttachment(trx, {
          ticket_id: t.id,
          file_name: upload.fileName,
          content_type: contentType,
          bytes: upload.data.length,
          data: upload.data,
          created_by_id: actor.id,
          created_at: isoOf(now),
        });
        await tickets.addEvent(trx, {
          ticket_id: t.id,
          step: 'attach',
          actor_id: actor.id,
          actor_name: actor.displayName,
          at: isoOf(now),
          text: upload.fileName,
          internal: 0,
          data_json: JSON.stringify({ attachmentId }),
        });
        await audit.record(
          {
            actor,
            action: 'ticket.attach',
            objectType: 'ticket',
            objectId: String(t.id),
            unitPath: t.unit_path,
            summary: `涉企问题“${t.title}”上传附件 ${upload.fileName}`,
            before: null,
            after: { fileName: upload.fileName, bytes: upload.data.length, contentType },
            ip,
          },
          trx,
        );
        return attachmentId;
      });
      return {
        id: attachmentId,
        fileName: upload.fileName,
        contentType,
        bytes: upload.data.length,
        createdAt: isoOf(now),
      };
    },

    /** An attachment's bytes, for whoever may read its ticket. */
    async attachment(actor: ActorContext, attachmentId: number) {
      const file = await tickets.attachmentFile(attachmentId);
      if (!file) throw notFound('attachment');
      await access.visible(actor, file.ticket_id).catch(() => {
        throw notFound('attachment');
      });
      return file;
    },
  };
}

export type TicketAttachments = ReturnType<typeof createTicketAttachments>;
