package org.consilium.intake;

import ca.uhn.fhir.context.FhirContext;
import org.consilium.intake.fhir.IntakeQuestionnaire;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

import java.util.List;
import java.util.UUID;

/** The brief's lung case as a patient portal or hospital system would send it: a FHIR R4 transaction Bundle. */
final class FhirBundles {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final String PATIENT = "urn:uuid:" + UUID.nameUUIDFromBytes("patient".getBytes());

    private FhirBundles() {
    }

    static String json(Resource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    static Bundle lungTransaction() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        add(bundle, PATIENT, patient());
        add(bundle, null, caregiver());
        for (String purpose : List.of("review", "share-with-panel", "cross-border-transfer", "contact-current-doctor")) {
            add(bundle, null, consent(purpose, true));
        }
        add(bundle, null, lungCondition());
        add(bundle, null, pathologyReport());
        add(bundle, null, firstOpinionLetter());
        add(bundle, null, ctChest());
        add(bundle, null, medication());
        add(bundle, null, selfCheck());
        return bundle;
    }

    static void add(Bundle bundle, String fullUrl, Resource resource) {
        Bundle.BundleEntryComponent entry = bundle.addEntry()
                .setFullUrl(fullUrl != null ? fullUrl : "urn:uuid:" + UUID.randomUUID()).setResource(resource);
        if (bundle.getType() == Bundle.BundleType.TRANSACTION) {
            entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
        }
    }

    static Patient patient() {
        Patient patient = new Patient();
        patient.addName().setFamily("Santoso").addGiven("Budi");
        patient.setGender(Enumerations.AdministrativeGender.MALE);
        patient.setBirthDateElement(new DateType("1968-03-14"));
        patient.addAddress().setCountry("ID");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("budi@example.org");
        patient.addCommunication().setPreferred(true)
                .setLanguage(new CodeableConcept(new Coding("urn:ietf:bcp:47", "id", "Indonesian")));
        patient.addCommunication().setLanguage(new CodeableConcept(new Coding("urn:ietf:bcp:47", "en", "English")));
        return patient;
    }

    static RelatedPerson caregiver() {
        RelatedPerson person = new RelatedPerson();
        person.setPatient(new Reference(PATIENT));
        person.addName().setText("Siti Santoso");
        person.addRelationship().setText("daughter");
        person.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("siti@example.org");
        return person;
    }

    static Consent consent(String purpose, boolean permit) {
        Consent consent = new Consent();
        consent.setStatus(Consent.ConsentState.ACTIVE);
        consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope",
                "patient-privacy", "Privacy Consent")));
        consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
        consent.setPatient(new Reference(PATIENT));
        consent.addPolicy().setUri("https://consilium.org/policy/consent/" + purpose);
        consent.getProvision().setType(permit ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY)
                .addPurpose(new Coding("https://consilium.org/fhir/CodeSystem/consent-purpose", purpose, null));
        return consent;
    }

    static Condition lungCondition() {
        Condition condition = new Condition();
        condition.getMeta().addProfile("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition");
        condition.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")));
        condition.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10", "C34.1",
                "Malignant neoplasm of upper lobe, bronchus or lung")));
        condition.addBodySite().setText("right upper lobe");
        condition.addStage().setSummary(new CodeableConcept().setText("IIIA"));
        condition.addExtension("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
                new CodeableConcept(new Coding("http://snomed.info/sct", "35917007", "Adenocarcinoma, no subtype")));
        condition.setSubject(new Reference(PATIENT));
        condition.setAsserter(new Reference().setDisplay("Dr Hartono"));
        return condition;
    }

    static DiagnosticReport pathologyReport() {
        DiagnosticReport report = new DiagnosticReport();
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.setCode(new CodeableConcept(new Coding("http://loinc.org", "60567-5", "Comprehensive pathology report panel"))
                .setText("Pathology report"));
        report.setSubject(new Reference(PATIENT));
        report.setEffective(new DateTimeType("2026-11-02"));
        report.addPresentedForm(new Attachment().setContentType("application/pdf").setTitle("Biopsy pathology report")
                .setData("%PDF-1.4 pathology".getBytes()));
        return report;
    }

    static DocumentReference firstOpinionLetter() {
        DocumentReference document = new DocumentReference();
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.setSubject(new Reference(PATIENT));
        document.setDescription("First opinion letter");
        document.addContent().setAttachment(new Attachment().setContentType("application/pdf")
                .setUrl("https://records.example.org/letters/123.pdf").setSize(48213).setTitle("Letter from Dr Hartono"));
        return document;
    }

    /** A CT report a hospital sends inline as a DocumentReference (LOINC 24627-2 "CT chest"), undated. */
    static DocumentReference ctReport(String title) {
        DocumentReference document = new DocumentReference();
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.setSubject(new Reference(PATIENT));
        document.setType(new CodeableConcept(new Coding("http://loinc.org", "24627-2", "Chest CT")));
        document.addContent().setAttachment(new Attachment().setContentType("application/pdf").setTitle(title)
                .setData(("%PDF-1.4 " + title).getBytes()));
        return document;
    }

    static ImagingStudy ctChest() {
        ImagingStudy study = new ImagingStudy();
        study.setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
        study.setSubject(new Reference(PATIENT));
        study.setDescription("CT chest with contrast");
        study.addModality(new Coding("http://dicom.nema.org/resources/ontology/DCM", "CT", null));
        study.setNumberOfSeries(2).setNumberOfInstances(240);
        study.setStartedElement(new DateTimeType("2026-11-05"));
        return study;
    }

    static MedicationStatement medication() {
        MedicationStatement statement = new MedicationStatement();
        statement.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        statement.setSubject(new Reference(PATIENT));
        statement.setMedication(new CodeableConcept().setText("Metformin 500 mg twice daily"));
        return statement;
    }

    static QuestionnaireResponse selfCheck() {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setQuestionnaire(IntakeQuestionnaire.canonical());
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(new Reference(PATIENT));
        answer(response.getItem(), IntakeQuestionnaire.TIME_ZONE, new StringType("Asia/Jakarta"));
        answer(response.getItem(), IntakeQuestionnaire.DECISIONS_AT_STAKE,
                new Coding(IntakeQuestionnaire.DECISION_SYSTEM, "MAJOR_SURGERY", null));
        answer(response.getItem(), IntakeQuestionnaire.TREATMENT_GOAL,
                new Coding(IntakeQuestionnaire.GOAL_SYSTEM, "CURE", null));
        answer(response.getItem(), IntakeQuestionnaire.WHAT_SEEMS_MISSING,
                new Coding(IntakeQuestionnaire.MISSING_SYSTEM, "MOLECULAR_TESTING", null));
        answer(response.getItem(), IntakeQuestionnaire.OPEN_CONCERNS, new StringType("Was molecular testing done?"));
        answer(response.getItem(), IntakeQuestionnaire.PLANNED_TREATMENT_START, new DateType("2026-12-07"));
        answer(response.getItem(), IntakeQuestionnaire.QUESTION_FOR_PANEL,
                new StringType("Should I have chemotherapy or immunotherapy before the operation instead?"));
        QuestionnaireResponseItemComponent first = response.addItem().setLinkId(IntakeQuestionnaire.FIRST_OPINION);
        answer(first.getItem(), IntakeQuestionnaire.FIRST_OPINION_SUMMARY,
                new StringType("Lobectomy followed by adjuvant chemotherapy"));
        answer(first.getItem(), IntakeQuestionnaire.FIRST_OPINION_AUTHOR, new StringType("Dr Hartono"));
        answer(first.getItem(), IntakeQuestionnaire.FIRST_OPINION_DATE, new DateType("2026-11-10"));
        QuestionnaireResponseItemComponent team = response.addItem().setLinkId(IntakeQuestionnaire.TREATING_TEAM);
        answer(team.getItem(), IntakeQuestionnaire.TREATING_INSTITUTION, new StringType("RS Jakarta"));
        QuestionnaireResponseItemComponent previous = response.addItem().setLinkId(IntakeQuestionnaire.PREVIOUS_OPINION);
        answer(previous.getItem(), IntakeQuestionnaire.PREVIOUS_OPINION_DATE, new DateType("2026-11-12"));
        answer(previous.getItem(), IntakeQuestionnaire.PREVIOUS_OPINION_INSTITUTION, new StringType("RS Surabaya"));
        answer(previous.getItem(), IntakeQuestionnaire.PREVIOUS_OPINION_SUMMARY, new StringType("Agreed with surgery"));
        answer(response.getItem(), IntakeQuestionnaire.CAREGIVER_HAS_CONSENT, new BooleanType(true));
        return response;
    }

    static void answer(List<QuestionnaireResponseItemComponent> items, String linkId, Type value) {
        QuestionnaireResponseItemComponent item = items.stream().filter(i -> linkId.equals(i.getLinkId())).findFirst()
                .orElseGet(() -> {
                    QuestionnaireResponseItemComponent created = new QuestionnaireResponseItemComponent().setLinkId(linkId);
                    items.add(created);
                    return created;
                });
        item.addAnswer().setValue(value);
    }
}
