package org.consilium.intake.request;

import org.consilium.events.CaseAccepted;
import org.consilium.events.CaseParty;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.CaseWithdrawn;
import org.consilium.events.ConsentChanged;
import org.consilium.events.Envelope;
import org.consilium.events.Recipient;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.SendNotification;
import org.consilium.events.Roles;
import org.consilium.events.Urgency;
import org.consilium.support.access.CaseAudience;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.outbox.OutboxEntry;
import org.consilium.support.security.Caller;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/**
 * A second-opinion request and where it stands. Every change and the event it causes are
 * written in one document save (the outbox lives inside), and inbound events are remembered by
 * id so a redelivery changes nothing.
 */
@Document("cases")
// the coordinators' list of a stage, oldest first (CaseRequests.inStage), and the stage counts (CaseStageMetrics)
@CompoundIndex(name = "stage_submitted", def = "{'stage': 1, 'submittedAt': 1}")
// the patient's own cases, newest first: a real MongoDB refuses an unindexed sort past 100 MB
@CompoundIndex(name = "submitted_newest", def = "{'submittedAt': -1}")
public class SecondOpinionCase {
    /** Clinicians are written to in English until the intake asks for the doctor's language. */
    static final String DOCTOR_LANGUAGE = "en";
    @Id
    private final String id;
    @Version
    private Long version;
    private final String questionnaireVersion;
    @Indexed(unique = true, sparse = true)
    private final String idempotencyKey;
    /** The request the key answered (RequestFingerprint); {@code null} for cases opened before it was kept. */
    private final String requestFingerprint;
    /** As submitted; a case a hospital opened gets the patient's part once, when they give it. */
    private CaseIntake intake;
    private final Instant submittedAt;
    private Stage stage;
    private final List<StageChange> history;
    private Urgency urgency;
    private List<String> disciplines;
    private int documentsReceived;
    private String withdrawalReason;
    private final List<OutboxEntry> outbox;
    private final List<String> appliedEvents;
    private final List<ConsentChange> consentHistory;
    private final List<SubmittedRecord> submittedRecords;
    /** {@code null} for cases submitted before tokens were enforced, or with them switched off. */
    private final Submitter submitter;
    /** While {@link Stage#AWAITING_PATIENT}: the intake fields only the patient can give, as named by validation. */
    private List<String> awaitedFromPatient;

    @PersistenceCreator
    SecondOpinionCase(String id, Long version, String questionnaireVersion, String idempotencyKey,
                      String requestFingerprint, CaseIntake intake,
                      Instant submittedAt, Stage stage, List<StageChange> history, Urgency urgency,
                      List<String> disciplines, int documentsReceived, String withdrawalReason,
                      List<OutboxEntry> outbox, List<String> appliedEvents, List<ConsentChange> consentHistory,
                      List<SubmittedRecord> submittedRecords, Submitter submitter, List<String> awaitedFromPatient) {
        this.id = id;
        this.version = version;
        this.questionnaireVersion = questionnaireVersion;
        this.idempotencyKey = idempotencyKey;
        this.requestFingerprint = requestFingerprint;
        this.intake = intake;
        this.submittedAt = submittedAt;
        this.stage = stage;
        this.history = new ArrayList<>(history == null ? List.of() : history);
        this.urgency = urgency;
        this.disciplines = disciplines == null ? List.of() : disciplines;
        this.documentsReceived = documentsReceived;
        this.withdrawalReason = withdrawalReason;
        this.outbox = new ArrayList<>(outbox == null ? List.of() : outbox);
        this.appliedEvents = new ArrayList<>(appliedEvents == null ? List.of() : appliedEvents);
        this.consentHistory = new ArrayList<>(consentHistory == null ? List.of() : consentHistory);
        this.submittedRecords = submittedRecords == null ? List.of() : List.copyOf(submittedRecords);
        this.submitter = submitter;
        this.awaitedFromPatient = awaitedFromPatient == null ? List.of() : List.copyOf(awaitedFromPatient);
    }

    public static SecondOpinionCase submit(String id, CaseIntake intake, String idempotencyKey, Instant now) {
        return submit(id, intake, List.of(), idempotencyKey, null, null, now);
    }

    /** Opens a case; the consent history starts with the consent given in the intake, one entry per purpose. */
    public static SecondOpinionCase submit(String id, CaseIntake intake, List<SubmittedRecord> records,
                                           String idempotencyKey, String requestFingerprint, Submitter submitter,
                                           Instant now) {
        List<ConsentChange> consents = Arrays.stream(ConsentPurpose.values())
                .map(p -> new ConsentChange(p, p.grantedIn(intake.consent()), now)).toList();
        SecondOpinionCase request = new SecondOpinionCase(id, null, CaseIntake.VERSION, idempotencyKey, requestFingerprint, intake, now,
                Stage.SUBMITTED, List.of(new StageChange(Stage.SUBMITTED, now)), null, List.of(), 0, null, null, null,
                consents, records, submitter, null);
        request.outbox.add(OutboxEntry.of(request.submittedEvent(now), now));
        return request;
    }

    /**
     * Opens a case a hospital sent (records, no consent, no question) to wait for the patient. Nothing
     * about the case is published (only the question to the patient, {@link #askPatient}): without the patient's
     * consent no other service may hold their data, so the case
     * exists only here, for the patient and the coordinators, until {@link #submitByPatient}. No consent
     * is recorded either: the patient has not been asked yet, which is not the same as refusing.
     *
     * @param awaited the intake fields the patient still has to give
     */
    public static SecondOpinionCase awaitPatient(String id, CaseIntake fromHospital, List<SubmittedRecord> records,
                                                 String idempotencyKey, String requestFingerprint, Submitter submitter,
                                                 List<String> awaited, Instant now) {
        SecondOpinionCase waiting = new SecondOpinionCase(id, null, CaseIntake.VERSION, idempotencyKey, requestFingerprint,
                fromHospital, now, Stage.AWAITING_PATIENT, List.of(new StageChange(Stage.AWAITING_PATIENT, now)), null,
                List.of(), 0, null, null, null, null, records, submitter, awaited);
        waiting.askPatient(now);
        return waiting;
    }

    /**
     * The patient is told that her hospital asked for her and that we need her consent and question, when the
     * hospital gave her address (the coordinators see every waiting case either way). Her name and address go to
     * notification-service for this one message only: asking is what her consent needs before anything else may
     * travel. One id per case, so the message is sent once.
     */
    private void askPatient(Instant now) {
        CaseIntake.Patient patient = intake.patient();
        if (patient.email() == null || patient.email().isBlank()) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("awaited", String.join(", ", awaitedFromPatient));
        CaseIntake.TreatingTeam team = intake.currentTreatingTeam();
        if (team != null && team.institution() != null) {
            parameters.put("institution", team.institution());
        }
        Recipient reader = new Recipient(patient.name(), patient.email(),
                patient.languages() == null || patient.languages().isEmpty() ? null : patient.languages().get(0));
        outbox.add(OutboxEntry.of(new SendNotification(id, reader, NotificationPurpose.PATIENT_ANSWERS_REQUESTED,
                parameters), Envelope.derivedId(id, "patient-answers-requested"), now));
    }

    /** The hospital's intake completed with the patient's answers, to be validated whole before {@link #submitByPatient}. */
    public CaseIntake completedWith(PatientAnswers answers) {
        requireAwaitingPatient();
        String known = intake.patient().email();
        if (answers.email() != null && known != null && !known.equalsIgnoreCase(answers.email().trim())) {
            throw DomainProblem.conflict("patient-email-differs", "case " + id + " already names the patient's "
                    + "e-mail; it is who may answer for the patient and cannot be replaced here");
        }
        return intake.completedWith(answers);
    }

    /**
     * The patient gave their consent and question: the case is submitted as if it had come complete,
     * {@code CaseSubmitted} through the outbox (its time is now: the clocks start when the case can be
     * worked on), and the consent history opens with the patient's answers.
     */
    public void submitByPatient(CaseIntake completed, Instant now) {
        requireAwaitingPatient();
        intake = completed;
        awaitedFromPatient = List.of();
        Arrays.stream(ConsentPurpose.values())
                .forEach(p -> consentHistory.add(new ConsentChange(p, p.grantedIn(completed.consent()), now)));
        moveTo(Stage.SUBMITTED, now);
        outbox.add(OutboxEntry.of(submittedEvent(now), now));
    }

    private void requireAwaitingPatient() {
        if (stage != Stage.AWAITING_PATIENT) {
            throw DomainProblem.conflict("case-not-awaiting-patient", "case " + id + " is " + stage
                    + ": its consent and question were given already");
        }
    }

    public boolean isAwaitingPatient() {
        return stage == Stage.AWAITING_PATIENT;
    }

    public List<String> awaitedFromPatient() {
        return awaitedFromPatient;
    }

    private CaseSubmitted submittedEvent(Instant submittedAt) {
        CaseIntake.Patient patient = intake.patient();
        String language = patient.languages().get(0);
        // The report and every notice name the patient; each reader is greeted by their own name. The caregiver
        // reads in the patient's language: the intake asks for hers only.
        Recipient patientReader = new Recipient(patient.name(), patient.email(), language);
        Recipient caregiver = intake.proxy() == null ? null
                : new Recipient(intake.proxy().name(), intake.proxy().email(), language);
        // The contact (kept for older consumers) is whoever acts for the patient: the caregiver when there is one.
        Recipient contact = caregiver != null ? caregiver : patientReader;
        CaseIntake.TreatingTeam team = intake.currentTreatingTeam();
        List<String> consented = Arrays.stream(ConsentPurpose.values()).filter(p -> p.grantedIn(intake.consent()))
                .map(ConsentPurpose::code).toList();
        // the doctor is named to the process only when the patient allows contacting them
        Recipient doctor = team == null || team.email() == null || !intake.consent().contactCurrentDoctor() ? null
                : new Recipient(team.doctorName() == null ? "Doctor" : team.doctorName(), team.email(), DOCTOR_LANGUAGE);
        return new CaseSubmitted(id, intake.diagnosis().cancerType().code(), intake.decisionsAtStake().get(0).name(),
                intake.plannedTreatmentStart(), intake.questionForPanel(), intake.firstOpinion().summary(), contact,
                patient.languages(), patient.timeZone(), patient.country(), submittedAt,
                team == null ? null : team.institution(),
                submittedRecords.stream().filter(SubmittedRecord::hasContent).map(SubmittedRecord::asDocument).toList(),
                consented, doctor, parties(), patientReader, caregiver);
    }

    /**
     * Who may see the case besides staff and its panel, by the e-mail their token must carry: the
     * patient, the caregiver acting for them, and as referrer the treating doctor and a referrer who
     * submitted it. A referrer's access still depends on the consent to contact them
     * ({@link CaseAudience}), so naming the doctor here opens nothing by itself.
     */
    public List<CaseParty> parties() {
        List<CaseParty> parties = new ArrayList<>();
        // a hospital's Bundle may name no e-mail for the patient: then only staff see the case until it is given
        if (intake.patient().email() != null) {
            parties.add(new CaseParty(Roles.PATIENT, intake.patient().email()));
        }
        if (intake.proxy() != null && intake.proxy().email() != null) {
            parties.add(new CaseParty(Roles.CAREGIVER, intake.proxy().email()));
        }
        CaseIntake.TreatingTeam team = intake.currentTreatingTeam();
        if (team != null && team.email() != null) {
            parties.add(new CaseParty(Roles.REFERRER, team.email()));
        }
        if (submitter != null && Roles.REFERRER.equals(submitter.role()) && submitter.email() != null
                && parties.stream().noneMatch(p -> p.role().equals(Roles.REFERRER) && p.email().equalsIgnoreCase(submitter.email()))) {
            parties.add(new CaseParty(Roles.REFERRER, submitter.email()));
        }
        return List.copyOf(parties);
    }

    /** The case's audience for the shared per-case rule: its parties and the consents in force now. */
    public CaseAudience audience() {
        return CaseAudience.of(id, parties(), consents().entrySet().stream().filter(Map.Entry::getValue)
                .map(e -> e.getKey().code()).toList());
    }

    /** Whether the caller is the case's patient or the caregiver acting for them (by role and token e-mail). */
    public boolean isPatientSide(Caller caller) {
        return parties().stream().anyMatch(p -> (p.role().equals(Roles.PATIENT) || p.role().equals(Roles.CAREGIVER))
                && caller.has(p.role()) && caller.isPerson(p.email()));
    }

    public void withdraw(String reason, Instant now) {
        if (stage.isFinal()) {
            throw DomainProblem.conflict("case-closed", "case " + id + " is already " + stage + " and cannot be withdrawn");
        }
        boolean known = stage != Stage.AWAITING_PATIENT;
        withdrawalReason = reason;
        moveTo(Stage.WITHDRAWN, now);
        // a case still waiting for the patient was never announced: there is nothing elsewhere to stop
        if (known) {
            outbox.add(OutboxEntry.of(new CaseWithdrawn(id, reason, now), now));
        }
    }

    /**
     * Records a consent decision. A decision that changes the consent in force is published
     * ({@code ConsentChanged}), so what depends on the purpose elsewhere starts or stops (the process
     * stops reminding the current doctor, for one); withdrawing consent for review also withdraws the
     * case, since nothing can be reviewed without it.
     */
    public void decideConsent(ConsentPurpose purpose, boolean granted, Instant now) {
        if (stage == Stage.AWAITING_PATIENT) {
            throw DomainProblem.conflict("case-awaiting-patient", "case " + id + " waits for the patient's consent "
                    + "and question together: POST /cases/" + id + "/questionnaire (or /withdraw)");
        }
        boolean changes = consents().get(purpose) != granted;
        consentHistory.add(new ConsentChange(purpose, granted, now));
        if (changes) {
            outbox.add(OutboxEntry.of(new ConsentChanged(id, purpose.code(), granted, now), now));
        }
        if (purpose == ConsentPurpose.REVIEW && !granted && !stage.isFinal()) {
            withdraw("consent for review withdrawn", now);
        }
    }

    /** The consent in force per purpose: the latest decision for each. */
    public Map<ConsentPurpose, Boolean> consents() {
        Map<ConsentPurpose, Boolean> current = new EnumMap<>(ConsentPurpose.class);
        // cases stored before the consent history existed: the consent given in the intake
        Arrays.stream(ConsentPurpose.values()).forEach(p -> current.put(p, p.grantedIn(intake.consent())));
        consentHistory.forEach(c -> current.put(c.purpose(), c.granted()));
        return current;
    }

    /** When the consent in force for this purpose was given or withdrawn. */
    public Optional<Instant> consentDecidedAt(ConsentPurpose purpose) {
        return consentHistory.stream().filter(c -> c.purpose() == purpose).reduce((a, b) -> b).map(ConsentChange::at);
    }

    public List<ConsentChange> consentHistory() {
        return List.copyOf(consentHistory);
    }

    public List<SubmittedRecord> submittedRecords() {
        return submittedRecords;
    }

    /** Applies a fact published by another context; false when it was applied before or changes nothing. */
    public boolean apply(Envelope event) {
        if (appliedEvents.contains(event.id())) {
            return false;
        }
        appliedEvents.add(event.id());
        switch (event.type()) {
            case CASE_ACCEPTED -> {
                CaseAccepted accepted = event.payload(CaseAccepted.class);
                urgency = accepted.urgency();
                disciplines = accepted.disciplines();
                moveTo(Stage.COLLECTING_RECORDS, event.time());
            }
            case CASE_DECLINED -> moveTo(Stage.DECLINED, event.time());
            case DOCUMENT_RECEIVED -> documentsReceived++;
            case RECORDS_COMPLETED -> moveTo(Stage.RECORDS_COMPLETE, event.time());
            case MDT_SCHEDULED -> moveTo(Stage.MDT_SCHEDULED, event.time());
            case MDT_CONCLUDED -> moveTo(Stage.MDT_CONCLUDED, event.time());
            case REPORT_DELIVERED -> moveTo(Stage.REPORT_DELIVERED, event.time());
            default -> {
                // other facts do not change what the patient is told
            }
        }
        return true;
    }

    private void moveTo(Stage next, Instant at) {
        if (stage.canMoveTo(next)) {
            stage = next;
            history.add(new StageChange(next, at));
        }
    }

    public String id() {
        return id;
    }

    /** Whether a submission with this fingerprint is a retry of the one that opened the case (any, for older cases). */
    public boolean openedBy(String fingerprint) {
        return requestFingerprint == null || requestFingerprint.equals(fingerprint);
    }

    public Stage stage() {
        return stage;
    }

    public CaseIntake intake() {
        return intake;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String questionnaireVersion() {
        return questionnaireVersion;
    }

    public List<StageChange> history() {
        return List.copyOf(history);
    }

    public Optional<Urgency> urgency() {
        return Optional.ofNullable(urgency);
    }

    public List<String> disciplines() {
        return List.copyOf(disciplines);
    }

    public int documentsReceived() {
        return documentsReceived;
    }

    public Optional<Submitter> submitter() {
        return Optional.ofNullable(submitter);
    }

    public Optional<String> withdrawalReason() {
        return Optional.ofNullable(withdrawalReason);
    }
}
