package org.consilium.console.room;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.consilium.console.documents.ShownDocument;

/**
 * The case's records as records-service shows them to a panel member ({@code GET /cases/{id}/records}; a specialist
 * reads them while their seat lasts): each item and its documents, to open in the browser where that is safe.
 */
public record Dossier(String status, List<Item> items) {
    public Dossier {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public record Item(String code, String title, boolean required, String status, List<Document> documents) {

        public Item {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    /** @param detectedContentType what records-service detected and serves the bytes as */
    public record Document(String id, String filename, String detectedContentType, long size, Instant uploadedAt,
                           LocalDate documentDate) {

        public boolean inline() {
            return ShownDocument.inline(detectedContentType);
        }

        public String sizeText() {
            return size < 1024 ? size + " B" : size < 1024 * 1024 ? (size / 1024) + " kB"
                    : String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024));
        }
    }

    public List<Item> withDocuments() {
        return items.stream().filter(i -> !i.documents().isEmpty()).toList();
    }
}
