package org.consilium.console.ask;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers as intake's JSON questionnaire ({@code POST /cases}), for this asker: a patient is the patient (their
 * sign-in's e-mail), a caregiver is the proxy (their name and e-mail) asking with the patient's consent. Only what a
 * browser cannot type into JSON is checked here — a number that is not one, a date that is not one, a choice the form
 * never offered — and refused next to its field; everything else is intake's to judge, so its rules live in one place.
 *
 * @param intake    what is sent; meaningful only when {@code refusals} is empty
 * @param refusals  form field → the key of the words saying what is wrong with it
 */
public record IntakeRequest(Map<String, Object> intake, Map<String, String> refusals) {

    public boolean sendable() {
        return refusals.isEmpty();
    }

    public static IntakeRequest of(Answers a, Asker asker) {
        Reading read = new Reading(a);
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("name", read.text("patient.name"));
        patient.put("age", read.number("patient.age"));
        patient.put("sex", read.choice("patient.sex"));
        patient.put("country", read.choice("patient.country"));
        patient.put("languages", read.choices("patient.languages"));
        patient.put("timeZone", read.choice("patient.timeZone"));
        patient.put("email", asker.caregiver() ? read.text("patient.email") : asker.email());
        patient.put("phone", read.text("patient.phone"));

        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("patient", patient);
        if (asker.caregiver()) {
            intake.put("proxy", object("name", asker.name(), "relationship", read.text("proxy.relationship"),
                    "email", asker.email(), "patientConsents", read.ticked("proxy.patientConsents")));
        }
        intake.put("consent", object("review", read.ticked("consent.review"),
                "shareWithPanel", read.ticked("consent.shareWithPanel"),
                "crossBorderTransfer", read.ticked("consent.crossBorderTransfer"),
                "contactCurrentDoctor", read.ticked("consent.contactCurrentDoctor")));
        intake.put("diagnosis", object("cancerType", read.choice("diagnosis.cancerType"), "site", read.text("diagnosis.site"),
                "stage", read.text("diagnosis.stage"), "histology", read.text("diagnosis.histology")));
        Map<String, Object> doctor = object("doctorName", read.text("currentTreatingTeam.doctorName"),
                "institution", read.text("currentTreatingTeam.institution"), "email", read.text("currentTreatingTeam.email"));
        intake.put("currentTreatingTeam", doctor.values().stream().allMatch(v -> v == null) ? null : doctor);
        intake.put("firstOpinion", object("summary", read.text("firstOpinion.summary"),
                "author", read.text("firstOpinion.author"), "date", read.date("firstOpinion.date")));
        intake.put("decisionsAtStake", read.choices("decisionsAtStake"));
        intake.put("treatmentGoal", read.choice("treatmentGoal"));
        intake.put("whatSeemsMissing", read.choices("whatSeemsMissing"));
        intake.put("openConcerns", read.lines("openConcerns"));
        intake.put("plannedTreatmentStart", read.date("plannedTreatmentStart"));
        intake.put("questionForPanel", read.text("questionForPanel"));
        String before = "previousSecondOpinions[0].";
        Map<String, Object> previous = object("date", read.date(before + "date"),
                "institution", read.text(before + "institution"), "summary", read.text(before + "summary"));
        intake.put("previousSecondOpinions", previous.values().stream().allMatch(v -> v == null) ? List.of()
                : List.of(previous));
        return new IntakeRequest(intake, read.refusals);
    }

    private static Map<String, Object> object(Object... pairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            object.put((String) pairs[i], pairs[i + 1]);
        }
        return object;
    }

    /** Reads answers into JSON values, noting each one that cannot be. */
    private static final class Reading {
        private final Answers answers;
        private final Map<String, String> refusals = new LinkedHashMap<>();

        Reading(Answers answers) {
            this.answers = answers;
        }

        String text(String field) {
            String value = answers.first(field).strip();
            return value.isEmpty() ? null : value;
        }

        boolean ticked(String field) {
            return "true".equals(answers.first(field));
        }

        Integer number(String field) {
            String value = answers.first(field).strip();
            if (value.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException notANumber) {
                refusals.put(field, "ask.error.number");
                return null;
            }
        }

        String date(String field) {
            String value = answers.first(field).strip();
            if (value.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(value).toString();
            } catch (DateTimeParseException notADate) {
                refusals.put(field, "ask.error.date");
                return null;
            }
        }

        String choice(String field) {
            String value = text(field);
            if (value != null && !AskChoices.allowed(field, value)) {
                refusals.put(field, "ask.error.choice");
                return null;
            }
            return value;
        }

        List<String> choices(String field) {
            List<String> chosen = new ArrayList<>();
            for (String value : answers.all(field)) {
                if (!AskChoices.allowed(field, value)) {
                    refusals.put(field, "ask.error.choice");
                } else if (!chosen.contains(value)) {
                    chosen.add(value);
                }
            }
            return chosen;
        }

        /** One concern a line, as the form asks for them. */
        List<String> lines(String field) {
            return Arrays.stream(answers.first(field).split("\\R")).map(String::strip).filter(line -> !line.isEmpty())
                    .toList();
        }
    }
}
