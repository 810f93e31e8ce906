import { CSV_SNIFF_BYTES, notCsvText } from '@tcma/csv';
import { UnsupportedTypeError } from '@tcma/errors';

function refuseUnlessCsv(head: Buffer, complete: boolean): void {
  const why = notCsvText(head.subarray(0, CSV_SNIFF_BYTES), complete);
  if (why) throw new UnsupportedTypeError(`The file ${why}`, [{ path: 'body', message: why }]);
}

/**
 * An uploaded file passed on as it arrives, once its first CSV_SNIFF_BYTES look like CSV
 * text; otherwise refused (415) before anything is stored or queued. The Content-Type a
 * client sends says nothing about the bytes.
 */
export async function* csvUpload(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const head: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    if (size >= CSV_SNIFF_BYTES) {
      yield chunk;
      continue;
    }
    head.push(chunk);
    size += chunk.length;
    if (size >= CSV_SNIFF_BYTES) {
      refuseUnlessCsv(Buffer.concat(head), false);
      yield* head;
    }
  }
  if (size < CSV_SNIFF_BYTES) {
    const whole = Buffer.concat(head);
    refuseUnlessCsv(whole, true);
    if (whole.length) yield whole;
  }
}
