package org.consilium.intake.fhir;

import org.consilium.events.Urgency;
import org.consilium.intake.request.CaseIntake;
import org.consilium.intake.request.ConsentPurpose;
import org.consilium.intake.request.SecondOpinionCase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/** A case as FHIR R4: the request as a ServiceRequest, and the whole intake as a collection Bundle. */
@Component
public class CaseAsFhir {
    static final String STAGE_EXTENSION = "https://consilium.org/fhir/StructureDefinition/case-stage";
    private final String base;

    public CaseAsFhir(@Value("${consilium.fhir.base-url:http://localhost:8081/fhir}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    static String patientId(SecondOpinionCase c) {
        return "patient-" + c.id();
    }

    public ServiceRequest serviceRequest(SecondOpinionCase c) {
        ServiceRequest request = new ServiceRequest();
        request.setId(c.id());
        request.setStatus(switch (c.stage()) {
            case REPORT_DELIVERED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case DECLINED, WITHDRAWN -> ServiceRequest.ServiceRequestStatus.REVOKED;
            // a hospital's request the patient has not consented to yet: not ready to be acted on
            case AWAITING_PATIENT -> ServiceRequest.ServiceRequestStatus.DRAFT;
            default -> ServiceRequest.ServiceRequestStatus.ACTIVE;
        });
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.addExtension(STAGE_EXTENSION, new Coding("https://consilium.org/fhir/CodeSystem/case-stage",
                c.stage().name(), c.stage().name().replace('_', ' ').toLowerCase()));
        request.setCode(new CodeableConcept().setText("Multidisciplinary cancer second opinion"));
        c.urgency().ifPresent(u -> request.setPriority(priority(u)));
        request.setSubject(new Reference("Patient/" + patientId(c)).setDisplay(c.intake().patient().name()));
        request.setAuthoredOn(Date.from(c.submittedAt()));
        request.addReasonReference(new Reference("Condition/condition-" + c.id()));
        request.addSupportingInfo(new Reference("QuestionnaireResponse/intake-" + c.id()));
        if (c.intake().questionForPanel() != null) {
            request.addNote().setText(c.intake().questionForPanel());
        }
        if (c.intake().proxy() != null) {
            request.setRequester(new Reference("RelatedPerson/caregiver-" + c.id()).setDisplay(c.intake().proxy().name()));
        } else {
            request.setRequester(new Reference("Patient/" + patientId(c)));
        }
        return request;
    }

    private static ServiceRequest.ServiceRequestPriority priority(Urgency urgency) {
        return switch (urgency) {
            case ROUTINE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
            case EXPEDITED -> ServiceRequest.ServiceRequestPriority.URGENT;
            case URGENT -> ServiceRequest.ServiceRequestPriority.ASAP;
        };
    }

    public Bundle export(SecondOpinionCase c) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setId("export-" + c.id());
        bundle.setTimestamp(new Date());
        add(bundle, patient(c));
        if (c.intake().proxy() != null) {
            add(bundle, caregiver(c));
        }
        // a case waiting for the patient has no consent yet, neither given nor refused
        if (!c.isAwaitingPatient()) {
            for (ConsentPurpose purpose : ConsentPurpose.values()) {
                add(bundle, consent(c, purpose));
            }
        }
        add(bundle, condition(c));
        add(bundle, serviceRequest(c));
        add(bundle, questionnaireResponse(c));
        return bundle;
    }

    private void add(Bundle bundle, Resource resource) {
        bundle.addEntry().setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                .setResource(resource);
    }

    private Patient patient(SecondOpinionCase c) {
        CaseIntake.Patient p = c.intake().patient();
        Patient patient = new Patient();
        patient.setId(patientId(c));
        patient.addName().setText(p.name());
        patient.setGender(switch (p.sex()) {
            case MALE -> AdministrativeGender.MALE;
            case FEMALE -> AdministrativeGender.FEMALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNDISCLOSED -> AdministrativeGender.UNKNOWN;
        });
        patient.addAddress().setCountry(p.country());
        if (p.email() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.email());
        }
        if (p.phone() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
        }
        for (int i = 0; i < p.languages().size(); i++) {
            patient.addCommunication().setPreferred(i == 0).setLanguage(new CodeableConcept()
                    .addCoding(new Coding("urn:ietf:bcp:47", p.languages().get(i), null)));
        }
        return patient;
    }

    private RelatedPerson caregiver(SecondOpinionCase c) {
        CaseIntake.Proxy proxy = c.intake().proxy();
        RelatedPerson person = new RelatedPerson();
        person.setId("caregiver-" + c.id());
        person.setPatient(new Reference("Patient/" + patientId(c)));
        person.addName().setText(proxy.name());
        person.addRelationship().setText(proxy.relationship());
        person.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(proxy.email());
        return person;
    }

    private Consent consent(SecondOpinionCase c, ConsentPurpose purpose) {
        boolean granted = c.consents().getOrDefault(purpose, false);
        Consent consent = new Consent();
        consent.setId(c.id() + "-consent-" + purpose.ordinal());
        consent.setStatus(Consent.ConsentState.ACTIVE);
        consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope",
                "patient-privacy", "Privacy Consent")));
        consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
        consent.setPatient(new Reference("Patient/" + patientId(c)));
        c.consentDecidedAt(purpose).ifPresent(at -> consent.setDateTime(Date.from(at)));
        consent.addPolicy().setUri("https://consilium.org/policy/consent/" + purpose.code());
        consent.getProvision().setType(granted ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY)
                .addPurpose(new Coding(BundleIntake.CONSENT_PURPOSE_SYSTEM, purpose.code(),
                        purpose.code().replace('-', ' ')));
        return consent;
    }

    private Condition condition(SecondOpinionCase c) {
        CaseIntake.Diagnosis d = c.intake().diagnosis();
        Condition condition = new Condition();
        condition.setId("condition-" + c.id());
        condition.getMeta().addProfile("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition");
        condition.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")));
        condition.setVerificationStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed")));
        condition.setCode(CancerTypeCodes.codeFor(d.cancerType()));
        condition.setSubject(new Reference("Patient/" + patientId(c)));
        if (d.site() != null) {
            condition.addBodySite().setText(d.site());
        }
        if (d.stage() != null) {
            condition.addStage().setSummary(new CodeableConcept().setText(d.stage()));
        }
        if (d.histology() != null) {
            condition.addExtension(BundleIntake.HISTOLOGY, new CodeableConcept().setText(d.histology()));
        }
        return condition;
    }

    private QuestionnaireResponse questionnaireResponse(SecondOpinionCase c) {
        CaseIntake intake = c.intake();
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId("intake-" + c.id());
        response.setQuestionnaire(IntakeQuestionnaire.URL + "|" + c.questionnaireVersion());
        response.setStatus(c.isAwaitingPatient() ? QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS
                : QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(new Reference("Patient/" + patientId(c)));
        response.setAuthored(Date.from(c.submittedAt()));
        optional(response.getItem(), IntakeQuestionnaire.TIME_ZONE, intake.patient().timeZone());
        answer(response.getItem(), IntakeQuestionnaire.AGE, new org.hl7.fhir.r4.model.IntegerType(intake.patient().age()));
        answers(response.getItem(), IntakeQuestionnaire.DECISIONS_AT_STAKE, intake.decisionsAtStake().stream()
                .map(d -> (Type) IntakeQuestionnaire.coding(IntakeQuestionnaire.DECISION_SYSTEM, d)).toList());
        if (intake.treatmentGoal() != null) {
            answer(response.getItem(), IntakeQuestionnaire.TREATMENT_GOAL,
                    IntakeQuestionnaire.coding(IntakeQuestionnaire.GOAL_SYSTEM, intake.treatmentGoal()));
        }
        answers(response.getItem(), IntakeQuestionnaire.WHAT_SEEMS_MISSING, intake.whatSeemsMissing().stream()
                .map(m -> (Type) IntakeQuestionnaire.coding(IntakeQuestionnaire.MISSING_SYSTEM, m)).toList());
        answers(response.getItem(), IntakeQuestionnaire.OPEN_CONCERNS,
                intake.openConcerns().stream().map(s -> (Type) new StringType(s)).toList());
        if (intake.plannedTreatmentStart() != null) {
            answer(response.getItem(), IntakeQuestionnaire.PLANNED_TREATMENT_START, date(intake.plannedTreatmentStart()));
        }
        optional(response.getItem(), IntakeQuestionnaire.QUESTION_FOR_PANEL, intake.questionForPanel());
        if (intake.firstOpinion() != null) {
            QuestionnaireResponseItemComponent first = response.addItem().setLinkId(IntakeQuestionnaire.FIRST_OPINION);
            answer(first.getItem(), IntakeQuestionnaire.FIRST_OPINION_SUMMARY, new StringType(intake.firstOpinion().summary()));
            answer(first.getItem(), IntakeQuestionnaire.FIRST_OPINION_AUTHOR, new StringType(intake.firstOpinion().author()));
            answer(first.getItem(), IntakeQuestionnaire.FIRST_OPINION_DATE, date(intake.firstOpinion().date()));
        }
        CaseIntake.TreatingTeam team = intake.currentTreatingTeam();
        if (team != null) {
            QuestionnaireResponseItemComponent group = response.addItem().setLinkId(IntakeQuestionnaire.TREATING_TEAM);
            optional(group.getItem(), IntakeQuestionnaire.TREATING_DOCTOR, team.doctorName());
            optional(group.getItem(), IntakeQuestionnaire.TREATING_INSTITUTION, team.institution());
            optional(group.getItem(), IntakeQuestionnaire.TREATING_EMAIL, team.email());
            if (group.getItem().isEmpty()) {
                response.getItem().remove(group);
            }
        }
        for (CaseIntake.PreviousOpinion previous : intake.previousSecondOpinions()) {
            QuestionnaireResponseItemComponent group = response.addItem().setLinkId(IntakeQuestionnaire.PREVIOUS_OPINION);
            answer(group.getItem(), IntakeQuestionnaire.PREVIOUS_OPINION_DATE, date(previous.date()));
            answer(group.getItem(), IntakeQuestionnaire.PREVIOUS_OPINION_INSTITUTION, new StringType(previous.institution()));
            answer(group.getItem(), IntakeQuestionnaire.PREVIOUS_OPINION_SUMMARY, new StringType(previous.summary()));
        }
        if (intake.proxy() != null) {
            answer(response.getItem(), IntakeQuestionnaire.CAREGIVER_HAS_CONSENT,
                    new org.hl7.fhir.r4.model.BooleanType(intake.proxy().patientConsents()));
        }
        return response;
    }

    private static DateType date(LocalDate date) {
        return new DateType(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
    }

    private static void optional(List<QuestionnaireResponseItemComponent> items, String linkId, String value) {
        if (value != null && !value.isBlank()) {
            answer(items, linkId, new StringType(value));
        }
    }

    private static void answer(List<QuestionnaireResponseItemComponent> items, String linkId, Type value) {
        answers(items, linkId, List.of(value));
    }

    private static void answers(List<QuestionnaireResponseItemComponent> items, String linkId, List<Type> values) {
        if (values.isEmpty()) {
            return;
        }
        QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent().setLinkId(linkId);
        values.forEach(v -> item.addAnswer().setValue(v));
        items.add(item);
    }
}
