import { parseConfig } from '../src/server/config/config.ts';
import { sampleBulletinDocument } from '../src/server/features/bulletins/bulletin-document.ts';
import { renderBulletinDocx } from '../src/server/features/bulletins/render-docx.ts';
import { renderBulletinPdf } from '../src/server/features/bulletins/render-pdf.ts';
import { ms, timeMany } from './stats.ts';

const RENDERS = 10;

/**
 * A bulletin of `units` units (default 29, a county's usual race) rendered to .docx and PDF ten times
 * each after one warm-up; prints p50/p95, the PDF's page count and the process's peak RSS. The PDF
 * uses LANTERN_PDF_FONT or Noto CJK, as the server would.
 */
export async function benchBulletinRender(args: { units?: number } = {}) {
  const units = args.units ?? 29;
  const doc = sampleBulletinDocument(units);
  const fontPath = parseConfig().pdfFont;

  let t = performance.now();
  await renderBulletinDocx(doc);
  const docxFirst = performance.now() - t;
  const docx = await timeMany(RENDERS, () => renderBulletinDocx(doc));
  console.log(`bulletin .docx (${units} units): p50 ${ms(docx.p50)}  p95 ${ms(docx.p95)}  (first ${ms(docxFirst)})`);

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  t = performance.now();
  const pdf = await renderBulletinPdf(doc, { fontPath });
  const pdfFirst = performance.now() - t;
  const timing = await timeMany(RENDERS, () => renderBulletinPdf(doc, { fontPath }));
  clearInterval(sampler);
  // pdfkit writes each page object as '/Type /Page' (the page tree is '/Type /Pages').
  const pages = pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
  console.log(
    `bulletin PDF (${units} units): p50 ${ms(timing.p50)}  p95 ${ms(timing.p95)}  (first ${ms(pdfFirst)}), ${pages} pages, ` +
      `${(pdf.length / 1024).toFixed(0)} KB, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
  );
}
