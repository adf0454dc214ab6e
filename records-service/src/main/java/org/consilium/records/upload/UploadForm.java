package org.consilium.records.upload;

import io.swagger.v3.oas.annotations.media.Schema;

/** The multipart form of an upload, for the OpenAPI document only (the endpoint streams the parts). */
@Schema(name = "DocumentUpload", requiredProperties = {"item", "file"})
record UploadForm(
        @Schema(description = "code of the checklist item the document is for, e.g. pathology-report; "
                + "must come before the file part", example = "pathology-report") String item,
        @Schema(description = "optional: the date the document was produced (ISO yyyy-mm-dd, not in the future); "
                + "recency windows count from it, else from the file's own date (a DICOM Study Date, a PDF's metadata "
                + "creation or modification date), else from the upload date; send it before the file part",
                type = "string", format = "date", example = "2026-11-01") String documentDate,
        @Schema(description = "optional: the id of a document of the same case this one translates; links the two and "
                + "clears the original's translationNeeded; send it before the file part") String translationOf,
        @Schema(description = "the document; streamed, at most consilium.records.max-document-size (default 2 GB)",
                type = "string", format = "binary") String file) {
}
