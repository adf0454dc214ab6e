package org.consilium.console.casepage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The case's records checklist as records-service tells it ({@code GET /cases/{id}/records}): what a coordinator
 * verifies the dossier against, each item with its state and how recent its newest document is. Read, never kept.
 */
public record Checklist(String status, Instant dueBy, Decision override, Counts counts, List<Item> items) {

    public record Decision(String by, String reason, Instant at) {
    }

    public record Counts(int required, int requiredReceived, int requiredMissing, int waived, int stale, int documents) {
    }

    /**
     * @param recencyDays the window for this case; null: no expiry
     * @param staleReason why it is STALE (the newest document's date, its age and the window)
     */
    public record Item(String code, String title, boolean required, String status, Integer recencyDays,
                       String staleReason, Decision waiver, List<Document> documents) {

        public String statusLabel() {
            return status == null ? "" : status.charAt(0) + status.substring(1).toLowerCase();
        }

        public String recencyText() {
            return recencyDays == null ? "no expiry" : "within " + recencyDays + " days";
        }

        /** The newest document's own date (as stated, else its PDF's, else the upload), and how old it is. */
        public String newestText(LocalDate today) {
            return newest().map(date -> date + " (" + ChronoUnit.DAYS.between(date, today) + " days old)").orElse("none yet");
        }

        private Optional<LocalDate> newest() {
            return documents == null ? Optional.empty()
                    : documents.stream().map(Document::producedOn).filter(d -> d != null).max(Comparator.naturalOrder());
        }
    }

    public record Document(String filename, Instant uploadedAt, LocalDate documentDate, LocalDate pdfDate) {
        LocalDate producedOn() {
            if (documentDate != null) {
                return documentDate;
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
}
