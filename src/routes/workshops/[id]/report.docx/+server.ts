import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/require-user';
import { requireReport } from '$lib/server/reports/report-access';
import { reportDocx, reportFileName } from '$lib/server/reports/report-docx';
import { reportOutline } from '$lib/reports/report-outline';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The report as a Word document, built from the same outline as the printable page. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const report = await requireReport(getDb(), user.id, params.id);
	const bytes = await reportDocx(reportOutline(report), { title: report.title });
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': DOCX,
			'content-disposition': `attachment; filename="${reportFileName(report.title)}"`,
			'cache-control': 'no-store'
		}
	});
};
