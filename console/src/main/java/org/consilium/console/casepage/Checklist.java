package org.consilium.console.casepage;

import org.consilium.console.language.StaffWords;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.consilium.console.documents.ShownDocument;

/**
 * The case's records checklist as records-service tells it ({@code GET /cases/{id}/records}): what a coordinator
 * verifies the dossier against, each item with its state and how recent its newest document is. Read, never kept.
 */
public record Checklist(String status, Instant dueBy, Decision override, Counts counts, List<Item> items,
                        List<Study> studies) {

    public Checklist {
        items = items == null ? List.of() : items;
        studies = studies == null ? List.of() : studies;
    }

    public Checklist(String status, Instant dueBy, Decision override, Counts counts, List<Item> items) {
        this(status, dueBy, override, counts, items, List.of());
    }

    /** Records takes no more decisions once complete (its 409 records-complete) or cancelled. */
    public boolean open() {
        return "COLLECTING".equals(status);
    }

    /** Records takes files until the case is cancelled (a complete case still takes updates and optional items). */
    public boolean takesFiles() {
        return !"CANCELLED".equals(status);
    }

    /** The DICOM studies whose files belong to this item. */
    public List<Study> studiesOf(String itemCode) {
        return studies.stream().filter(study -> study.items() != null && study.items().contains(itemCode)).toList();
    }

    public record Decision(String by, String reason, Instant at) {
        public String atText() {
            return org.consilium.console.pages.UtcText.of(at);
        }
    }

    /** A DICOM study records read from its files' headers, with the documents (series files) that hold it. */
    public record Study(String studyInstanceUid, String modality, LocalDate studyDate, List<String> items,
                        List<String> documentIds) {
        public int files() {
            return documentIds == null ? 0 : documentIds.size();
        }
    }

    public record Counts(int required, int requiredReceived, int requiredMissing, int waived, int stale, int documents) {
    }

    /**
     * @param recencyDays the window for this case; null: no expiry
     * @param staleReason why it is STALE (the newest document's date, its age and the window)
     */
    public record Item(String code, String title, boolean required, String status, Integer recencyDays,
                       String staleReason, Decision waiver, List<Document> documents) {

        public Item {
            documents = documents == null ? List.of() : documents;
        }

        /** What a coordinator may waive: nothing (fresh) there yet, and not waived already. */
        public boolean waivable() {
            return "MISSING".equals(status) || "STALE".equals(status);
        }

        public String statusLabel() {
            return status == null ? "" : status.charAt(0) + status.substring(1).toLowerCase();
        }

        public String statusLabel(StaffWords words) {
            return words.code("records.state.", status, statusLabel());
        }

        /** The title records gives (English, from its checklist rules); in another language the item's words, if known. */
        public String title(StaffWords words) {
            return words.chinese() ? words.sayOr("records.item." + code, title) : title;
        }

        public String recencyText() {
            return recencyText(StaffWords.ENGLISH);
        }

        public String recencyText(StaffWords words) {
            return recencyDays == null ? words.say("records.noExpiry") : words.say("records.within", recencyDays);
        }

        /** The newest document's own date (as stated, else its PDF's, else the upload), and how old it is. */
        public String newestText(LocalDate today) {
            return newestText(today, StaffWords.ENGLISH);
        }

        public String newestText(LocalDate today, StaffWords words) {
            return newest().map(date -> words.say("records.newest", date.toString(), ChronoUnit.DAYS.between(date, today)))
                    .orElse(words.say("records.noneYet"));
        }

        private Optional<LocalDate> newest() {
            return documents == null ? Optional.empty()
                    : documents.stream().map(Document::producedOn).filter(d -> d != null).max(Comparator.naturalOrder());
        }
    }

    /**
     * @param detectedContentType what records detected and serves the bytes as
     * @param dicom               the study of a DICOM file, from its header; null for anything else
     */
    public record Document(String id, String filename, String detectedContentType, long size, Instant uploadedAt,
                           LocalDate documentDate, LocalDate pdfDate, Dicom dicom, String uploadedBy) {

        public Document(String filename, Instant uploadedAt, LocalDate documentDate, LocalDate pdfDate) {
            this(null, filename, null, 0, uploadedAt, documentDate, pdfDate, null, null);
        }

        /** PDF: shown in the page, in a frame; an image: as an image; anything else: a link to download. */
        public String shownAs() {
            if (id == null || !ShownDocument.inline(detectedContentType)) {
                return "download";
            }
            String type = ShownDocument.baseType(detectedContentType);
            return type.startsWith("image/") ? "image" : "frame";
        }

        public String sizeText() {
            return size < 1024 ? size + " B" : size < 1024 * 1024 ? (size / 1024) + " kB"
                    : String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024));
        }

        public String uploadedText() {
            return org.consilium.console.pages.UtcText.of(uploadedAt);
        }

        LocalDate producedOn() {
            if (documentDate != null) {
                return documentDate;
            }
            if (dicom != null && dicom.studyDate() != null) {
                return dicom.studyDate(); // as records counts it: the study's own date
            }
            if (pdfDate != null) {
                return pdfDate;
            }
            return uploadedAt == null ? null : uploadedAt.atZone(ZoneOffset.UTC).toLocalDate();
        }
    }

    public String statusLabel() {
        return status == null ? "" : status.charAt(0) + status.substring(1).toLowerCase();
    }

    public String statusLabel(StaffWords words) {
        return words.code("records.status.", status, statusLabel());
    }

    /** @param modality (0008,0060), e.g. CT, MR, PT */
    public record Dicom(String studyInstanceUid, String modality, LocalDate studyDate) {
    }
}
