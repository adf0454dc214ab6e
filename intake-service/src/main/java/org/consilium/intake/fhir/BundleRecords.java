package org.consilium.intake.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.bson.types.ObjectId;
import org.consilium.intake.attachment.IntakeAttachments;
import org.consilium.intake.request.SubmittedRecord;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The records of a Bundle: the metadata of every DocumentReference, DiagnosticReport,
 * ImagingStudy and MedicationStatement, and the content of every attachment sent inline
 * ({@code data}; the R4 validator checked it against the declared size and SHA-1 hash). The
 * MedicationStatements together become one document (a collection Bundle of them, LOINC 10160-0
 * "History of Medication use"), so a medication list sent as data fills the checklist item a
 * scanned list would.
 */
final class BundleRecords {
    static final String LOINC = "http://loinc.org";
    static final String MEDICATION_HISTORY = LOINC + "|10160-0";
    static final String FHIR_JSON = "application/fhir+json";

    private final List<Resource> resources;
    private final LocalDate today;
    private final List<FhirIssue> issues = new ArrayList<>();
    private final List<SubmittedRecord> records = new ArrayList<>();
    private final Map<String, IntakeAttachments.Content> content = new LinkedHashMap<>();

    /** @param today today at intake (UTC) */
    BundleRecords(List<Resource> resources, LocalDate today) {
        this.resources = resources;
        this.today = today;
    }

    record Read(List<SubmittedRecord> records, Map<String, IntakeAttachments.Content> content, List<FhirIssue> issues) {
    }

    Read read() {
        List<MedicationStatement> medications = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            Resource resource = resources.get(i);
            String id = resource == null ? null : resource.getIdElement().getIdPart();
            String at = "Bundle.entry[" + i + "].resource";
            if (resource instanceof DocumentReference doc) {
                String fallback = doc.hasDescription() ? doc.getDescription() : BundleIntake.words(doc.getType());
                List<String> codes = codes(Stream.concat(Stream.of(doc.getType()), doc.getCategory().stream()));
                for (int c = 0; c < doc.getContent().size(); c++) {
                    Attachment attachment = doc.getContent().get(c).getAttachment();
                    String attachmentAt = at + ".content[" + c + "].attachment";
                    LocalDate date = documentDate(doc, attachment, at, attachmentAt);
                    record("DocumentReference", id, attachment, fallback, date, codes, attachmentAt);
                }
            } else if (resource instanceof DiagnosticReport report) {
                LocalDate date = report.hasEffectiveDateTimeType() ? localDate(report.getEffectiveDateTimeType())
                        : report.hasIssued() ? report.getIssued().toInstant().atZone(ZoneOffset.UTC).toLocalDate() : null;
                String title = BundleIntake.words(report.getCode());
                List<String> codes = codes(Stream.concat(Stream.of(report.getCode()), report.getCategory().stream()));
                if (report.getPresentedForm().isEmpty()) {
                    records.add(new SubmittedRecord("DiagnosticReport", id, title, null, null, null, date, null, null, codes));
                }
                for (int f = 0; f < report.getPresentedForm().size(); f++) {
                    record("DiagnosticReport", id, report.getPresentedForm().get(f), title, date, codes,
                            at + ".presentedForm[" + f + "]");
                }
            } else if (resource instanceof ImagingStudy study) {
                records.add(imagingStudy(id, study));
            } else if (resource instanceof MedicationStatement medication) {
                medications.add(medication);
                String title = medication.hasMedicationCodeableConcept()
                        ? BundleIntake.words(medication.getMedicationCodeableConcept())
                        : medication.hasMedicationReference() ? medication.getMedicationReference().getDisplay() : null;
                records.add(new SubmittedRecord("MedicationStatement", id, title, null, null, null,
                        medication.hasEffectiveDateTimeType() ? localDate(medication.getEffectiveDateTimeType()) : null));
            }
        }
        if (!medications.isEmpty()) {
            medicationList(medications);
        }
        return new Read(records, content, issues);
    }

    /**
     * The date records-service counts the document's recency from, as if its uploader had stated it: the
     * time of the service it documents ({@code context.period}: its end, else its start, for an ongoing one),
     * else when the attachment was made ({@code attachment.creation}), else {@code date}. In that order
     * because R4 defines {@code DocumentReference.date} as when the <em>reference</em> was created, which a
     * hospital may set when it assembles the Bundle; the other two say how old the content is. Each is the
     * day as written, in the sender's own time zone. A date after today anywhere on Earth is an error at its
     * location, as an uploader's future {@code documentDate} is: a document dated in the future would never
     * go stale (a period still going on has no end in FHIR, so a future end is no exception).
     */
    private LocalDate documentDate(DocumentReference doc, Attachment attachment, String at, String attachmentAt) {
        List<Map.Entry<String, BaseDateTimeType>> stated = new ArrayList<>();
        if (doc.getContext().hasPeriod()) {
            Period period = doc.getContext().getPeriod();
            if (period.hasEndElement() && period.getEndElement().hasValue()) {
                stated.add(Map.entry(at + ".context.period.end", period.getEndElement()));
            }
            if (period.hasStartElement() && period.getStartElement().hasValue()) {
                stated.add(Map.entry(at + ".context.period.start", period.getStartElement()));
            }
        }
        if (attachment.hasCreationElement() && attachment.getCreationElement().hasValue()) {
            stated.add(Map.entry(attachmentAt + ".creation", attachment.getCreationElement()));
        }
        if (doc.hasDateElement() && doc.getDateElement().hasValue()) {
            stated.add(Map.entry(at + ".date", doc.getDateElement()));
        }
        // today is already tomorrow east of UTC (up to UTC+14)
        LocalDate latest = today.plusDays(1);
        for (Map.Entry<String, BaseDateTimeType> date : stated) {
            LocalDate day = localDate(date.getValue());
            // once per location: the reference's own dates are read again for each of its attachments
            if (day.isAfter(latest) && issues.stream().noneMatch(i -> i.location().equals(date.getKey()))) {
                issues.add(FhirIssue.invalid(date.getKey(), date.getValue().getValueAsString() + " is in the future: "
                        + "records count a document's age from it; give the date the document or its service "
                        + "was made"));
            }
        }
        return stated.isEmpty() ? null : localDate(stated.get(0).getValue());
    }

    private void record(String type, String id, Attachment attachment, String fallbackTitle, LocalDate date,
                        List<String> codes, String at) {
        String title = attachment.hasTitle() ? attachment.getTitle() : fallbackTitle;
        if (!attachment.hasData()) {
            Long size = attachment.hasSize() ? Long.valueOf(attachment.getSize()) : null;
            records.add(new SubmittedRecord(type, id, title, attachment.getContentType(), size, attachment.getUrl(), date,
                    null, null, codes));
            return;
        }
        byte[] data = attachment.getData();
        int before = issues.size();
        if (data.length == 0) {
            issues.add(FhirIssue.invalid(at + ".data", "the attachment's data is empty"));
        }
        // the R4 validator has already compared the declared size and SHA-1 hash with the data (and att-1)
        if (attachment.hasContentType() && !isMediaType(attachment.getContentType())) {
            issues.add(FhirIssue.invalid(at + ".contentType", "'" + attachment.getContentType()
                    + "' is not a media type (type/subtype, e.g. application/pdf)"));
        }
        if (issues.size() > before) {
            return;
        }
        String attachmentId = new ObjectId().toHexString();
        content.put(attachmentId, new IntakeAttachments.Content(data, attachment.getContentType(),
                filename(title, type, id)));
        records.add(new SubmittedRecord(type, id, title, attachment.getContentType(), (long) data.length,
                attachment.getUrl(), date, attachmentId, HexFormat.of().formatHex(digest("SHA-256", data)), codes));
    }

    private void medicationList(List<MedicationStatement> medications) {
        Bundle list = new Bundle().setType(Bundle.BundleType.COLLECTION);
        medications.forEach(m -> list.addEntry().setResource(m));
        byte[] json = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(list)
                .getBytes(StandardCharsets.UTF_8);
        LocalDate latest = medications.stream().filter(MedicationStatement::hasEffectiveDateTimeType)
                .map(m -> localDate(m.getEffectiveDateTimeType())).max(Comparator.naturalOrder()).orElse(null);
        String attachmentId = new ObjectId().toHexString();
        String title = "Medication statements (" + medications.size() + ", from the FHIR Bundle)";
        content.put(attachmentId, new IntakeAttachments.Content(json, FHIR_JSON, "medication-statements.json"));
        records.add(new SubmittedRecord("MedicationStatement", null, title, FHIR_JSON, (long) json.length, null, latest,
                attachmentId, HexFormat.of().formatHex(digest("SHA-256", json)), List.of(MEDICATION_HISTORY)));
    }

    private static SubmittedRecord imagingStudy(String id, ImagingStudy study) {
        String modalities = study.getModality().stream().map(Coding::getCode).filter(Objects::nonNull)
                .collect(Collectors.joining("/"));
        String title = (study.hasDescription() ? study.getDescription() : modalities.isEmpty() ? "imaging study" : modalities)
                + " (" + study.getNumberOfSeries() + " series, " + study.getNumberOfInstances() + " instances)";
        return new SubmittedRecord("ImagingStudy", id, title, "application/dicom", null, null,
                study.hasStarted() ? localDate(study.getStartedElement()) : null);
    }

    private static List<String> codes(Stream<CodeableConcept> concepts) {
        return concepts.flatMap(c -> c.getCoding().stream())
                .filter(c -> c.hasSystem() && c.hasCode())
                .map(c -> c.getSystem() + "|" + c.getCode()).distinct().toList();
    }

    /** A name records-service can store the file under: the title, else the resource. */
    private static String filename(String title, String type, String id) {
        String base = title != null && !title.isBlank() ? title : type + (id == null ? "" : "-" + id);
        // cut at a code point, never inside a surrogate pair (a title in a CJK extension or with an emoji)
        return base.codePointCount(0, base.length()) > 120 ? base.substring(0, base.offsetByCodePoints(0, 120)) : base;
    }

    private static boolean isMediaType(String value) {
        try {
            MimeTypeUtils.parseMimeType(value);
            return true;
        } catch (InvalidMimeTypeException e) {
            return false;
        }
    }

    private static LocalDate localDate(BaseDateTimeType value) {
        return LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
    }
}
