/**
 * A `multipart/form-data` body (RFC 7578) with CRLF line breaks: one part per field, each with
 * its `Content-Disposition` and, when given, its own content type.
 */
export function multipartForm(boundary: string, fields: readonly (readonly [name: string, value: string, type?: string])[]): string {
  const lines: string[] = [];
  for (const [name, value, type] of fields) {
    lines.push(`--${boundary}`, `Content-Disposition: form-data; name="${name}"`);
    if (type !== undefined) lines.push(`Content-Type: ${type}`);
    lines.push('', value);
  }
  lines.push(`--${boundary}--`, '');
  return lines.join('\r\n');
}
