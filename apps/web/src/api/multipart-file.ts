/**
 * The body of an operation that takes one file as multipart/form-data in the field `file` (a
 * logo, a favicon). The OpenAPI schema types the binary field as a string; the request carries
 * the file itself.
 */
export function multipartFile(file: File) {
  return {
    body: { file: file.name },
    bodySerializer: () => {
      const form = new FormData();
      form.append('file', file);
      return form;
    },
  };
}
