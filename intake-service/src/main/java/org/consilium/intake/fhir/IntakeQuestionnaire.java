package org.consilium.intake.fhir;

import org.consilium.intake.request.CaseIntake;
import org.consilium.intake.request.DecisionAtStake;
import org.consilium.intake.request.MissingInformation;
import org.consilium.intake.request.TreatmentGoal;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;

import java.util.Arrays;
import java.util.Locale;

/**
 * The intake questionnaire as FHIR (version {@link CaseIntake#VERSION}). Its item linkIds are
 * exactly the ones the QuestionnaireResponse import reads; what the other resources of the
 * Bundle carry (patient, caregiver, consent, diagnosis) is not asked again here.
 */
public final class IntakeQuestionnaire {
    public static final String URL = "https://consilium.org/fhir/Questionnaire/second-opinion-intake";
    public static final String CODE_SYSTEM_BASE = "https://consilium.org/fhir/CodeSystem/";
    public static final String DECISION_SYSTEM = CODE_SYSTEM_BASE + "decision-at-stake";
    public static final String GOAL_SYSTEM = CODE_SYSTEM_BASE + "treatment-goal";
    public static final String MISSING_SYSTEM = CODE_SYSTEM_BASE + "missing-information";

    public static final String TIME_ZONE = "patient-time-zone";
    public static final String AGE = "patient-age";
    public static final String DECISIONS_AT_STAKE = "decisions-at-stake";
    public static final String TREATMENT_GOAL = "treatment-goal";
    public static final String WHAT_SEEMS_MISSING = "what-seems-missing";
    public static final String OPEN_CONCERNS = "open-concerns";
    public static final String PLANNED_TREATMENT_START = "planned-treatment-start";
    public static final String QUESTION_FOR_PANEL = "question-for-panel";
    public static final String FIRST_OPINION = "first-opinion";
    public static final String FIRST_OPINION_SUMMARY = "first-opinion-summary";
    public static final String FIRST_OPINION_AUTHOR = "first-opinion-author";
    public static final String FIRST_OPINION_DATE = "first-opinion-date";
    public static final String TREATING_TEAM = "current-treating-team";
    public static final String TREATING_DOCTOR = "treating-doctor";
    public static final String TREATING_INSTITUTION = "treating-institution";
    public static final String TREATING_EMAIL = "treating-email";
    public static final String PREVIOUS_OPINION = "previous-second-opinion";
    public static final String PREVIOUS_OPINION_DATE = "previous-opinion-date";
    public static final String PREVIOUS_OPINION_INSTITUTION = "previous-opinion-institution";
    public static final String PREVIOUS_OPINION_SUMMARY = "previous-opinion-summary";
    public static final String CAREGIVER_HAS_CONSENT = "caregiver-has-patient-consent";

    private IntakeQuestionnaire() {
    }

    public static String canonical() {
        return URL + "|" + CaseIntake.VERSION;
    }

    public static Questionnaire build() {
        Questionnaire q = new Questionnaire();
        q.setId("second-opinion-intake");
        q.setUrl(URL);
        q.setVersion(CaseIntake.VERSION);
        q.setName("SecondOpinionIntake");
        q.setTitle("Request for a multidisciplinary cancer second opinion");
        q.setStatus(PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        add(q, item(TIME_ZONE, "Your time zone (IANA, e.g. Asia/Jakarta): sessions are shown in your own time",
                QuestionnaireItemType.STRING, true, false));
        add(q, item(AGE, "Your age (asked only when the Patient resource has no birth date)",
                QuestionnaireItemType.INTEGER, false, false));
        QuestionnaireItemComponent decisions = add(q, item(DECISIONS_AT_STAKE,
                "Which high-impact decision is at stake?", QuestionnaireItemType.CHOICE, true, true));
        Arrays.stream(DecisionAtStake.values()).forEach(d -> decisions.addAnswerOption().setValue(coding(DECISION_SYSTEM, d)));
        QuestionnaireItemComponent goal = add(q, item(TREATMENT_GOAL, "What is the goal of the proposed treatment, as you understand it?",
                QuestionnaireItemType.CHOICE, true, false));
        Arrays.stream(TreatmentGoal.values()).forEach(g -> goal.addAnswerOption().setValue(coding(GOAL_SYSTEM, g)));
        QuestionnaireItemComponent missing = add(q, item(WHAT_SEEMS_MISSING, "What seems missing from the first opinion?",
                QuestionnaireItemType.CHOICE, false, true));
        Arrays.stream(MissingInformation.values()).forEach(m -> missing.addAnswerOption().setValue(coding(MISSING_SYSTEM, m)));
        add(q, item(OPEN_CONCERNS, "Concerns still unanswered", QuestionnaireItemType.STRING, false, true));
        add(q, item(PLANNED_TREATMENT_START, "When is treatment planned to start?", QuestionnaireItemType.DATE, false, false));
        add(q, item(QUESTION_FOR_PANEL, "Your question for the panel", QuestionnaireItemType.TEXT, true, false));
        QuestionnaireItemComponent first = add(q, item(FIRST_OPINION, "The first opinion / proposed plan",
                QuestionnaireItemType.GROUP, true, false));
        first.addItem(item(FIRST_OPINION_SUMMARY, "What was proposed", QuestionnaireItemType.TEXT, true, false));
        first.addItem(item(FIRST_OPINION_AUTHOR, "By whom", QuestionnaireItemType.STRING, true, false));
        first.addItem(item(FIRST_OPINION_DATE, "When", QuestionnaireItemType.DATE, true, false));
        QuestionnaireItemComponent team = add(q, item(TREATING_TEAM, "Your current treating team",
                QuestionnaireItemType.GROUP, false, false));
        team.addItem(item(TREATING_DOCTOR, "Doctor", QuestionnaireItemType.STRING, false, false));
        team.addItem(item(TREATING_INSTITUTION, "Hospital or clinic", QuestionnaireItemType.STRING, false, false));
        team.addItem(item(TREATING_EMAIL, "Doctor's e-mail", QuestionnaireItemType.STRING, false, false));
        QuestionnaireItemComponent previous = add(q, item(PREVIOUS_OPINION,
                "Previous second opinions on the same question (the panel compares rather than adds one more)",
                QuestionnaireItemType.GROUP, false, true));
        previous.addItem(item(PREVIOUS_OPINION_DATE, "When", QuestionnaireItemType.DATE, true, false));
        previous.addItem(item(PREVIOUS_OPINION_INSTITUTION, "Where", QuestionnaireItemType.STRING, true, false));
        previous.addItem(item(PREVIOUS_OPINION_SUMMARY, "What it said", QuestionnaireItemType.TEXT, true, false));
        add(q, item(CAREGIVER_HAS_CONSENT, "If a caregiver submits: does the patient consent to the caregiver acting for them?",
                QuestionnaireItemType.BOOLEAN, false, false));
        return q;
    }

    public static Coding coding(String system, Enum<?> value) {
        return new Coding(system, value.name(), value.name().replace('_', ' ').toLowerCase(Locale.ROOT));
    }

    private static QuestionnaireItemComponent add(Questionnaire q, QuestionnaireItemComponent item) {
        q.addItem(item);
        return item;
    }

    private static QuestionnaireItemComponent item(String linkId, String text, QuestionnaireItemType type,
                                                   boolean required, boolean repeats) {
        QuestionnaireItemComponent item = new QuestionnaireItemComponent();
        item.setLinkId(linkId).setText(text).setType(type).setRequired(required).setRepeats(repeats);
        return item;
    }
}
