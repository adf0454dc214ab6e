package org.consilium.intake.fhir;

import org.consilium.intake.attachment.IntakeAttachments;
import org.consilium.intake.request.CancerType;
import org.consilium.intake.request.CaseIntake;
import org.consilium.intake.request.ConsentPurpose;
import org.consilium.intake.request.DecisionAtStake;
import org.consilium.intake.request.MissingInformation;
import org.consilium.intake.request.Sex;
import org.consilium.intake.request.SubmittedRecord;
import org.consilium.intake.request.TreatmentGoal;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads one intake out of a FHIR R4 Bundle: Patient, primary cancer Condition, optional
 * RelatedPerson (caregiver), Consent per purpose, the QuestionnaireResponse to
 * {@link IntakeQuestionnaire}, and the metadata of DocumentReference, DiagnosticReport,
 * ImagingStudy and MedicationStatement entries. What it cannot read it reports as issues with
 * their location; what is absent stays null, so the intake's own validation names it.
 */
final class BundleIntake {
    static final String CONSENT_PURPOSE_SYSTEM = IntakeQuestionnaire.CODE_SYSTEM_BASE + "consent-purpose";

    private final Bundle bundle;
    private final LocalDate today;
    private final List<FhirIssue> issues = new ArrayList<>();
    /** Intake fields whose problem is already an issue here, more precisely than bean validation would say it. */
    private final Set<String> reported = new HashSet<>();
    private Integer patientIndex;
    private Integer conditionIndex;
    private Integer relatedPersonIndex;
    private Integer responseIndex;

    BundleIntake(Bundle bundle, LocalDate today) {
        this.bundle = bundle;
        this.today = today;
    }

    /**
     * @param content      the attachments' content that came inline, by attachment id (in {@code records})
     * @param fromHospital the Bundle holds no Consent and no QuestionnaireResponse: records as a hospital
     *                     sends them, with nothing of the patient's own part
     */
    record Result(CaseIntake intake, List<SubmittedRecord> records, Map<String, IntakeAttachments.Content> content,
                  List<FhirIssue> issues, boolean fromHospital) {
    }

    Result read() {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.COLLECTION) {
            issues.add(FhirIssue.invalid("Bundle.type", "must be transaction or collection, not "
                    + (bundle.getType() == null ? "absent" : bundle.getType().toCode())));
        }
        List<Resource> resources = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
        patientIndex = single(resources, "Patient", true);
        relatedPersonIndex = single(resources, "RelatedPerson", false);
        responseIndex = single(resources, "QuestionnaireResponse", false);
        conditionIndex = primaryCondition(resources);

        Patient patient = patientIndex == null ? null : (Patient) resources.get(patientIndex);
        QuestionnaireResponse response = responseIndex == null ? null : (QuestionnaireResponse) resources.get(responseIndex);
        Answers answers = new Answers(response);
        if (response != null && response.hasQuestionnaire()
                && !response.getQuestionnaire().split("\\|")[0].equals(IntakeQuestionnaire.URL)) {
            issues.add(FhirIssue.invalid(resource(responseIndex, "QuestionnaireResponse") + ".questionnaire",
                    "answers " + response.getQuestionnaire() + "; this service reads " + IntakeQuestionnaire.canonical()));
        }

        CaseIntake.Patient patientPart = patient == null ? null : patient(patient, answers);
        CaseIntake.Proxy proxy = relatedPersonIndex == null ? null
                : proxy((RelatedPerson) resources.get(relatedPersonIndex), answers);
        CaseIntake.Consent consent = consent(resources);
        CaseIntake.Diagnosis diagnosis = conditionIndex == null ? null : diagnosis((Condition) resources.get(conditionIndex));
        String doctor = answers.string(IntakeQuestionnaire.TREATING_DOCTOR);
        if (doctor == null && conditionIndex != null && ((Condition) resources.get(conditionIndex)).getAsserter().hasDisplay()) {
            doctor = ((Condition) resources.get(conditionIndex)).getAsserter().getDisplay();
        }
        String institution = answers.string(IntakeQuestionnaire.TREATING_INSTITUTION);
        String doctorEmail = answers.string(IntakeQuestionnaire.TREATING_EMAIL);
        CaseIntake.TreatingTeam team = doctor == null && institution == null && doctorEmail == null ? null
                : new CaseIntake.TreatingTeam(doctor, institution, doctorEmail);
        CaseIntake.FirstOpinion firstOpinion = response == null ? null : new CaseIntake.FirstOpinion(
                answers.string(IntakeQuestionnaire.FIRST_OPINION_SUMMARY),
                answers.string(IntakeQuestionnaire.FIRST_OPINION_AUTHOR),
                answers.date(IntakeQuestionnaire.FIRST_OPINION_DATE));
        List<DecisionAtStake> decisions = answers.codes(IntakeQuestionnaire.DECISIONS_AT_STAKE, DecisionAtStake.class);
        List<TreatmentGoal> goals = answers.codes(IntakeQuestionnaire.TREATMENT_GOAL, TreatmentGoal.class);
        List<MissingInformation> missing = answers.codes(IntakeQuestionnaire.WHAT_SEEMS_MISSING, MissingInformation.class);
        CaseIntake intake = new CaseIntake(patientPart, proxy, consent, diagnosis, team, firstOpinion, decisions,
                goals.isEmpty() ? null : goals.get(0), missing, answers.strings(IntakeQuestionnaire.OPEN_CONCERNS),
                answers.date(IntakeQuestionnaire.PLANNED_TREATMENT_START),
                answers.string(IntakeQuestionnaire.QUESTION_FOR_PANEL), answers.previousOpinions());
        BundleRecords.Read records = new BundleRecords(resources, today).read();
        issues.addAll(records.issues());
        boolean fromHospital = responseIndex == null && indexesOf(resources, "Consent").isEmpty();
        return new Result(intake, records.records(), records.content(), issues, fromHospital);
    }

    // ---- where things are, for the OperationOutcome ----

    String resource(Integer index, String type) {
        return index == null ? "Bundle.entry.resource.ofType(" + type + ")" : "Bundle.entry[" + index + "].resource";
    }

    String item(String linkId) {
        return resource(responseIndex, "QuestionnaireResponse") + ".repeat(item).where(linkId='" + linkId + "')";
    }

    /** Whether this field's problem is already among the issues (so it is reported once). */
    boolean reported(String propertyPath) {
        return reported.contains(propertyPath);
    }

    /** Where in the Bundle an intake field (a bean-validation property path) comes from. */
    String locate(String propertyPath) {
        String path = propertyPath.replaceAll("\\[\\d*]", "").replace(".<list element>", "")
                .replace(".<iterable element>", "");
        String[] parts = path.split("\\.");
        String root = parts[0];
        String field = parts.length > 1 ? parts[1] : "";
        String patient = resource(patientIndex, "Patient");
        String person = resource(relatedPersonIndex, "RelatedPerson");
        String condition = resource(conditionIndex, "Condition");
        return switch (root) {
            case "patient" -> switch (field) {
                case "" -> patient;
                case "name" -> patient + ".name";
                case "age" -> patient + ".birthDate | " + item(IntakeQuestionnaire.AGE);
                case "sex" -> patient + ".gender";
                case "country" -> patient + ".address.country";
                case "languages" -> patient + ".communication.language";
                case "timeZone" -> item(IntakeQuestionnaire.TIME_ZONE);
                case "email" -> patient + ".telecom.where(system='email')";
                case "phone" -> patient + ".telecom.where(system='phone')";
                default -> patient;
            };
            case "proxy" -> switch (field) {
                case "name" -> person + ".name";
                case "relationship" -> person + ".relationship";
                case "email" -> person + ".telecom.where(system='email')";
                case "patientConsents" -> item(IntakeQuestionnaire.CAREGIVER_HAS_CONSENT);
                default -> person;
            };
            case "consent" -> {
                ConsentPurpose purpose = switch (field) {
                    case "review" -> ConsentPurpose.REVIEW;
                    case "shareWithPanel" -> ConsentPurpose.SHARE_WITH_PANEL;
                    case "crossBorderTransfer" -> ConsentPurpose.CROSS_BORDER_TRANSFER;
                    default -> ConsentPurpose.CONTACT_CURRENT_DOCTOR;
                };
                yield field.isEmpty() ? "Bundle.entry.resource.ofType(Consent)"
                        : "Bundle.entry.resource.ofType(Consent).where(provision.purpose.code='" + purpose.code() + "')";
            }
            case "diagnosis" -> switch (field) {
                case "site" -> condition + ".bodySite";
                case "stage" -> condition + ".stage.summary";
                case "histology" -> condition + ".extension('" + HISTOLOGY + "')";
                case "" -> condition;
                default -> condition + ".code";
            };
            case "currentTreatingTeam" -> switch (field) {
                case "doctorName" -> item(IntakeQuestionnaire.TREATING_DOCTOR);
                case "institution" -> item(IntakeQuestionnaire.TREATING_INSTITUTION);
                case "email" -> item(IntakeQuestionnaire.TREATING_EMAIL);
                default -> item(IntakeQuestionnaire.TREATING_TEAM);
            };
            case "firstOpinion" -> switch (field) {
                case "summary" -> item(IntakeQuestionnaire.FIRST_OPINION_SUMMARY);
                case "author" -> item(IntakeQuestionnaire.FIRST_OPINION_AUTHOR);
                case "date" -> item(IntakeQuestionnaire.FIRST_OPINION_DATE);
                default -> item(IntakeQuestionnaire.FIRST_OPINION);
            };
            case "decisionsAtStake" -> item(IntakeQuestionnaire.DECISIONS_AT_STAKE);
            case "treatmentGoal" -> item(IntakeQuestionnaire.TREATMENT_GOAL);
            case "whatSeemsMissing" -> item(IntakeQuestionnaire.WHAT_SEEMS_MISSING);
            case "openConcerns" -> item(IntakeQuestionnaire.OPEN_CONCERNS);
            case "plannedTreatmentStart" -> item(IntakeQuestionnaire.PLANNED_TREATMENT_START);
            case "questionForPanel" -> item(IntakeQuestionnaire.QUESTION_FOR_PANEL);
            case "previousSecondOpinions" -> item(IntakeQuestionnaire.PREVIOUS_OPINION);
            default -> "Bundle";
        };
    }

    // ---- the resources ----

    private Integer single(List<Resource> resources, String type, boolean required) {
        List<Integer> found = indexesOf(resources, type);
        if (found.size() > 1) {
            issues.add(FhirIssue.error(org.hl7.fhir.r4.model.OperationOutcome.IssueType.BUSINESSRULE,
                    "Bundle.entry[" + found.get(1) + "].resource",
                    "the Bundle may hold only one " + type + " (found " + found.size() + ")"));
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Integer> indexesOf(List<Resource> resources, String type) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i) != null && type.equals(resources.get(i).fhirType())) {
                found.add(i);
            }
        }
        return found;
    }

    /** The mCODE PrimaryCancerCondition if one says so, else the first Condition naming a known cancer, else the first. */
    private Integer primaryCondition(List<Resource> resources) {
        List<Integer> conditions = indexesOf(resources, "Condition");
        return conditions.stream()
                .filter(i -> resources.get(i).getMeta().getProfile().stream()
                        .anyMatch(p -> p.getValue() != null && p.getValue().toLowerCase(Locale.ROOT).contains("primary")))
                .findFirst()
                .or(() -> conditions.stream()
                        .filter(i -> CancerTypeCodes.of(((Condition) resources.get(i)).getCode()) != CancerType.OTHER)
                        .findFirst())
                .or(() -> conditions.stream().findFirst())
                .orElse(null);
    }

    private CaseIntake.Patient patient(Patient patient, Answers answers) {
        String name = patient.getName().stream().map(BundleIntake::name).filter(Objects::nonNull).findFirst().orElse(null);
        Integer age = patient.hasBirthDate() ? Integer.valueOf(Period.between(localDate(patient.getBirthDateElement()), today).getYears())
                : answers.integer(IntakeQuestionnaire.AGE);
        Sex sex = !patient.hasGender() ? null : switch (patient.getGender()) {
            case MALE -> Sex.MALE;
            case FEMALE -> Sex.FEMALE;
            case OTHER -> Sex.OTHER;
            default -> Sex.UNDISCLOSED;
        };
        String country = country(patient);
        List<String> languages = patient.getCommunication().stream()
                .sorted(Comparator.comparing(c -> !c.getPreferred()))
                .map(c -> c.getLanguage().getCoding().stream().map(Coding::getCode).filter(Objects::nonNull).findFirst()
                        .orElse(c.getLanguage().getText()))
                .filter(Objects::nonNull).toList();
        return new CaseIntake.Patient(name, age, sex, country, languages, answers.string(IntakeQuestionnaire.TIME_ZONE),
                telecom(patient.getTelecom(), ContactPoint.ContactPointSystem.EMAIL),
                telecom(patient.getTelecom(), ContactPoint.ContactPointSystem.PHONE));
    }

    /** The first address's country that has one, as ISO 3166 alpha-2; a name R4 allows there is read too. */
    private String country(Patient patient) {
        for (int a = 0; a < patient.getAddress().size(); a++) {
            String written = patient.getAddress().get(a).getCountry();
            if (written != null && !written.isBlank()) {
                Optional<String> code = Countries.alpha2(written);
                if (code.isEmpty()) {
                    reported.add("patient.country");
                    issues.add(FhirIssue.invalid(resource(patientIndex, "Patient") + ".address[" + a + "].country",
                            "patient country '" + written + "' is not a country this service knows: write its ISO 3166 "
                                    + "code (US, ID, AE) or its English name (United States, Indonesia)"));
                }
                return code.orElse(null);
            }
        }
        return null;
    }

    private CaseIntake.Proxy proxy(RelatedPerson person, Answers answers) {
        String name = person.getName().stream().map(BundleIntake::name).filter(Objects::nonNull).findFirst().orElse(null);
        String relationship = person.getRelationship().stream().map(BundleIntake::words).filter(Objects::nonNull)
                .findFirst().orElse(null);
        Boolean consents = answers.bool(IntakeQuestionnaire.CAREGIVER_HAS_CONSENT);
        return new CaseIntake.Proxy(name, relationship, telecom(person.getTelecom(), ContactPoint.ContactPointSystem.EMAIL),
                Boolean.TRUE.equals(consents));
    }

    /** A purpose is consented when an active Consent permits it; absent or denied means no. */
    private CaseIntake.Consent consent(List<Resource> resources) {
        Map<ConsentPurpose, Boolean> granted = new EnumMap<>(ConsentPurpose.class);
        for (Integer i : indexesOf(resources, "Consent")) {
            Consent consent = (Consent) resources.get(i);
            if (consent.getStatus() != Consent.ConsentState.ACTIVE) {
                continue;
            }
            boolean permit = consent.getProvision().getType() != Consent.ConsentProvisionType.DENY;
            List<Coding> purposes = consent.getProvision().getPurpose();
            if (purposes.isEmpty()) {
                issues.add(FhirIssue.required("Bundle.entry[" + i + "].resource.provision.purpose",
                        "a Consent must name its purpose (" + CONSENT_PURPOSE_SYSTEM + ": "
                                + Arrays.stream(ConsentPurpose.values()).map(ConsentPurpose::code)
                                .collect(Collectors.joining(", ")) + ")"));
            }
            for (int p = 0; p < purposes.size(); p++) {
                String code = purposes.get(p).getCode();
                ConsentPurpose purpose = Arrays.stream(ConsentPurpose.values())
                        .filter(c -> c.code().equals(code) || c.name().equals(code)).findFirst().orElse(null);
                if (purpose == null) {
                    issues.add(FhirIssue.error(org.hl7.fhir.r4.model.OperationOutcome.IssueType.CODEINVALID,
                            "Bundle.entry[" + i + "].resource.provision.purpose[" + p + "]",
                            "unknown consent purpose '" + code + "', expected one of " + Arrays.stream(ConsentPurpose.values())
                                    .map(ConsentPurpose::code).collect(Collectors.joining(", "))));
                } else {
                    granted.put(purpose, permit);
                }
            }
        }
        Function<ConsentPurpose, Boolean> of = p -> granted.getOrDefault(p, false);
        return new CaseIntake.Consent(of.apply(ConsentPurpose.REVIEW), of.apply(ConsentPurpose.SHARE_WITH_PANEL),
                of.apply(ConsentPurpose.CROSS_BORDER_TRANSFER), of.apply(ConsentPurpose.CONTACT_CURRENT_DOCTOR));
    }

    static final String HISTOLOGY = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior";

    private CaseIntake.Diagnosis diagnosis(Condition condition) {
        CancerType type = condition.hasCode() ? CancerTypeCodes.of(condition.getCode()) : null;
        String site = condition.getBodySite().stream().map(BundleIntake::words).filter(Objects::nonNull).findFirst()
                .orElse(null);
        String stage = condition.getStage().stream().filter(s -> s.hasSummary()).map(s -> words(s.getSummary()))
                .filter(Objects::nonNull).findFirst().orElse(null);
        String histology = condition.getExtension().stream()
                .filter(e -> e.getUrl() != null && e.getUrl().toLowerCase(Locale.ROOT).contains("histologymorphologybehavior")
                        || e.getUrl() != null && e.getUrl().contains("histology-morphology-behavior"))
                .map(Extension::getValue).filter(v -> v instanceof CodeableConcept).map(v -> words((CodeableConcept) v))
                .filter(Objects::nonNull).findFirst().orElse(null);
        return new CaseIntake.Diagnosis(type, site, stage, histology);
    }


    // ---- small readers ----

    private static String name(HumanName name) {
        String text = name.hasText() ? name.getText() : name.getNameAsSingleString();
        return text == null || text.isBlank() ? null : text.trim();
    }

    static String words(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().map(c -> c.hasDisplay() ? c.getDisplay() : c.getCode())
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String telecom(List<ContactPoint> telecom, ContactPoint.ContactPointSystem system) {
        return telecom.stream().filter(t -> t.getSystem() == system).map(ContactPoint::getValue).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static LocalDate localDate(BaseDateTimeType value) {
        return LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
    }

    /** The QuestionnaireResponse's answers by linkId, wherever in the item tree they sit. */
    private final class Answers {
        private final List<QuestionnaireResponseItemComponent> items = new ArrayList<>();

        Answers(QuestionnaireResponse response) {
            if (response != null) {
                collect(response.getItem());
            }
        }

        private void collect(List<QuestionnaireResponseItemComponent> level) {
            for (QuestionnaireResponseItemComponent item : level) {
                items.add(item);
                collect(item.getItem());
                item.getAnswer().forEach(a -> collect(a.getItem()));
            }
        }

        List<Type> values(String linkId) {
            return items.stream().filter(i -> linkId.equals(i.getLinkId()))
                    .flatMap(i -> i.getAnswer().stream()).map(QuestionnaireResponseItemAnswerComponent::getValue)
                    .filter(Objects::nonNull).toList();
        }

        String string(String linkId) {
            List<String> all = strings(linkId);
            return all.isEmpty() ? null : all.get(0);
        }

        List<String> strings(String linkId) {
            return values(linkId).stream().map(Type::primitiveValue).filter(Objects::nonNull).toList();
        }

        Integer integer(String linkId) {
            return values(linkId).stream().map(Type::primitiveValue).filter(Objects::nonNull).map(v -> {
                try {
                    return Integer.valueOf(v);
                } catch (NumberFormatException e) {
                    issues.add(FhirIssue.invalid(item(linkId), "'" + v + "' is not a whole number"));
                    return null;
                }
            }).filter(Objects::nonNull).findFirst().orElse(null);
        }

        Boolean bool(String linkId) {
            return values(linkId).stream().map(v -> "true".equals(v.primitiveValue())).findFirst().orElse(null);
        }

        LocalDate date(String linkId) {
            return date(values(linkId), linkId);
        }

        private LocalDate date(List<Type> values, String linkId) {
            for (Type value : values) {
                if (value instanceof BaseDateTimeType d && d.getValue() != null) {
                    return localDate(d);
                }
                try {
                    return LocalDate.parse(value.primitiveValue());
                } catch (RuntimeException e) {
                    issues.add(FhirIssue.invalid(item(linkId), "'" + value.primitiveValue() + "' is not a date"));
                }
            }
            return null;
        }

        <E extends Enum<E>> List<E> codes(String linkId, Class<E> type) {
            List<E> codes = new ArrayList<>();
            for (Type value : values(linkId)) {
                String code = value instanceof Coding c ? c.getCode() : value.primitiveValue();
                try {
                    codes.add(Enum.valueOf(type, String.valueOf(code).trim().toUpperCase(Locale.ROOT).replace('-', '_')
                            .replace(' ', '_')));
                } catch (IllegalArgumentException e) {
                    issues.add(FhirIssue.error(org.hl7.fhir.r4.model.OperationOutcome.IssueType.CODEINVALID, item(linkId),
                            "unknown answer '" + code + "', expected one of " + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name).collect(Collectors.joining(", "))));
                }
            }
            return codes;
        }

        List<CaseIntake.PreviousOpinion> previousOpinions() {
            return items.stream().filter(i -> IntakeQuestionnaire.PREVIOUS_OPINION.equals(i.getLinkId())).map(group -> {
                Map<String, List<Type>> answers = new java.util.HashMap<>();
                group.getItem().forEach(child -> answers.put(child.getLinkId(), child.getAnswer().stream()
                        .map(QuestionnaireResponseItemAnswerComponent::getValue).filter(Objects::nonNull).toList()));
                Function<String, String> text = id -> answers.getOrDefault(id, List.of()).stream()
                        .map(Type::primitiveValue).findFirst().orElse(null);
                return new CaseIntake.PreviousOpinion(
                        date(answers.getOrDefault(IntakeQuestionnaire.PREVIOUS_OPINION_DATE, List.of()),
                                IntakeQuestionnaire.PREVIOUS_OPINION_DATE),
                        text.apply(IntakeQuestionnaire.PREVIOUS_OPINION_INSTITUTION),
                        text.apply(IntakeQuestionnaire.PREVIOUS_OPINION_SUMMARY));
            }).toList();
        }
    }
}
